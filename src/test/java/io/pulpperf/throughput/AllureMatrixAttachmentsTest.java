package io.pulpperf.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.FleetSettings;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.report.JudgedScenario;
import io.pulpperf.throughput.report.MatrixReport;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.SimulatorConfig;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Attachment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sibling plans' tables (0001 fleet, 0002 ingestion) go into the Allure "Results matrix" as HTML
 * and CSV, like the results table: a fleet and an ingestion scenario on the simulator, the matrix
 * attached as TaskThroughputTest does, and the attachments read back from this test's Allure result.
 */
class AllureMatrixAttachmentsTest {
    @TempDir
    Path out;

    @Test
    void theFleetAndIngestionTablesAreAttachedAsHtmlAndCsv() throws Exception {
        List<JudgedScenario> judged = new ArrayList<>();
        try (SimulatedRun sim = new SimulatedRun(SimulatorConfig.defaults().withWorkers(2).withDefaultServiceTime("1ms")
                .withTestEndpointDuration(Duration.ofMillis(500)).withTestDispatchInterval(Duration.ofMillis(10)), out)) {
            judged.add(new JudgedScenario(sim.run(new Scenario("fleet", Workload.REPOSITORY_DELETE, 3, 1, 1, null, Shape.FLEET,
                    Duration.ofMinutes(1), new Thresholds(0, 0, 0), null, null, null,
                    new FleetSettings(List.of(2, 3), Duration.ofMillis(600), Duration.ofMillis(200)))), List.of()));
            ScenarioResult ingest = sim.run(Scenario.of("ingest", Workload.TASK_INGESTION, 2, 40, 1, Duration.ofSeconds(60), new Thresholds(0, 0, 0)));
            judged.add(new JudgedScenario(ingest, List.of()));
        }
        AllureMatrixReport.attach(MatrixReport.of(Map.of("date", "d", "target", "simulator"), judged));

        Map<String, String> attached = attachmentsOfThisTest();
        assertThat(attached).containsKeys("Worker scalability (plan 0001)", "Worker scalability (plan 0001, CSV)",
                "Task ingestion (plan 0002)", "Task ingestion (plan 0002, CSV)");
        assertThat(attached.get("Worker scalability (plan 0001)")).contains("Bottleneck Identified").contains("heartbeat p95");
        assertThat(attached.get("Worker scalability (plan 0001, CSV)").lines().toList()).hasSize(3)
                .first().isEqualTo("Scenario,Instance Count,Timeout (Yes/No),Bottleneck Identified");
        assertThat(attached.get("Worker scalability (plan 0001, CSV)")).contains("fleet,3,No,\"-; heartbeat p95");
        assertThat(attached.get("Task ingestion (plan 0002)")).contains("Simultaneous workers").contains("ingest: ingests ");
        assertThat(attached.get("Task ingestion (plan 0002, CSV)").lines().toList()).hasSize(2)
                .first().isEqualTo("Scenario,Simultaneous workers,Tasks,Observations");
    }

    /** Name to content of every attachment of this test, read from the Allure results directory. */
    private static Map<String, String> attachmentsOfThisTest() throws Exception {
        List<Attachment> all = new ArrayList<>();
        String uuid = Allure.getLifecycle().getCurrentTestCase().orElseThrow();
        Allure.getLifecycle().updateTestCase(uuid, t -> all.addAll(t.getAttachments()));
        Path results = Path.of(System.getProperty("allure.results.directory", "allure-results"));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Attachment a : all) out.put(a.getName(), Files.readString(results.resolve(a.getSource())));
        return out;
    }
}

package io.pulpperf.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.run.ScriptedPhases;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.SimulatorConfig;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing measured is lost when a scenario throws after dispatch: the files it wrote are attached
 * to the Allure test before the exception goes on (what TaskThroughputTest does for every
 * scenario). The attachments are read back from this test's own Allure result.
 */
class AttachOnFailureTest {
    @TempDir
    Path out;

    @Test
    void filesWrittenBeforeAnExceptionAreAttached() throws Exception {
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("2ms"), out)) {
            // A scenario that ran before leaves files the next run must not pass off as its own.
            Path dir = run.runner.outputDir(SimulatedRun.scenario("stops", Workload.DISTRIBUTION_CREATE, 2, 20, 4));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("tasks.csv"), "stale\n");

            ScriptedPhases phases = new ScriptedPhases(AllureScenarioReport.steps()).at("Wait", () -> {
                throw new IllegalStateException("injected after dispatch");
            });
            assertThatThrownBy(() -> AllureScenarioReport.run(run.runner,
                    SimulatedRun.scenario("stops", Workload.DISTRIBUTION_CREATE, 2, 20, 4), phases))
                    .isInstanceOf(IllegalStateException.class).hasMessage("injected after dispatch");

            assertThat(Files.readAllLines(dir.resolve("dispatch.csv"))).as("flushed and closed").hasSize(1 + 20);
            assertThat(dir.resolve("tasks.csv")).as("the stale file is gone").doesNotExist();
            List<Attachment> attached = attachmentsOfThisTest();
            assertThat(attached).extracting(Attachment::getName).containsExactly("Written before the scenario stopped: dispatch.csv");
            Path results = Path.of(System.getProperty("allure.results.directory", "allure-results"));
            assertThat(Files.readAllLines(results.resolve(attached.get(0).getSource()))).hasSize(1 + 20);
        }
    }

    private static List<Attachment> attachmentsOfThisTest() {
        List<Attachment> all = new ArrayList<>();
        String uuid = Allure.getLifecycle().getCurrentTestCase().orElseThrow();
        Allure.getLifecycle().updateTestCase(uuid, t -> {
            all.addAll(t.getAttachments());
            t.getSteps().forEach(s -> collect(s, all));
        });
        return all;
    }

    private static void collect(StepResult step, List<Attachment> into) {
        into.addAll(step.getAttachments());
        step.getSteps().forEach(s -> collect(s, into));
    }
}

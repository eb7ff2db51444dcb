package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.measure.FailureReason;
import io.pulpperf.throughput.measure.TaskCollector;
import io.pulpperf.throughput.pulp.PulpTask;
import io.pulpperf.throughput.report.JudgedScenario;
import io.pulpperf.throughput.report.LatencyTable;
import io.pulpperf.throughput.report.MatrixReport;
import io.pulpperf.throughput.report.ScenarioChecks;
import io.pulpperf.throughput.report.ScenarioSummary;
import io.pulpperf.throughput.report.SummaryTable;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27 on the simulator: PR #535's view as written (every create after the first fails on the
 * empty base_path, with pulpcore's own IntegrityError text) plus the simulator's random failures
 * gives two causes; with every task failing, nothing over completed tasks is printed as a 0.
 */
@DisplayName("Failed tasks: reasons with exact counts; no 0 where no task completed")
class FailedTasksReportTest {
    // A zero printed as a latency or a rate: "0.0 ms", "0.00 tasks/s", "0.00/s".
    private static final Pattern ZERO_FIGURE = Pattern.compile("(?<![\\d.])0\\.0+ ?(ms|tasks/s|/s)");

    @TempDir
    Path out;

    @Test
    void twoCausesAreBothNamedWithTheServersExactCounts() throws Exception {
        try (SimulatedRun sim = new SimulatedRun(views(0.4), out)) {
            ScenarioResult r = sim.run(pr535("pr535", 20));
            // Ground truth straight from the tasks API, by the exact description.
            List<PulpTask> tasks = new ArrayList<>();
            new TaskCollector(sim.client, 200).collect(Map.of("logging_cid", r.runId()), tasks::add, row -> { },
                    Instant.now().plusSeconds(20), 20);
            long simulated = tasks.stream().filter(t -> "failed".equals(t.state()) && t.errorDescription().startsWith("Simulated failure")).count();
            long duplicate = tasks.stream().filter(t -> "failed".equals(t.state()) && t.errorDescription().startsWith("duplicate key value")).count();
            assertThat(simulated).isPositive();
            assertThat(duplicate).isPositive();
            assertThat(r.metrics().completed()).isEqualTo(1);  // the first create that ran took the empty base path
            assertThat(simulated + duplicate + 1).isEqualTo(tasks.size()).isEqualTo(r.metrics().observed());

            List<FailureReason> reasons = r.metrics().failures();
            assertThat(reasons).hasSize(2);
            FailureReason integrity = reasons.stream().filter(f -> f.reason().startsWith("IntegrityError: duplicate key value violates unique constraint "
                    + "\"core_distribution_base_path_pulp_domain_id_<id>_uniq\" DETAIL: Key (base_path, pulp_domain_id)=(…) already exists.")).findFirst().orElseThrow();
            FailureReason random = reasons.stream().filter(f -> f.reason().equals("Simulated failure (failure rate <n>).")).findFirst().orElseThrow();
            assertThat(integrity.count()).isEqualTo(duplicate);
            assertThat(random.count()).isEqualTo(simulated);
            assertThat(integrity.example()).startsWith("duplicate key value violates unique constraint").contains("DETAIL:  Key (base_path, pulp_domain_id)=(, ");
            assertThat(tasks).anySatisfy(t -> assertThat(t.href()).isEqualTo(integrity.firstTask()));

            JudgedScenario j = new JudgedScenario(r, ScenarioChecks.of(r));
            String line = ScenarioSummary.line(r);
            MatrixReport m = MatrixReport.of(Map.of("date", "d", "target", "sim"), List.of(j));
            String allure = SummaryTable.html(r, j.checks());
            JsonNode failures = new ObjectMapper().readTree(m.json()).path("scenarios").get(0).path("failures");
            for (FailureReason f : List.of(integrity, random)) {
                String counted = "(" + f.count() + ")";
                assertThat(line).contains(counted).contains(f.reason().substring(0, 30));
                assertThat(m.markdown()).contains(counted).contains(f.reason().substring(0, 30));
                assertThat(allure).contains(f.count() + " x " + f.reason().substring(0, 30));
                assertThat(failures).anySatisfy(n -> {
                    assertThat(n.path("reason").asText()).isEqualTo(f.reason());
                    assertThat(n.path("count").asInt()).isEqualTo(f.count());
                    assertThat(n.path("firstTask").asText()).isEqualTo(f.firstTask());
                    assertThat(n.path("example").asText()).isEqualTo(f.example());
                });
            }
            assertThat(m.markdown()).contains((simulated + duplicate) + " failed: ");
            System.out.println("issue 27, two causes: " + line);
        }
    }

    @Test
    void aScenarioWithoutCompletionsPrintsNoZeroLatencyOrRateAnywhere() throws Exception {
        try (SimulatedRun sim = new SimulatedRun(views(1.0), out)) {
            ScenarioResult r = sim.run(pr535("all-fail", 12));
            assertThat(r.metrics().completed()).isZero();
            assertThat(r.metrics().failed()).isEqualTo(r.metrics().observed()).isPositive();
            JudgedScenario j = new JudgedScenario(r, ScenarioChecks.of(r));
            MatrixReport m = MatrixReport.of(Map.of("date", "d", "target", "sim"), List.of(j));
            Map<String, String> printed = Map.of("console line", ScenarioSummary.line(r), "console text", ScenarioSummary.text(r),
                    "results.md", m.markdown(), "Allure summary", SummaryTable.html(r, j.checks()), "Allure summary CSV", SummaryTable.csv(r, j.checks()),
                    "Allure latency table", LatencyTable.html("x", r.metrics()), "results.csv", m.csv());
            printed.forEach((where, text) -> assertThat(ZERO_FIGURE.matcher(text).find()).as("%s: %s", where, text).isFalse());
            assertThat(ScenarioSummary.line(r)).contains("0/" + r.metrics().submitted() + " tasks completed, - tasks/s (steady -, makespan -)")
                    .contains("p95 total -,").contains(r.metrics().failed() + " failed: Simulated failure (failure rate <n>). (" + r.metrics().failed() + ")");
            assertThat(SummaryTable.csv(r, j.checks())).contains("figure,p50 / p95 total latency,- / -,").contains("throughput,- tasks/s");

            JsonNode s = new ObjectMapper().readTree(m.json()).path("scenarios").get(0);
            JsonNode metrics = s.path("metrics");
            for (String rate : List.of("throughput", "steadyRate", "makespanRate")) assertThat(metrics.path(rate).isNull()).as(rate).isTrue();
            JsonNode total = metrics.path("latency").path("TOTAL");
            assertThat(total.path("count").asLong()).isZero();
            for (Iterator<String> it = total.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("count")) assertThat(total.path(f).isNull()).as("latency.TOTAL." + f).isTrue();
            }
            // Every latency part: a 0 only where it was measured as 0 by some task, never for a part no task had.
            metrics.path("latency").fields().forEachRemaining(e -> {
                if (e.getValue().path("count").asLong() == 0) assertThat(e.getValue().path("p95").isNull()).as(e.getKey()).isTrue();
            });
            assertThat(s.path("scaling").path("throughput").isNumber()).isFalse();
            // And anywhere in the scenario's figures (not its configured thresholds): no latency percentile or rate of nothing
            // is a 0. A part some task had (count > 0) may measure 0 (the simulator unblocks a task as it starts it).
            List<String> zeros = new ArrayList<>();
            walk(((com.fasterxml.jackson.databind.node.ObjectNode) s.deepCopy()).without("scenario"), "", zeros);
            assertThat(zeros).as("latency or rate fields that are 0").isEmpty();
            assertThat(s.path("failures")).singleElement().satisfies(f -> assertThat(f.path("count").asLong()).isEqualTo(r.metrics().failed()));
        }
    }

    // successRate is left out: 0 completed of 30 observed is a measured 0%, and says so.
    private static final Pattern FIGURE_NAME = Pattern.compile("p50|p90|p95|p99|p999|max|mean|throughput|(?!successRate).*[Rr]ate|.*Rates");

    private static void walk(JsonNode node, String path, List<String> zeros) {
        if (node.isObject()) {
            boolean measured = node.path("count").asLong(0) > 0;
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (!measured && v.isNumber() && v.asDouble() == 0 && FIGURE_NAME.matcher(e.getKey()).matches()) zeros.add(path + "." + e.getKey());
                walk(v, path + "." + e.getKey(), zeros);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(node.get(i), path + "[" + i + "]", zeros);
        }
    }

    private static SimulatorConfig views(double failureRate) {
        // 20 ms a task, one every 10 ms, all on the lock "-": a queue builds, so every measured wait is well above 0.
        return SimulatorConfig.defaults().withDefaultServiceTime("1ms").withServiceTime("create_distribution_task", "20ms").withFailureRate(failureRate)
                .withTestEndpointDuration(Duration.ofMillis(300)).withTestDispatchInterval(Duration.ofMillis(10));
    }

    /** One request of PR #535's view dispatches 31 tasks in 0.3 s: at least {@code tasks}. */
    private static Scenario pr535(String name, int tasks) {
        return new Scenario(name, Workload.TASK_INGESTION, 2, tasks, 1, null, Shape.STEADY, Duration.ofSeconds(60), new Thresholds(0, 0, 0),
                null, "test/task_throughput/");
    }
}

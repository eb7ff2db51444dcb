package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The results table in the seed plan's shape, results.json with every figure, and static HTML tables. */
class ReportTablesTest {
    private static JudgedScenario judged(ScenarioResult r) {
        List<Check> checks = new ArrayList<>(ScenarioChecks.of(r));
        return new JudgedScenario(r, checks);
    }

    private static List<JudgedScenario> matrix() {
        return List.of(judged(RunFixture.of("repo-1w", 1, 40).build()),
                judged(RunFixture.of("repo-2w", 2, 76).thresholds(new Thresholds(100, 0.99, 0)).build()),
                judged(RunFixture.of("dist-2w", 2, 25).workload(Workload.DISTRIBUTION_CREATE).build()));
    }

    @Test
    void resultsTableHasTheSeedPlansColumnsAndDashesForWhatWasNotMeasured() {
        String md = ResultsTable.markdown("Task throughput", matrix());
        List<String> lines = md.lines().toList();
        assertThat(lines).contains("| Run | Pulp-Workers | Requests | Tasks Submitted | Tasks / Sec Processed | Observations |");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("| 1 repo-1w | 1 | 100 | 100 | 40.00 | PASSED, repository-delete"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("| 2 repo-2w | 2 | 100 | 100 | 76.00 | FAILED (threshold tasks per second)")
                .contains("scaling 95.0%"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("| 3 dist-2w |").doesNotContain("scaling"));
        assertThat(md).contains("**Key:** `-` = not measured");
        List<String> csv = ResultsTable.csv(matrix()).lines().toList();
        assertThat(csv.get(0)).isEqualTo("Run,Pulp-Workers,Requests,Tasks Submitted,Tasks / Sec Processed,Scaling,Observations");
        assertThat(csv.get(3)).startsWith("3 dist-2w,2,100,100,25.00,-,\"PASSED, distribution-create");
    }

    @Test
    void resultsJsonHoldsEveryFigureChecksAndVerdictOfEveryScenario() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ResultsJson.json(Map.of("date", "2026-11-27"), matrix()));
        assertThat(root.path("schema").asInt()).isEqualTo(ResultsJson.SCHEMA);
        assertThat(root.path("passed").asBoolean()).isFalse();
        assertThat(root.path("context").path("date").asText()).isEqualTo("2026-11-27");
        JsonNode s = root.path("scenarios").get(1);
        assertThat(s.path("name").asText()).isEqualTo("repo-2w");
        assertThat(s.path("passed").asBoolean()).isFalse();
        assertThat(s.path("checks").get(0).path("verdict").asText()).isEqualTo("FAIL");
        assertThat(s.path("checks").get(0).path("expected").asText()).isEqualTo("at least 100.00");
        assertThat(s.path("scenario").path("thresholds").path("minTasksPerSecond").asDouble()).isEqualTo(100);
        assertThat(s.path("scaling").path("efficiency").asDouble()).isEqualTo(0.95, org.assertj.core.api.Assertions.within(0.001));
        JsonNode m = s.path("metrics");
        assertThat(m.path("throughput").asDouble()).isEqualTo(76.0, org.assertj.core.api.Assertions.within(0.01));
        for (String part : List.of("BLOCKED", "WORKER_WAIT", "QUEUE_WAIT", "RUN", "TOTAL")) {
            assertThat(m.path("latency").path(part).fieldNames()).toIterable()
                    .contains("count", "p50", "p90", "p95", "p99", "p999", "max", "mean");
        }
        assertThat(m.path("timeline").isArray()).isTrue();
        assertThat(m.path("timeline").get(0).fieldNames()).toIterable().contains("created", "started", "finished", "waiting", "running");
        assertThat(s.path("dispatch").path("byStatus").path("202").asInt()).isEqualTo(100);
        assertThat(s.path("dispatch").path("latency").path("p99").isNumber()).isTrue();
        assertThat(s.path("scenario").path("timeout").asText()).isEqualTo("PT2M");
    }

    @Test
    void htmlAttachmentsAreStaticAndEscaped() {
        ScenarioResult r = RunFixture.of("x", 1, 40).failed(2).dispatchErrors(Map.of(500, 1))
                .incomplete("<script>alert(1)</script> & more").build();
        List<Check> checks = ScenarioChecks.of(r);
        for (String html : List.of(SummaryTable.html(r, checks), DispatchTable.html("x", r.dispatch()),
                LatencyTable.html("x latency", r.metrics()), ResultsTable.html("t", List.of(new JudgedScenario(r, checks))))) {
            assertThat(html).startsWith("<!DOCTYPE html>").doesNotContainIgnoringCase("<script").doesNotContain("src=")
                    .doesNotContain("href=").doesNotContain("onload");
        }
        assertThat(SummaryTable.html(r, checks)).contains("x: FAILED", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
        assertThat(DispatchTable.html("x", r.dispatch())).contains("server error", "accepted: a task was dispatched");
    }

    @Test
    void summaryCsvHasEveryCheckAndFigureWithItsVerdict() {
        ScenarioResult r = RunFixture.of("x", 1, 20).thresholds(new Thresholds(30, 0.99, 0)).build();
        String csv = SummaryTable.csv(r, ScenarioChecks.of(r));
        assertThat(csv.lines().findFirst()).hasValue("kind,figure,measured,required,result,detail");
        assertThat(csv).contains("threshold,tasks per second,20.00,at least 30.00,fail,")
                .contains("figure,steady-state rate,");
    }

    @Test
    void latencyCsvLeavesPartsNoTaskHadEmpty() {
        var empty = new io.pulpperf.throughput.measure.RunAnalyzer().result(List.of());
        assertThat(LatencyTable.csv(empty).lines().skip(1)).allSatisfy(l -> assertThat(l).endsWith(",0,,,,,,,"));
        assertThat(LatencyTable.html("e", empty)).contains(">-<");
    }
}

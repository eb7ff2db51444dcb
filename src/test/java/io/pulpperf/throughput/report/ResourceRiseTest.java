package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pulpperf.throughput.db.DbSummary;
import io.pulpperf.throughput.resources.ResourceRole;
import io.pulpperf.throughput.resources.ResourceStats;
import io.pulpperf.throughput.resources.ResourceUnit;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.usl.ResourceRise;
import io.pulpperf.throughput.usl.Scalability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the resource observer on, the scalability line names what each task cost more of as workers were added. */
class ResourceRiseTest {
    private static ResourceStats cpu(String name, double mean) {
        return new ResourceStats(name, ResourceRole.guess(name), ResourceUnit.CORES, mean * 1.5, mean, mean * 1.2, 30, true, null);
    }

    private static void observe(Map<String, Map<String, Object>> observed, ScenarioResult r, ResourceStats... series) {
        observed.put(r.runId(), Map.of("resources", Map.of("series", List.of(series))));
    }

    @Test
    void theSeriesWhoseCostPerTaskRoseMostIsNamed() {
        ScenarioResult one = RunFixture.of("d1", 1, 10).build();
        ScenarioResult eight = RunFixture.of("d8", 8, 20).build();
        Map<String, Map<String, Object>> observed = new LinkedHashMap<>();
        // per task = mean x window / completed = mean / rate: DB CPU 0.05 -> 0.15 CPU-s, API CPU 0.02 -> 0.02
        observe(observed, one, cpu("DB CPU", 0.5), cpu("API CPU", 0.2));
        observe(observed, eight, cpu("DB CPU", 3.0), cpu("API CPU", 0.4));
        ResourceRise rise = ResourceRiseFinder.find(List.of(eight, one), observed);
        assertThat(rise.series()).isEqualTo("DB CPU");
        assertThat(rise.fromWorkers()).isEqualTo(1);
        assertThat(rise.toWorkers()).isEqualTo(8);
        assertThat(rise.factor()).isCloseTo(3.0, within(0.05));
        List<Scalability> groups = ScalabilityGroups.of(List.of(one, eight), observed);
        assertThat(groups.get(0).sentence()).contains("rose with the workers: DB CPU per completed task x3.0");
        assertThat(groups.get(0).toJson().get("resourceRise")).isEqualTo(rise);
    }

    @Test
    void theDatabaseSamplersRatesCountPerTaskToo() {
        ScenarioResult one = RunFixture.of("d1", 1, 10).build();
        ScenarioResult eight = RunFixture.of("d8", 8, 20).build();
        Map<String, Map<String, Object>> observed = new LinkedHashMap<>();
        // 30 -> 20 transactions per task (fewer: not named); 5 -> 40 core_task scans per task (x8); connections are no rate
        observed.put(one.runId(), Map.of("resources", Map.of("series", List.of(cpu("DB CPU", 0.5))), "database", Map.of("metrics", List.of(
                new DbSummary.Metric("transactions", "per s", 400, 300), new DbSummary.Metric("core_task index scans", "per s", 60, 50),
                new DbSummary.Metric("connections", "", 5, 4)))));
        observed.put(eight.runId(), Map.of("resources", Map.of("series", List.of(cpu("DB CPU", 2.0))), "database", Map.of("metrics", List.of(
                new DbSummary.Metric("transactions", "per s", 500, 400), new DbSummary.Metric("core_task index scans", "per s", 900, 800),
                new DbSummary.Metric("connections", "", 50, 40)))));
        ResourceRise rise = ResourceRiseFinder.find(List.of(one, eight), observed);
        assertThat(rise.series()).isEqualTo("DB core_task index scans");
        assertThat(rise.factor()).isCloseTo(8.0, within(0.1));
        assertThat(rise.sentence()).isEqualTo("rose with the workers: DB core_task index scans per completed task x8.0 (5.000 at 1 workers, 40.00 at 8)");
    }

    @Test
    void nothingIsNamedWhenNoCostPerTaskRoseByAFifth() {
        ScenarioResult one = RunFixture.of("d1", 1, 10).build();
        ScenarioResult eight = RunFixture.of("d8", 8, 20).build();
        Map<String, Map<String, Object>> observed = new LinkedHashMap<>();
        observe(observed, one, cpu("DB CPU", 0.5));
        observe(observed, eight, cpu("DB CPU", 1.1));  // 0.05 -> 0.055 CPU-s per task: x1.1
        assertThat(ResourceRiseFinder.find(List.of(one, eight), observed)).isNull();
        assertThat(ResourceRiseFinder.find(List.of(one, eight), Map.of())).as("observer off").isNull();
        assertThat(ScalabilityGroups.of(List.of(one, eight), observed).get(0).sentence()).doesNotContain("rose with");
    }
}

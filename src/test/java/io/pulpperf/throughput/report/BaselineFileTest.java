package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.run.ScenarioResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Dpulp.baseline: read back what results.json holds; every mistake is a config error before any load. */
class BaselineFileTest {
    @TempDir
    Path dir;

    @Test
    void readsBackTheFiguresResultsJsonWrote() throws Exception {
        ScenarioResult one = RunFixture.of("repo-1w", 1, 40).build();
        ScenarioResult two = RunFixture.of("repo-2w", 2, 80).build();
        Path file = dir.resolve("results.json");
        ResultsJson.write(file, Map.of("date", "2026-11-27"),
                List.of(new JudgedScenario(one, List.of()), new JudgedScenario(two, List.of())));

        Baseline b = BaselineFile.load(file, 0.2);
        assertThat(b.tolerance()).isEqualTo(0.2);
        assertThat(b.scenarios()).containsOnlyKeys("repo-1w", "repo-2w");
        assertThat(b.scenario("repo-2w")).hasValue(new Baseline.Figures(two.metrics().throughput(),
                two.metrics().latency().get(LatencyPart.TOTAL).p95()));
    }

    @Test
    void readsBackResourcePeaksFromTheObservedFigures() throws Exception {
        ScenarioResult one = RunFixture.of("repo-1w", 1, 40).build();
        var cpu = new io.pulpperf.throughput.resources.ResourceStats("API CPU", io.pulpperf.throughput.resources.ResourceRole.API,
                io.pulpperf.throughput.resources.ResourceUnit.CORES, 1.8, 1.2, 1.7, 10, true, null);
        var none = new io.pulpperf.throughput.resources.ResourceStats("empty", io.pulpperf.throughput.resources.ResourceRole.OTHER,
                io.pulpperf.throughput.resources.ResourceUnit.COUNT, Double.NaN, Double.NaN, Double.NaN, 0, false, null);
        Path file = dir.resolve("results.json");
        java.nio.file.Files.writeString(file, ResultsJson.json(Map.of("date", "2026-11-30"), List.of(new JudgedScenario(one, List.of())),
                Map.of(one.runId(), Map.of("resources", Map.of("series", List.of(cpu, none))))));
        assertThat(BaselineFile.load(file, 0.1).scenario("repo-1w").orElseThrow().resourcePeaks())
                .as("a series without samples has no peak to compare").isEqualTo(Map.of("API CPU", 1.8));
    }

    @Test
    void isOffWithoutTheProperty() {
        assertThat(BaselineFile.fromProperties(Map.of(), dir)).isEqualTo(Optional.empty());
        assertThat(BaselineFile.fromProperties(Map.of("pulp.baseline", " "), dir)).isEmpty();
    }

    @Test
    void resolvesARelativePathAndReadsTheTolerance() throws Exception {
        Files.writeString(dir.resolve("old.json"), "{\"scenarios\": []}");
        Baseline b = BaselineFile.fromProperties(Map.of("pulp.baseline", "old.json", "pulp.baseline.tolerance", "0.05"), dir)
                .orElseThrow();
        assertThat(b.tolerance()).isEqualTo(0.05);
        assertThat(BaselineFile.fromProperties(Map.of("pulp.baseline", "old.json"), dir).orElseThrow().tolerance()).isEqualTo(0.10);
    }

    @Test
    void aMissingFileIsAConfigError() {
        assertThatThrownBy(() -> BaselineFile.fromProperties(Map.of("pulp.baseline", "nope/results.json"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("-Dpulp.baseline=").hasMessageContaining("nope/results.json").hasMessageContaining("no such file");
    }

    @Test
    void malformedJsonIsAConfigErrorWithItsLine() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\n  \"scenarios\": [\n    {\"name\": \"x\",\n");
        assertThatThrownBy(() -> BaselineFile.load(dir.resolve("bad.json"), 0.1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON at line");
    }

    @Test
    void aDocumentThatIsNotAResultsJsonIsAConfigError() throws Exception {
        Files.writeString(dir.resolve("other.json"), "[1, 2, 3]");
        assertThatThrownBy(() -> BaselineFile.load(dir.resolve("other.json"), 0.1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a results.json");
        Files.writeString(dir.resolve("noname.json"), "{\"scenarios\": [{\"metrics\": {}}]}");
        assertThatThrownBy(() -> BaselineFile.load(dir.resolve("noname.json"), 0.1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("scenarios[0] has no name");
        Files.writeString(dir.resolve("text.json"), "{\"scenarios\": [{\"name\": \"a\", \"metrics\": {\"throughput\": \"fast\"}}]}");
        assertThatThrownBy(() -> BaselineFile.load(dir.resolve("text.json"), 0.1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics.throughput must be a number");
    }

    @Test
    void aBadToleranceIsAConfigError() throws Exception {
        Files.writeString(dir.resolve("ok.json"), "{\"scenarios\": []}");
        for (String bad : List.of("10%", "-0.1", "1.5", "abc")) {
            assertThatThrownBy(() -> BaselineFile.fromProperties(Map.of("pulp.baseline", "ok.json", "pulp.baseline.tolerance", bad), dir))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("-Dpulp.baseline.tolerance").hasMessageContaining(bad);
        }
    }

    @Test
    void readsTheOlderLayoutWithTheNameInsideScenario() throws Exception {
        Files.writeString(dir.resolve("old.json"), "{\"scenarios\": [{\"scenario\": {\"name\": \"a\"}, \"metrics\": "
                + "{\"throughput\": 12.5, \"latency\": {\"TOTAL\": {\"count\": 3, \"p95\": 1500}}}}]}");
        assertThat(BaselineFile.load(dir.resolve("old.json"), 0.1).scenario("a")).hasValue(new Baseline.Figures(12.5, 1500L));
    }
}

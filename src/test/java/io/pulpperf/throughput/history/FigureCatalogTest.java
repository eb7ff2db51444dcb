package io.pulpperf.throughput.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureCatalogTest {
    @Test
    void directions() {
        assertThat(FigureCatalog.direction("throughput")).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(FigureCatalog.direction("queueWaitP95Ms")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(FigureCatalog.direction("resources.series.DB CPU.peak")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(FigureCatalog.direction("database.metrics.connections.peak")).isEqualTo(Direction.NONE);
    }

    @Test
    void observersFiguresAreFlattenedWithoutTheirBookkeeping() {
        Map<String, Object> resources = new HashMap<>();
        resources.put("from", 1_700_000_000_000L);
        resources.put("series", List.of(Map.of("name", "DB CPU", "peak", 0.9, "mean", 0.5, "samples", 30)));
        Map<String, Double> out = new HashMap<>();
        FigureCatalog.flattenObserved(out, "resources", resources);
        assertThat(out).containsOnlyKeys("resources.series.DB CPU.peak", "resources.series.DB CPU.mean");
    }

    @Test
    void logClassCountsAreCountsWhereFewerIsBetter() {
        Map<String, Double> out = new HashMap<>();
        Map<String, Object> logs = Map.of("classes", List.of(
                Map.of("name", "api-timeout", "count", 2, "ownCount", 1, "matchedByTime", 1, "firstAt", "2026-12-07T03:38:53Z")),
                "sources", List.of(Map.of("name", "/var/log/pulp/api.log", "kind", "files", "lines", 10, "bytes", 900)));
        FigureCatalog.flattenObserved(out, "logs", logs);
        assertThat(out).containsEntry("logs.classes.api-timeout.count", 2.0).containsEntry("logs.classes.api-timeout.ownCount", 1.0)
                .doesNotContainKey("logs.classes.api-timeout.matchedByTime").containsEntry("logs.sources./var/log/pulp/api.log.lines", 10.0);
        assertThat(FigureCatalog.direction("logs.classes.api-timeout.count")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(FigureCatalog.isCount("logs.classes.worker-lost.ownCount")).isTrue();
        assertThat(FigureCatalog.isCount("logs.sources./var/log/pulp/api.log.lines")).isFalse();
        assertThat(FigureCatalog.direction("logs.sources./var/log/pulp/api.log.lines")).isEqualTo(Direction.NONE);
    }
}

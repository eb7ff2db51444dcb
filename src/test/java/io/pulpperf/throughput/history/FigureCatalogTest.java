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
}

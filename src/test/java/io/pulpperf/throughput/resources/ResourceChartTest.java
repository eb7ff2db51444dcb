package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ResourceChartTest {
    private static final Instant ZERO = Instant.parse("2026-11-30T12:00:00Z");

    private static ResourceSeries series(String name, ResourceUnit unit, double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) t[i] = ZERO.toEpochMilli() + 1000L * i;
        return new ResourceSeries(name, name, unit, ResourceRole.guess(name), null, Map.of(), t, values);
    }

    private static List<ValueAxis> rangeAxes(List<ResourceSeries> series) {
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) ResourceChart.chart("t", series, ZERO).getPlot();
        return plot.getSubplots().stream().map(p -> ((XYPlot) p).getRangeAxis()).toList();
    }

    @Test
    void aPanelOfZerosShowsZeroToOneNotTicksOfABillionth() {
        List<ValueAxis> axes = rangeAxes(List.of(series("DB lock waits", ResourceUnit.SECONDS, 0, 0, 0)));
        assertThat(axes).singleElement().satisfies(y -> {
            assertThat(y.getLowerBound()).isEqualTo(0);
            assertThat(y.getUpperBound()).isEqualTo(1);
        });
    }

    @Test
    void aPanelWithSmallValuesKeepsItsOwnScale() {
        List<ValueAxis> axes = rangeAxes(List.of(series("postgres CPU", ResourceUnit.CORES, 0, 0.01, 0.013)));
        assertThat(axes).singleElement().satisfies(y -> assertThat(y.getUpperBound()).isLessThan(0.1));
    }
}

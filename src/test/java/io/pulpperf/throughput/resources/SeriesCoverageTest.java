package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Coverage and gaps of a series over the tasks' window, and how they are shown (issue 21). */
@DisplayName("series coverage and gaps")
class SeriesCoverageTest {
    private static final long ZERO = 1_000_000L;

    /** Samples at ZERO - 2 s .. ZERO + 20 s every second, except those whose offset is in [holeFrom, holeTo]. */
    private static ResourceSeries withHole(int holeFrom, int holeTo) {
        long[] t = new long[23];
        double[] v = new double[23];
        int n = 0;
        for (int s = -2; s <= 20; s++) {
            if (s >= holeFrom && s <= holeTo) continue;
            t[n] = ZERO + s * 1000L;
            v[n++] = 0.5;
        }
        return new ResourceSeries("DB CPU", "DB CPU", ResourceUnit.CORES, ResourceRole.DATABASE, null, Map.of(),
                java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(v, n));
    }

    @Test
    @DisplayName("a hole from +5 s to +9 s in a 0..18 s window: 14 of 19 samples, one gap with its offsets")
    void holeIsMeasured() {
        ResourceSeries s = withHole(5, 9);
        SeriesCoverage c = SeriesCoverage.of(s.millis(), s.values(), ZERO - 2000, 1000, ZERO, ZERO + 18_000, ZERO);
        assertThat(c.expected()).isEqualTo(19);
        assertThat(c.present()).isEqualTo(14);
        assertThat(c.coverage()).isEqualTo(14 / 19.0);
        assertThat(c.partial()).isTrue();
        assertThat(c.gaps()).containsExactly(new SeriesGap(5.0, 9.0));
        assertThat(c.describe()).isEqualTo("74% of the expected samples (14 of 19); none from +5.0 s to +9.0 s");
    }

    @Test
    @DisplayName("a whole series is not partial; NaN samples count as missing")
    void wholeAndNan() {
        ResourceSeries s = withHole(100, 100);
        SeriesCoverage whole = SeriesCoverage.of(s.millis(), s.values(), ZERO - 2000, 1000, ZERO, ZERO + 18_000, ZERO);
        assertThat(whole.coverage()).isEqualTo(1.0);
        assertThat(whole.gaps()).isEmpty();
        double[] nan = s.values().clone();
        java.util.Arrays.fill(nan, 0, 10, Double.NaN); // offsets -2 .. +7
        SeriesCoverage c = SeriesCoverage.of(s.millis(), nan, ZERO - 2000, 1000, ZERO, ZERO + 18_000, ZERO);
        assertThat(c.gaps()).containsExactly(new SeriesGap(0.0, 7.0));
        assertThat(c.partial()).isTrue();
    }

    @Test
    @DisplayName("figures from the window's samples only; the Observations line and the table mark partial and missing series")
    void figuresMarked() {
        ResourceSeries s = withHole(5, 9);
        SeriesCoverage c = SeriesCoverage.of(s.millis(), s.values(), ZERO - 2000, 1000, ZERO, ZERO + 18_000, ZERO);
        ResourceStats partial = ResourceStats.of(s, ZERO, ZERO + 18_000, c);
        ResourceStats missing = ResourceStats.missing("worker CPU", ResourceRole.WORKER, ResourceUnit.CORES, null,
                SeriesCoverage.none(ZERO - 2000, 1000, ZERO, ZERO + 18_000, ZERO));
        ResourceReport r = new ResourceReport(Instant.ofEpochMilli(ZERO - 2000), Instant.ofEpochMilli(ZERO + 20_000), Duration.ofSeconds(1),
                List.of(s), List.of(partial, missing), List.of(), List.of(), 1, Duration.ZERO);
        assertThat(ResourceFigures.line(r)).isEqualTo("Resources: DB CPU peak 0.50 cores (partial: 74% of samples), "
                + "missing (no samples in the window): worker CPU");
        assertThat(ResourceFigures.statsHtml("t", r)).contains("DB CPU (partial)").contains(">74% partial<").contains(">missing<");
        assertThat(ResourceFigures.statsCsv(r)).contains(",0.736842\n");
        assertThat(missing.gaps()).containsExactly(new SeriesGap(0.0, 18.0));
    }

    @Test
    @DisplayName("the chart draws a hole as a hole: a null point breaks the line, none where samples are contiguous")
    void chartBreaksAtHoles() {
        XYDataset holed = dataset(withHole(5, 9));
        assertThat(nulls(holed)).isEqualTo(1);
        assertThat(nulls(dataset(withHole(100, 100)))).isZero();
    }

    private static XYDataset dataset(ResourceSeries s) {
        var chart = ResourceChart.chart("t", List.of(s), Instant.ofEpochMilli(ZERO));
        return ((XYPlot) ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0)).getDataset();
    }

    private static int nulls(XYDataset d) {
        int n = 0;
        for (int i = 0; i < d.getItemCount(0); i++) if (d.getY(0, i) == null) n++;
        return n;
    }
}

package io.pulpperf.throughput.report;

import io.pulpperf.throughput.history.FigureCatalog;
import io.pulpperf.throughput.history.FigureJudgement;
import io.pulpperf.throughput.history.SeriesJudgement;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.Range;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A scenario's main figures over its series: one panel per figure, the runs in order, tonight as a
 * large vermillion point, each change point as a dashed vertical line at the first run of the new
 * level, and the tolerance band (reference median +- tolerance) shaded.
 */
public final class TrendChart {
    public static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 220;
    private static final int MAX_PANELS = 3;

    private TrendChart() {}

    /** The figures drawn: the main ones this series has, at most three. */
    public static List<String> figures(SeriesJudgement j) {
        List<String> out = new ArrayList<>();
        for (String f : FigureCatalog.MAIN) {
            if (out.size() < MAX_PANELS && j.points().stream().anyMatch(p -> p.figures().get(f) != null)) out.add(f);
        }
        return out;
    }

    public static int height(SeriesJudgement j) {
        return 120 + PANEL_HEIGHT * Math.max(1, figures(j).size());
    }

    public static JFreeChart of(String scenario, SeriesJudgement j) {
        List<Charts.Panel> panels = new ArrayList<>();
        for (String figure : figures(j)) panels.add(new Charts.Panel(panel(figure, j), 1));
        NumberAxis x = new NumberAxis("run of the series (tonight last)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        FigureJudgement gate = j.gate();
        String subtitle = "Series " + j.series() + ", " + j.points().size() + " runs; verdict: " + j.verdict()
                + (gate != null && gate.lasting() != null ? " (" + gate.lasting().describe(gate.name()) + ")" : "")
                + (gate != null && gate.detectableChange() != null ? "; " + gate.detectable() + " (" + gate.noise().describe() + ")" : "")
                + (gate != null && gate.accepted() != null ? "; " + gate.accepted().describe() : "")
                + (j.changePoints().isEmpty() ? "; no change point" : "; change points at run "
                + String.join(", ", j.changePoints().stream().map(c -> "#" + (c.index() + 1) + " (" + c.figure() + ")").distinct().toList()));
        return Charts.stacked("Trend of " + scenario, subtitle, x, panels.toArray(Charts.Panel[]::new));
    }

    private static XYPlot panel(String figure, SeriesJudgement j) {
        XYSeries runs = new XYSeries(figure);
        XYSeries tonight = new XYSeries(figure + " tonight");
        for (int i = 0; i < j.points().size(); i++) {
            var p = j.points().get(i);
            Double v = p.figures().get(figure);
            if (v == null) continue;
            runs.add(i + 1, v);
            if (p.tonight()) tonight.add(i + 1, v);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(runs);
        data.addSeries(tonight);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, Charts.BLUE);
        r.setSeriesStroke(0, Charts.LINE);
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesPaint(1, Charts.VERMILLION);
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShape(1, new Ellipse2D.Double(-7, -7, 14, 14));
        NumberAxis y = new NumberAxis(figure);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, null, y, r);
        Optional<FigureJudgement> judged = j.figures().stream().filter(f -> f.name().equals(figure) && f.reference() != null).findFirst();
        yRange(runs, judged).ifPresent(y::setRange);
        judged.ifPresent(f -> {
            IntervalMarker band = new IntervalMarker(f.reference() * (1 - f.tolerance()), f.reference() * (1 + f.tolerance()));
            band.setPaint(new Color(0x56, 0xB4, 0xE9, 50));
            band.setLabel(String.format(Locale.ROOT, "reference %s +- %.0f%%", HistoryNumbers.of(f.reference()), f.tolerance() * 100));
            band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addRangeMarker(band, Layer.BACKGROUND);
            if (f.detectableChange() != null) {
                // What tonight could flag: a value past this line in the bad direction.
                boolean higherIsBetter = f.direction().equals(io.pulpperf.throughput.history.Direction.HIGHER_IS_BETTER.label());
                double at = f.reference() * (higherIsBetter ? 1 - f.detectableChange() : 1 + f.detectableChange());
                ValueMarker flag = new ValueMarker(at, Charts.VERMILLION, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {2f, 3f}, 0f));
                flag.setLabel(String.format(Locale.ROOT, "could flag %s%.0f%%", higherIsBetter ? "-" : "+", f.detectableChange() * 100));
                flag.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                flag.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addRangeMarker(flag);
            }
            if (f.accepted() != null) {
                int at = acceptedIndex(j, f.accepted());
                if (at >= 0) {
                    ValueMarker m = new ValueMarker(at + 0.5, Charts.BLUE, new BasicStroke(1.5f));
                    m.setLabel("accepted: " + f.accepted().reason());
                    m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    plot.addDomainMarker(m);
                }
            }
        });
        for (SeriesJudgement.ChangePointAt c : j.changePoints()) {
            if (!c.figure().equals(figure)) continue;
            // Between the last run of the old level and the first of the new.
            ValueMarker m = new ValueMarker(c.index() + 0.5, Charts.BLACK, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
            m.setLabel("change point");
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        return plot;
    }

    /** Index in the points of the first run at the accepted level, or -1. */
    static int acceptedIndex(SeriesJudgement j, io.pulpperf.throughput.history.AcceptedChanges.Change c) {
        java.time.Instant from = io.pulpperf.throughput.history.AcceptedChanges.instant(c.since());
        for (int i = 0; i < j.points().size(); i++) {
            var p = j.points().get(i);
            if (p.runId() != null && java.util.List.of(p.runId().split(",")).contains(c.since())) return i;
            java.time.Instant w = p.when() == null ? null : io.pulpperf.throughput.history.AcceptedChanges.instant(p.when());
            if (from != null && w != null && !w.isBefore(from)) return i;
        }
        return -1;
    }

    /**
     * The value axis spans the runs and the whole tolerance band: fitted to the runs alone, a quiet series
     * (a 0.1% wiggle) filled the panel as if it swung wildly and the band covered everything, and a flat one
     * collapsed to a single repeated tick. Null when there is nothing to draw.
     */
    static Optional<Range> yRange(XYSeries runs, Optional<FigureJudgement> band) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < runs.getItemCount(); i++) {
            double v = runs.getY(i).doubleValue();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (band.isPresent()) {
            FigureJudgement f = band.get();
            double a = f.reference() * (1 - f.tolerance()), b = f.reference() * (1 + f.tolerance());
            lo = Math.min(lo, Math.min(a, b));
            hi = Math.max(hi, Math.max(a, b));
            if (f.detectableChange() != null && f.detectableChange() < 1) {
                // The could-flag line too, so the reader sees how far a night must fall to be caught.
                boolean higherIsBetter = f.direction().equals(io.pulpperf.throughput.history.Direction.HIGHER_IS_BETTER.label());
                double at = f.reference() * (higherIsBetter ? 1 - f.detectableChange() : 1 + f.detectableChange());
                lo = Math.min(lo, at);
                hi = Math.max(hi, at);
            }
        }
        if (!(lo <= hi)) return Optional.empty();
        double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(Math.abs(hi) * 0.05, 1);
        return Optional.of(new Range(lo - pad, hi + pad));
    }

    /** The series as CSV: one row per run, the main figures as columns, which run is tonight, its verdict. */
    public static String csv(SeriesJudgement j) {
        List<String> figures = new ArrayList<>();
        for (var p : j.points()) for (String f : p.figures().keySet()) if (!figures.contains(f)) figures.add(f);
        StringBuilder out = new StringBuilder("run,when,runId,tonight,verdict,changePointAt");
        figures.forEach(f -> out.append(',').append(f));
        out.append('\n');
        for (int i = 0; i < j.points().size(); i++) {
            var p = j.points().get(i);
            int idx = i;
            String cps = String.join(" ", j.changePoints().stream().filter(c -> c.index() == idx).map(SeriesJudgement.ChangePointAt::figure).toList());
            out.append(i + 1).append(',').append(p.when()).append(',').append(p.runId() == null ? "" : p.runId()).append(',')
                    .append(p.tonight()).append(',').append(p.tonight() ? j.verdict() : p.verdict() == null ? "" : p.verdict())
                    .append(',').append(cps);
            for (String f : figures) {
                Double v = p.figures().get(f);
                out.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Numbers as the verdict table shows them. */
    static final class HistoryNumbers {
        private HistoryNumbers() {}

        static String of(Double v) {
            return io.pulpperf.throughput.history.HistoryChecks.number(v);
        }
    }
}

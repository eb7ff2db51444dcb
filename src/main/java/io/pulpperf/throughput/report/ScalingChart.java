package io.pulpperf.throughput.report;

import io.pulpperf.throughput.usl.Scalability;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Throughput against task workers, one line per kind of run (workload and shape; closed model only), with the linear ideal N x TPS(1)
 * dashed (top), and scaling efficiency TPS(N) / (N x TPS(1)) in percent (bottom).
 */
public final class ScalingChart {
    public static final int WIDTH = 960;
    public static final int HEIGHT = 600;

    private ScalingChart() {}

    /**
     * Series names: "{kind}", "{kind} ideal (N x TPS(1))", "{kind} efficiency", a kind being what
     * Scaling compares like with like; open-model runs are left out (they complete what they are offered).
     */
    public static JFreeChart of(String title, List<ScalingRow> rows) {
        return of(title, rows, List.of());
    }

    /**
     * The same, with each group's USL fit (issue 22) drawn on the top panel where it is trusted:
     * "{kind} USL fit" (dotted), the spread of the runs at each count as error bars ("{kind} spread")
     * and N* as a vertical marker.
     */
    public static JFreeChart of(String title, List<ScalingRow> rows, List<Scalability> groups) {
        Map<String, List<ScalingRow>> byWorkload = new LinkedHashMap<>();
        for (ScalingRow r : rows) {
            if (r.kind() != null) byWorkload.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
        }

        XYSeriesCollection tps = new XYSeriesCollection();
        XYSeriesCollection eff = new XYSeriesCollection();
        XYLineAndShapeRenderer tpsRenderer = new XYLineAndShapeRenderer(true, true);
        XYLineAndShapeRenderer effRenderer = new XYLineAndShapeRenderer(true, true);
        int colour = 0;
        int maxWorkers = 1;
        for (Map.Entry<String, List<ScalingRow>> e : byWorkload.entrySet()) {
            Color c = Charts.SERIES[colour++ % Charts.SERIES.length];
            XYSeries measured = new XYSeries(e.getKey(), true, true);
            XYSeries ideal = new XYSeries(e.getKey() + " ideal (N x TPS(1))", true, false);
            XYSeries efficiency = new XYSeries(e.getKey() + " efficiency", true, true);
            for (ScalingRow r : e.getValue()) {
                maxWorkers = Math.max(maxWorkers, r.workers());
                if (r.throughput() != null) measured.add(r.workers(), r.throughput());
                if (r.baseline() != null && ideal.indexOf(r.workers()) < 0) ideal.add(r.workers(), r.workers() * r.baseline());
                if (r.efficiency() != null) efficiency.add(r.workers(), r.efficiency() * 100);
            }
            if (ideal.getItemCount() > 0 && ideal.indexOf(1) < 0) ideal.add(1, e.getValue().get(0).baseline());
            add(tps, tpsRenderer, measured, c, false, "0.0' /s'");
            if (ideal.getItemCount() > 0) add(tps, tpsRenderer, ideal, c, true, null);
            if (efficiency.getItemCount() > 0) add(eff, effRenderer, efficiency, c, false, "0'%'");
        }

        NumberAxis workers = new NumberAxis("task workers online (N)");
        workers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        workers.setRange(0.5, maxWorkers + 0.5);
        NumberAxis tpsAxis = new NumberAxis("tasks / s completed");
        tpsAxis.setUpperMargin(0.12);  // room for the point labels
        XYPlot top = new XYPlot(tps, null, tpsAxis, tpsRenderer);
        double overlayTop = UslOverlay.draw(top, groups, byWorkload.keySet().stream().toList(), maxWorkers);
        if (overlayTop > 0) {
            // With a fit drawn, the axis follows what was measured and fitted, not the linear ideal far above it.
            double measuredTop = rows.stream().filter(r -> r.kind() != null && r.throughput() != null)
                    .mapToDouble(ScalingRow::throughput).max().orElse(0);
            tpsAxis.setRange(0, Math.max(overlayTop, measuredTop) * 1.25);
        }
        NumberAxis effAxis = new NumberAxis("scaling efficiency (%)");
        double maxEff = 0;
        for (int s = 0; s < eff.getSeriesCount(); s++) maxEff = Math.max(maxEff, eff.getSeries(s).getMaxY());
        effAxis.setRange(0, Math.max(120, Math.ceil(maxEff / 10) * 10 + 10));
        XYPlot bottom = new XYPlot(eff, null, effAxis, effRenderer);
        ValueMarker linear = new ValueMarker(100, Color.GRAY, Charts.DASHED);
        bottom.addRangeMarker(linear);

        String note = eff.getSeriesCount() == 0 ? "no workload has a 1-worker run of the same shape: scaling efficiency not computed"
                : "efficiency = TPS(N) / (N x TPS(1)); 100% = linear; only against a 1-worker run of the same workload and shape";
        return Charts.stacked(title, note, workers, new Charts.Panel(top, 3), new Charts.Panel(bottom, 2));
    }

    private static void add(XYSeriesCollection c, XYLineAndShapeRenderer r, XYSeries s, Color colour, boolean dashed,
                            String labelFormat) {
        int i = c.getSeriesCount();
        c.addSeries(s);
        if (labelFormat != null) {
            r.setSeriesItemLabelGenerator(i, new StandardXYItemLabelGenerator("{2}", new DecimalFormat("0.0"),
                    new DecimalFormat(labelFormat)));
            r.setSeriesItemLabelsVisible(i, true);
            r.setSeriesItemLabelFont(i, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
            r.setSeriesItemLabelPaint(i, Color.DARK_GRAY);
        }
        r.setSeriesPaint(i, colour);
        r.setSeriesStroke(i, dashed ? Charts.DASHED : Charts.LINE);
        r.setSeriesShapesVisible(i, !dashed);
        r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }
}

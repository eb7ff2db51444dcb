package io.pulpperf.throughput.report;

import io.pulpperf.throughput.usl.MeasuredStep;
import io.pulpperf.throughput.usl.Scalability;
import io.pulpperf.throughput.usl.UslModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws the USL fits onto the scaling chart's throughput panel, in each kind's colour: the fitted
 * curve (dotted) where the fit is trusted, the runs' spread at each count as error bars where a
 * count has one, and N* as a vertical line labelled with its value.
 */
final class UslOverlay {
    private static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 4f}, 0f);
    private static final int CURVE_POINTS = 200;

    private UslOverlay() {}

    /**
     * @param kinds the kinds in the order the chart coloured them
     * @return the highest rate drawn (fitted curve or spread), 0 when no fit was drawn
     */
    static double draw(XYPlot plot, List<Scalability> groups, List<String> kinds, int maxWorkers) {
        double highest = 0;
        XYSeriesCollection curves = new XYSeriesCollection();
        XYLineAndShapeRenderer curveRenderer = new XYLineAndShapeRenderer(true, false);
        YIntervalSeriesCollection spreads = new YIntervalSeriesCollection();
        XYErrorRenderer spreadRenderer = new XYErrorRenderer();
        spreadRenderer.setDefaultShapesVisible(false);
        spreadRenderer.setDrawXError(false);
        for (Scalability s : groups) {
            int index = kinds.indexOf(s.group());
            if (index < 0) continue;
            Color colour = Charts.SERIES[index % Charts.SERIES.length];
            YIntervalSeries spread = new YIntervalSeries(s.group() + " spread");
            for (MeasuredStep step : s.steps()) {
                if (step.high() > step.low()) spread.add(step.workers(), step.rate(), step.low(), step.high());
                highest = Math.max(highest, step.high());
            }
            if (spread.getItemCount() > 0) {
                spreadRenderer.setSeriesPaint(spreads.getSeriesCount(), colour);
                spreads.addSeries(spread);
            }
            if (!s.fitted()) continue;
            UslModel m = s.model();
            XYSeries curve = new XYSeries(s.group() + " USL fit", true, false);
            for (int i = 0; i <= CURVE_POINTS; i++) {
                double n = 1 + (maxWorkers - 1) * (double) i / CURVE_POINTS;
                curve.add(n, m.rate(n));
                highest = Math.max(highest, m.rate(n));
            }
            curveRenderer.setSeriesPaint(curves.getSeriesCount(), colour);
            curveRenderer.setSeriesStroke(curves.getSeriesCount(), DOTTED);
            curves.addSeries(curve);
            if (s.hasPeak() && m.peakWorkers() <= maxWorkers) {
                ValueMarker peak = new ValueMarker(m.peakWorkers(), colour, Charts.DASHED);
                peak.setLabel(String.format(Locale.ROOT, "N* %.1f: %.1f /s", m.peakWorkers(), m.peakRate()));
                peak.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                peak.setLabelPaint(colour);
                peak.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                peak.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(peak);
            }
        }
        if (curves.getSeriesCount() > 0) {
            plot.setDataset(1, curves);
            plot.setRenderer(1, curveRenderer);
        }
        if (spreads.getSeriesCount() > 0) {
            plot.setDataset(2, spreads);
            plot.setRenderer(2, spreadRenderer);
        }
        return curves.getSeriesCount() > 0 ? highest : 0;
    }
}

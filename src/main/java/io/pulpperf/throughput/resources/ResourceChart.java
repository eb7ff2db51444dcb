package io.pulpperf.throughput.resources;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Every series on the task timeline's axis (seconds from the first task created), one panel per
 * role and unit, stacked on a shared x axis so they line up with the task and database charts.
 */
public final class ResourceChart {
    static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 220;

    private ResourceChart() {}

    public static String svg(String title, List<ResourceSeries> series, Instant zero) {
        return svg(title, series, zero, List.of());
    }

    /** With marks (issue 28: the disruptions) as vertical lines on every panel, named on the first. */
    public static String svg(String title, List<ResourceSeries> series, Instant zero, List<io.pulpperf.throughput.observe.ScenarioWindow.Mark> marks) {
        JFreeChart chart = chart(title, series, zero);
        io.pulpperf.throughput.observe.TimelineMarks.draw(marks, zero, ((CombinedDomainXYPlot) chart.getPlot()).getSubplots());
        int height = height(chart);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, height));
        return g2.getSVGDocument();
    }

    /** Room for the title and legend plus one panel height per role and unit. */
    public static int height(JFreeChart chart) {
        return 120 + PANEL_HEIGHT * Math.max(1, ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().size());
    }

    public static JFreeChart chart(String title, List<ResourceSeries> series, Instant zero) {
        Map<String, XYSeriesCollection> panels = new LinkedHashMap<>();
        for (ResourceRole role : ResourceRole.values()) {
            for (ResourceSeries s : series) {
                if (s.role() != role) continue;
                // Bytes are drawn in MiB: an axis of 2E9 reads badly.
                boolean bytes = s.unit() == ResourceUnit.BYTES;
                double scale = bytes ? 1024.0 * 1024.0 : 1.0;
                XYSeriesCollection data = panels.computeIfAbsent(role.key() + " (" + (bytes ? "MiB" : s.unit().key()) + ")",
                        k -> new XYSeriesCollection());
                XYSeries xy = new XYSeries(s.name() + (data.getSeriesIndex(s.name()) >= 0 ? " " + data.getSeriesCount() : ""), true, false);
                // A hole of more than one and a half steps is drawn as a hole (a null breaks the line), never bridged (issue 21).
                long step = smallestStep(s.millis());
                long previous = Long.MIN_VALUE;
                for (int i = 0; i < s.millis().length; i++) {
                    if (Double.isNaN(s.values()[i])) continue;
                    long ms = s.millis()[i];
                    if (previous != Long.MIN_VALUE && step > 0 && ms - previous > step * 3 / 2) {
                        xy.add((previous + step - zero.toEpochMilli()) / 1000.0, null);
                    }
                    xy.add((ms - zero.toEpochMilli()) / 1000.0, s.values()[i] / scale);
                    previous = ms;
                }
                data.addSeries(xy);
            }
        }
        NumberAxis x = new NumberAxis("seconds from the first task created");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(12);
        for (var e : panels.entrySet()) {
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            for (int i = 0; i < e.getValue().getSeriesCount(); i++) r.setSeriesStroke(i, new BasicStroke(2f));
            NumberAxis y = new NumberAxis(e.getKey());
            y.setAutoRangeIncludesZero(true);
            // All zero (e.g. no lock waits): auto-range would zoom to 1E-9 ticks around nothing.
            if (maxOf(e.getValue()) == 0) y.setRange(0, 1);
            XYPlot sub = new XYPlot(e.getValue(), null, y, r);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setDomainGridlinePaint(new Color(0xdddddd));
            sub.setRangeGridlinePaint(new Color(0xdddddd));
            plot.add(sub);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The series' step: its smallest distance between samples (0 with fewer than two). */
    static long smallestStep(long[] millis) {
        long step = 0;
        for (int i = 1; i < millis.length; i++) {
            long d = millis[i] - millis[i - 1];
            if (d > 0 && (step == 0 || d < step)) step = d;
        }
        return step;
    }

    private static double maxOf(org.jfree.data.xy.XYDataset data) {
        double max = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double y = data.getYValue(s, i);
                if (!Double.isNaN(y)) max = Math.max(max, Math.abs(y));
            }
        }
        return max;
    }
}

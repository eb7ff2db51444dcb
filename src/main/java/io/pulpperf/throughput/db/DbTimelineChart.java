package io.pulpperf.throughput.db;

import io.pulpperf.throughput.observe.ScenarioWindow;
import io.pulpperf.throughput.observe.TimelineMarks;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Connections by state and lock waits over time as a static SVG (no scripts), with the x axis in
 * seconds from the same instant as the task timeline, so the two charts line up.
 */
public final class DbTimelineChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private DbTimelineChart() {}

    /**
     * @param zero the instant drawn at 0 s (the task timeline's start); earlier samples are drawn at negative seconds
     */
    public static String svg(String title, List<DbSample> samples, Instant zero) {
        return svg(title, samples, zero, List.of());
    }

    /** With the scenario's marks (issue 28: its disruptions) as vertical lines, named, as on the resource chart. */
    public static String svg(String title, List<DbSample> samples, Instant zero, List<ScenarioWindow.Mark> marks) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("active", samples, zero, s -> s.inState(DbSample.ACTIVE)));
        data.addSeries(series("idle", samples, zero, s -> s.inState(DbSample.IDLE)));
        data.addSeries(series("idle in transaction", samples, zero, DbSample::idleInTransaction));
        data.addSeries(series("waiting on locks", samples, zero, s -> s.lockWaits().size()));
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds from the first task created", "sessions", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        // Steps, not slopes: a count holds until the next sample.
        XYStepRenderer renderer = new XYStepRenderer();
        Color[] colors = {new Color(0x1f77b4), new Color(0x9e9e9e), new Color(0xff7f0e), new Color(0xd62728)};
        for (int i = 0; i < colors.length; i++) {
            renderer.setSeriesPaint(i, colors[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        TimelineMarks.draw(marks, zero, List.of(plot));
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument();
    }

    private static XYSeries series(String name, List<DbSample> samples, Instant zero, ToIntFunction<DbSample> value) {
        XYSeries s = new XYSeries(name, true, false);
        for (DbSample sample : samples) s.add(Duration.between(zero, sample.at()).toNanos() / 1e9, value.applyAsInt(sample));
        return s;
    }
}

package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.measure.TimelineBucket;
import io.pulpperf.throughput.run.CapacityResult;
import io.pulpperf.throughput.run.CapacityStep;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
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
 * The two charts of a capacity search (issue 14): offered against completed rate per step, with
 * the sustained and saturation rates marked; and the queue over the whole search on the server's
 * clock, each step shaded and numbered.
 */
public final class CapacityChart {
    public static final int WIDTH = 960;
    public static final int HEIGHT = 480;
    private static final Color STEP_SHADE = new Color(0x0072B2 & 0xFFFFFF | 0x18000000, true);

    private CapacityChart() {}

    /** Offered and completed tasks per second, one point per step in the order run. */
    public static JFreeChart rates(String scenario, CapacityResult c) {
        XYSeries offered = new XYSeries("offered");
        XYSeries completed = new XYSeries("completed");
        for (CapacityStep s : c.steps()) {
            if (s.offeredRate() != null) offered.add(s.number(), s.offeredRate());
            if (s.completionRate() != null) completed.add(s.number(), s.completionRate());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(offered);
        data.addSeries(completed);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, Charts.BLUE);
        r.setSeriesPaint(1, Charts.ORANGE);
        r.setSeriesStroke(0, Charts.LINE);
        r.setSeriesStroke(1, Charts.DASHED);
        NumberAxis steps = new NumberAxis("step (in the order run)");
        steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, steps, new NumberAxis("tasks per second"), r);
        // Labels on opposite sides of their lines: the two rates are often close.
        if (c.sustainedRate() != null) plot.addRangeMarker(marker(c.sustainedRate(), Charts.GREEN, "sustained", false));
        if (c.saturatedRate() != null) plot.addRangeMarker(marker(c.saturatedRate(), Charts.VERMILLION, "saturation", true));
        Charts.style(plot);
        JFreeChart chart = new JFreeChart(scenario + ": offered and completed rate per step", null, plot, true);
        chart.addSubtitle(Charts.subtitle(CapacityTable.sentence(c) + ". Where completed falls below offered, the workers "
                + "were saturated; lines: sustained (green) and saturation (vermillion) rates."));
        Charts.style(chart);
        return chart;
    }

    /** Tasks waiting and running at each interval's end over the whole search, steps shaded and numbered. */
    public static JFreeChart queue(String scenario, RunMetrics m, CapacityResult c) {
        double bucket = m.bucketMicros() / 1e6;
        XYSeries waiting = new XYSeries(TimelineChart.WAITING, false, true);
        XYSeries running = new XYSeries(TimelineChart.RUNNING, false, true);
        waiting.add(0, 0);
        running.add(0, 0);
        for (TimelineBucket b : m.timeline()) {
            double end = b.startMicros() / 1e6 + bucket;
            waiting.add(end, b.waiting());
            running.add(end, b.running());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(waiting);
        data.addSeries(running);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        r.setSeriesPaint(0, Charts.VERMILLION);
        r.setSeriesPaint(1, Charts.SKY);
        r.setSeriesStroke(0, Charts.LINE);
        r.setSeriesStroke(1, Charts.LINE);
        NumberAxis tasks = new NumberAxis("tasks (at interval end)");
        tasks.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, new NumberAxis("seconds since the search's first task was created"), tasks, r);
        if (m.firstCreated() != null) {
            for (CapacityStep s : c.steps()) {
                if (s.tasks() == 0) continue;
                double from = (s.startMicros() - m.firstCreated()) / 1e6;
                double to = (s.endMicros() - m.firstCreated()) / 1e6;
                IntervalMarker step = new IntervalMarker(from, Math.max(to, from + bucket), STEP_SHADE);
                step.setLabel(String.valueOf(s.number()));
                step.setLabelAnchor(RectangleAnchor.TOP);
                step.setLabelTextAnchor(TextAnchor.TOP_CENTER);
                plot.addDomainMarker(step, Layer.BACKGROUND);
            }
        }
        Charts.style(plot);
        JFreeChart chart = new JFreeChart(scenario + ": queue over the search", null, plot, true);
        chart.addSubtitle(Charts.subtitle(String.format(Locale.ROOT, "shaded: each step's arrivals, numbered as in the steps "
                + "table; a queue that keeps rising through a step is saturation, one that falls back is a burst (%s intervals)",
                TimelineChart.interval(bucket))));
        Charts.style(chart);
        return chart;
    }

    private static ValueMarker marker(double value, Color colour, String what, boolean above) {
        ValueMarker m = new ValueMarker(value, colour, Charts.DASHED);
        m.setLabel(String.format(Locale.ROOT, "%s %.1f/s", what, value));
        m.setLabelAnchor(above ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(above ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_RIGHT);
        m.setLabelPaint(colour);
        return m;
    }
}

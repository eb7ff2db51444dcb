package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.measure.TimelineBucket;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The run over time on one time axis: tasks created per second in each interval (top), started
 * and finished per second (middle), and the tasks waiting and running at each interval's end
 * (bottom).
 */
public final class TimelineChart {
    public static final int WIDTH = 960;
    public static final int HEIGHT = 680;
    static final String CREATED = "created";
    static final String STARTED = "started";
    static final String FINISHED = "finished";
    static final String WAITING = "waiting (queue)";
    static final String RUNNING = "running";

    private TimelineChart() {}

    public static JFreeChart of(String scenario, RunMetrics m) {
        return of(scenario, m, java.util.List.of());
    }

    /** With the scenario's disruptions marked (issue 28): a vertical line each, the before-rate's band before and once recovered. */
    public static JFreeChart of(String scenario, RunMetrics m, java.util.List<io.pulpperf.throughput.run.DisruptionResult> disruptions) {
        double bucketSeconds = m.bucketMicros() / 1e6;
        // Steps drawn as two points per interval, so each series is one SVG path, not a line per segment.
        XYSeries created = new XYSeries(CREATED, false, true);
        XYSeries started = new XYSeries(STARTED, false, true);
        XYSeries finished = new XYSeries(FINISHED, false, true);
        XYSeries waiting = new XYSeries(WAITING, false, true);
        XYSeries running = new XYSeries(RUNNING, false, true);
        waiting.add(0, 0);
        running.add(0, 0);
        for (TimelineBucket b : m.timeline()) {
            double start = b.startMicros() / 1e6;
            double end = start + bucketSeconds;
            step(created, start, end, b.created() / bucketSeconds);
            step(started, start, end, b.started() / bucketSeconds);
            step(finished, start, end, b.finished() / bucketSeconds);
            waiting.add(end, b.waiting());
            running.add(end, b.running());
        }

        // Dispatch bursts are often ten times the completion rate: created gets its own panel and
        // scale so the workers' rates stay readable.
        XYPlot dispatch = new XYPlot(collection(created), null, new NumberAxis("created / s"),
                lines(new Color[] {Charts.BLUE}, new boolean[] {false}));
        XYPlot workers = new XYPlot(collection(started, finished), null, new NumberAxis("started, finished / s"),
                lines(new Color[] {Charts.ORANGE, Charts.GREEN}, new boolean[] {true, false}));
        // Finished is drawn last, on top: with one worker it coincides with started.
        workers.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        NumberAxis queueAxis = new NumberAxis("tasks (at interval end)");
        queueAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot queue = new XYPlot(collection(waiting, running), null, queueAxis,
                lines(new Color[] {Charts.VERMILLION, Charts.SKY}, new boolean[] {false, false}));

        DisruptionReport.mark(disruptions, workers, dispatch, queue);
        NumberAxis time = new NumberAxis("seconds since the run's first task was created");
        return Charts.stacked(scenario + ": tasks over time", String.format(Locale.ROOT,
                "tasks per second in each %s interval (top, middle); tasks waiting and running at each interval's end (bottom); "
                + "throughput %s tasks/s", interval(bucketSeconds), Format.rate(m.throughput()))
                + (disruptions.isEmpty() ? "" : "; vertical lines: disruptions; shaded (middle): the completion rate before each,"
                + " down to its tolerance, and the window in which it held there again"), time,
                new Charts.Panel(dispatch, 2), new Charts.Panel(workers, 3), new Charts.Panel(queue, 3));
    }

    private static XYSeriesCollection collection(XYSeries... series) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (XYSeries s : series) c.addSeries(s);
        return c;
    }

    private static void step(XYSeries s, double start, double end, double value) {
        s.add(start, value);
        s.add(end, value);
    }

    private static XYLineAndShapeRenderer lines(Color[] colors, boolean[] dashed) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < colors.length; i++) {
            r.setSeriesPaint(i, colors[i]);
            r.setSeriesStroke(i, dashed[i] ? Charts.DASHED : Charts.LINE);
        }
        return r;
    }

    static String interval(double seconds) {
        return seconds >= 1 ? String.format(Locale.ROOT, "%.0f s", seconds)
                : String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }
}

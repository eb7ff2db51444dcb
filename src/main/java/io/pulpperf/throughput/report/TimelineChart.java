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
        return of(scenario, m, java.util.List.of(), java.util.List.of());
    }

    /**
     * A point in time to mark on every panel, e.g. a log event (issue 26).
     *
     * @param seconds since the run's first task was created
     * @param label   what happened; the first mark of each label is labelled on the top panel
     */
    public record Mark(double seconds, String label) {}

    /**
     * The log events of an observer's figures ({@code logs.marks}, see logs.LogMark) as marks.
     *
     * @param logs       the "logs" figures of results.json, or null
     * @param zeroMicros the run's first task's creation, epoch microseconds, or null (then no marks)
     */
    public static java.util.List<Mark> logMarks(Object logs, Long zeroMicros) {
        java.util.List<Mark> out = new java.util.ArrayList<>();
        if (logs == null || zeroMicros == null) return out;
        for (var n : new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(logs).path("marks")) {
            try {
                java.time.Instant at = java.time.Instant.parse(n.path("at").asText());
                double s = (at.getEpochSecond() * 1_000_000L + at.getNano() / 1000 - zeroMicros) / 1e6;
                out.add(new Mark(s, "log: " + n.path("cls").asText()));
            } catch (java.time.format.DateTimeParseException e) {
                // A mark without a readable time is left out; its class is counted in the Observations all the same.
            }
        }
        return out;
    }

    /**
     * The chart with the scenario's disruptions marked (issue 28: a vertical line each, the
     * before-rate's band before and once recovered) and dashed vertical lines where the marks are
     * (log events, issue 26), labelled once per kind.
     */
    public static JFreeChart of(String scenario, RunMetrics m, java.util.List<io.pulpperf.throughput.run.DisruptionResult> disruptions,
                                java.util.List<Mark> marks) {
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
        markLogEvents(marks, dispatch, workers, queue);
        NumberAxis time = new NumberAxis("seconds since the run's first task was created"
                + (marks.isEmpty() ? "" : "; dashed lines: log events"));
        return Charts.stacked(scenario + ": tasks over time", String.format(Locale.ROOT,
                "tasks per second in each %s interval (top, middle); tasks waiting and running at each interval's end (bottom); "
                + "throughput %s tasks/s", interval(bucketSeconds), Format.rate(m.throughput()))
                + (disruptions.isEmpty() ? "" : "; vertical lines: disruptions; shaded (middle): the completion rate before each,"
                + " down to its tolerance, and the window in which it held there again"), time,
                new Charts.Panel(dispatch, 2), new Charts.Panel(workers, 3), new Charts.Panel(queue, 3));
    }

    /**
     * Dashed lines where log events happened, labelled once per kind; the events are also a series
     * of points on the top panel's floor, so the time axis reaches them (a timeout after the last
     * task, a gunicorn time a fraction of a second before the first).
     */
    private static void markLogEvents(java.util.List<Mark> marks, XYPlot top, XYPlot... others) {
        if (marks.isEmpty()) return;
        XYSeries events = new XYSeries("log events", true, true);
        // One line per time; its label names the kinds there, shown where a kind appears first (labels at one time would overlap).
        java.util.Map<Double, java.util.Set<String>> byTime = new java.util.TreeMap<>();
        for (Mark mark : marks) byTime.computeIfAbsent(mark.seconds(), k -> new java.util.TreeSet<>()).add(mark.label());
        java.util.Set<String> labelled = new java.util.HashSet<>();
        for (var at : byTime.entrySet()) {
            events.add(at.getKey().doubleValue(), 0.0);
            org.jfree.chart.plot.ValueMarker v = new org.jfree.chart.plot.ValueMarker(at.getKey(), Charts.VERMILLION, Charts.DASHED);
            if (labelled.addAll(at.getValue())) {
                v.setLabel("log: " + at.getValue().stream().map(l -> l.replaceFirst("^log: ", "")).collect(java.util.stream.Collectors.joining(", ")));
                v.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                v.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            }
            top.addDomainMarker(v);
            for (XYPlot p : others) p.addDomainMarker(new org.jfree.chart.plot.ValueMarker(at.getKey(), Charts.VERMILLION, Charts.DASHED));
        }
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, Charts.VERMILLION);
        top.setDataset(1, collection(events));
        top.setRenderer(1, points);
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

package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.DepthBand;
import io.pulpperf.throughput.measure.QueueDepth;
import io.pulpperf.throughput.measure.QueueDepthCsv;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.run.ScenarioResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Completion rate by queue depth for one scenario (issue 21) as the report shows it: a table, a
 * chart with depth on a log axis, the bands for results.json, and an Observations note when the
 * rate falls by more than 20% from the shallowest band to the deepest with enough data.
 */
public final class QueueDepthReport {
    static final int WIDTH = 900;
    static final int HEIGHT = 420;

    private QueueDepthReport() {}

    /** The scenario's bands from its raw task data, as one more observer's report ("queueDepth"). */
    public static Observed observed(ScenarioResult r) {
        List<DepthBand> bands;
        try {
            bands = QueueDepthCsv.read(r.rawTasksCsv()).bands();
        } catch (IOException | RuntimeException e) {
            return new Observed("queueDepth", "", List.of(), List.of(new Observed.Attachment("Queue depth (not computed)", "text/plain",
                    "could not read the raw task data for the queue-depth bands: " + e, ".txt")), Map.of("problem", String.valueOf(e)), "");
        }
        return observed(r.scenario().name(), bands);
    }

    public static Observed observed(String scenario, List<DepthBand> bands) {
        String note = QueueDepth.fallNote(bands);
        List<Observed.Attachment> attachments = new ArrayList<>();
        if (!bands.isEmpty()) {
            attachments.add(new Observed.Attachment("Completion rate by queue depth (chart)", "image/svg+xml", svg(scenario, bands), ".svg"));
        }
        attachments.add(new Observed.Attachment("Completion rate by queue depth", "text/html", html(scenario, bands, note), ".html"));
        attachments.add(new Observed.Attachment("Completion rate by queue depth (CSV)", "text/csv", csv(bands), ".csv"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bands", bands);
        if (note != null) figures.put("note", note);
        return new Observed("queueDepth", note == null ? "" : "Queue depth: " + note, List.of(), attachments, figures,
                scenario + ": queue depth " + (bands.isEmpty() ? "never above 0" : table(bands)));
    }

    /** "1-9: 3.2 s, 310 done, 96.9/s, run p50 20.4 ms | ..." for the console. */
    static String table(List<DepthBand> bands) {
        List<String> parts = new ArrayList<>();
        for (DepthBand b : bands) {
            parts.add(String.format(Locale.ROOT, "%s: %.1f s, %d done, %s/s, run p50 %s", b.label(), b.seconds(), b.completed(),
                    b.completionRate() == null ? "-" : String.format(Locale.ROOT, "%.1f", b.completionRate()), ms(b.runP50Micros())));
        }
        return String.join(" | ", parts);
    }

    public static String csv(List<DepthBand> bands) {
        StringBuilder out = new StringBuilder("waiting_from,waiting_to,seconds,completed,completion_rate,run_p50_ms\n");
        for (DepthBand b : bands) {
            out.append(b.from()).append(',').append(b.to() == null ? "" : b.to()).append(',')
               .append(String.format(Locale.ROOT, "%.3f", b.seconds())).append(',').append(b.completed()).append(',')
               .append(b.completionRate() == null ? "" : String.format(Locale.ROOT, "%.3f", b.completionRate())).append(',')
               .append(b.runP50Micros() == null ? "" : String.format(Locale.ROOT, "%.3f", b.runP50Micros() / 1000.0)).append('\n');
        }
        return out.toString();
    }

    public static String html(String scenario, List<DepthBand> bands, String note) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(esc(scenario))
                .append(": completion rate by queue depth</title></head><body style=\"font-family:sans-serif\"><h3>")
                .append(esc(scenario)).append(": completion rate by queue depth</h3><table style=\"border-collapse:collapse\"><tr>");
        for (String h : List.of("tasks waiting", "seconds", "completed", "tasks/s", "run p50")) {
            out.append("<th style=\"text-align:left;padding:4px 10px\">").append(h).append("</th>");
        }
        out.append("</tr>");
        for (DepthBand b : bands) {
            out.append("<tr>");
            for (String c : List.of(b.label(), String.format(Locale.ROOT, "%.1f", b.seconds()), String.valueOf(b.completed()),
                    b.completionRate() == null ? "-" : String.format(Locale.ROOT, "%.2f", b.completionRate()), ms(b.runP50Micros()))) {
                out.append("<td style=\"padding:4px 10px;border-bottom:1px solid #d0d7de\">").append(esc(c)).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</table><p>The scenario's busy time (at least one task waiting, from the server's pulp_created and started_at) "
                + "split by how many tasks were waiting; each completion counts where the queue stood at its finished_at. "
                + "Bands with fewer than ").append(QueueDepth.ENOUGH_COMPLETIONS).append(" completions say little.</p>");
        if (bands.isEmpty()) out.append("<p>No task ever waited: the workers kept up throughout.</p>");
        if (note != null) out.append("<p><b>Note:</b> ").append(esc(note)).append("</p>");
        return out.append("</body></html>").toString();
    }

    /** Rate (left axis) and run p50 (right axis) against the band's middle depth on a log axis. */
    public static String svg(String scenario, List<DepthBand> bands) {
        XYSeries rate = new XYSeries("completed tasks/s");
        XYSeries run = new XYSeries("run p50 (ms)");
        for (DepthBand b : bands) {
            double middle = Math.sqrt(b.from() * (double) (b.to() == null ? b.from() * 10 - 1 : b.to()));
            if (b.completionRate() != null) rate.add(middle, b.completionRate());
            if (b.runP50Micros() != null) run.add(middle, b.runP50Micros() / 1000.0);
        }
        LogAxis x = new LogAxis("tasks waiting (band middle, log scale)");
        x.setBase(10);
        x.setSmallestValue(1);
        NumberAxis left = new NumberAxis("completed tasks/s");
        left.setAutoRangeIncludesZero(true);
        NumberAxis right = new NumberAxis("run p50 (ms)");
        right.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(rate), x, left, renderer(new Color(0x1f77b4)));
        plot.setRangeAxis(1, right);
        plot.setDataset(1, new XYSeriesCollection(run));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(new Color(0xd62728)));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(scenario + ": completion rate and run time by queue depth", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument();
    }

    private static XYLineAndShapeRenderer renderer(Color color) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, new BasicStroke(2f));
        return r;
    }

    private static String ms(Long micros) {
        return micros == null ? "-" : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

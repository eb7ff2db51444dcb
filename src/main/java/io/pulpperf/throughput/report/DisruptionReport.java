package io.pulpperf.throughput.report;

import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.run.DisruptionResult;
import io.pulpperf.throughput.run.ScenarioResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * How a scenario's disruptions (issue 28) read: one Observations sentence each, their checks
 * (maxRecoverySeconds, maxFailedByDisruption), and their marks on the timeline chart.
 */
public final class DisruptionReport {
    private static final Color BEFORE_BAND = new Color(0x0072B2 & 0xFFFFFF | 0x33000000, true);
    private static final Color AFTER_BAND = new Color(0x009E73 & 0xFFFFFF | 0x33000000, true);
    private static final Font MARK_LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 11);

    private DisruptionReport() {}

    /**
     * "db-failover at +20.0 s: throughput 7.8 -> 0 -> 7.6 tasks/s, recovered in 41 s; 2 tasks failed
     * (Worker has gone missing.), 1 task waited 8.1 min unblocked with workers idle".
     */
    public static String sentence(DisruptionResult d) {
        if (!d.measured()) return d.name() + " (" + d.when() + "): " + d.problem();
        StringBuilder s = new StringBuilder(d.name()).append(String.format(Locale.ROOT, " at %+.1f s: throughput ", d.at()))
                .append(rate(d.before())).append(" -> ").append(rate(d.during())).append(" -> ").append(rate(d.after())).append(" tasks/s, ");
        s.append(d.recovered() ? "recovered in " + seconds(d.recoverySeconds()) : d.recoveryNote());
        List<String> more = new ArrayList<>();
        if (d.failed() > 0) {
            more.add(d.failed() + (d.failed() == 1 ? " task" : " tasks") + " failed (" + d.failedReasons().entrySet().stream()
                    .map(e -> d.failedReasons().size() == 1 ? e.getKey() : e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining("; ")) + ")");
        }
        if (d.stuck() > 0) {
            more.add(d.stuck() + (d.stuck() == 1 ? " task" : " tasks") + (d.stuck() == 1 ? " waited " : " waited up to ")
                    + seconds(d.longestStuckSeconds()) + " unblocked with workers idle");
        }
        if (!d.workersLeft().isEmpty()) {
            long back = d.workersLeft().stream().filter(DisruptionResult.WorkerLeft::cameBack).count();
            more.add(d.workersLeft().size() + (d.workersLeft().size() == 1 ? " worker" : " workers") + " left the online set ("
                    + back + " came back, " + d.workersJoined() + " new joined)");
        } else if (d.workersJoined() > 0) {
            more.add(d.workersJoined() + " new workers joined");
        }
        if (d.dispatchErrors() > 0) more.add(d.dispatchErrors() + " dispatch errors");
        if (d.problem() != null) more.add("command: " + d.problem());
        if (!more.isEmpty()) s.append("; ").append(String.join(", ", more));
        return s.toString();
    }

    /** The disruption thresholds, one check per disruption and threshold set. */
    public static List<Check> checks(ScenarioResult r) {
        Thresholds t = r.scenario().thresholds();
        List<Check> out = new ArrayList<>();
        for (DisruptionResult d : r.disruptions()) {
            if (t.maxRecoverySeconds() != null) {
                String actual = d.recovered() ? seconds(d.recoverySeconds()) : d.measured() ? "not recovered" : "-";
                out.add(Check.of(Check.Kind.THRESHOLD, "recovery from " + d.name(), actual, "at most " + seconds(t.maxRecoverySeconds()),
                        d.recovered() && d.recoverySeconds() <= t.maxRecoverySeconds(),
                        d.measured() ? "until the completion rate held within " + Math.round(d.tolerance() * 100) + "% of the "
                                + rate(d.before()) + " tasks/s before, for " + seconds(d.windowSeconds())
                                + (d.recovered() ? "" : "; " + d.recoveryNote()) : d.problem()));
            }
            if (t.maxFailedByDisruption() != null) {
                out.add(Check.of(Check.Kind.THRESHOLD, "tasks failed by " + d.name(), d.measured() ? String.valueOf(d.failed()) : "-",
                        "at most " + t.maxFailedByDisruption(), d.measured() && d.failed() <= t.maxFailedByDisruption(),
                        d.measured() ? reasons(d.failedReasons()) : d.problem()));
            }
        }
        return out;
    }

    /** Dispatch errors the disruptions account for: the scenario's own check counts only the others. */
    public static long dispatchErrors(ScenarioResult r) {
        return r.disruptions().stream().mapToLong(DisruptionResult::dispatchErrors).sum();
    }

    /**
     * Marks the disruptions on the timeline's panels: a vertical line at each (named on the
     * {@code rates} panel), and on that panel the before-rate's tolerance band over the window
     * before it and again over the window in which the rate held recovered.
     */
    static void mark(List<DisruptionResult> disruptions, XYPlot rates, XYPlot... others) {
        for (DisruptionResult d : disruptions) {
            if (!d.measured()) continue;
            ValueMarker m = new ValueMarker(d.at(), Charts.BLACK, new BasicStroke(1.5f));
            m.setLabel(d.name());
            m.setLabelFont(MARK_LABEL);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            rates.addDomainMarker(m);
            for (XYPlot p : others) p.addDomainMarker(new ValueMarker(d.at(), Charts.BLACK, new BasicStroke(1.5f)));
            if (d.before() == null || d.before() <= 0) continue;
            double low = (1 - d.tolerance()) * d.before();
            rates.addAnnotation(new XYBoxAnnotation(d.at() - d.windowSeconds(), low, d.at(), d.before(), null, null, BEFORE_BAND));
            if (d.recovered()) {
                double from = d.at() + d.recoverySeconds();
                rates.addAnnotation(new XYBoxAnnotation(from, low, from + d.windowSeconds(), d.before(), null, null, AFTER_BAND));
                ValueMarker back = new ValueMarker(from, Charts.GREEN, Charts.DASHED);
                back.setLabel("recovered +" + seconds(d.recoverySeconds()));
                back.setLabelFont(MARK_LABEL);
                back.setLabelPaint(Charts.GREEN);
                back.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                back.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                rates.addDomainMarker(back);
            }
        }
    }

    private static String reasons(Map<String, Long> reasons) {
        return reasons.isEmpty() ? "none failed" : reasons.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining("; "));
    }

    private static String rate(Double r) {
        if (r == null) return "-";
        if (r == 0) return "0";
        return r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.1f", r);
    }

    static String seconds(Double s) {
        if (s == null) return "-";
        if (s >= 120) return String.format(Locale.ROOT, "%.1f min", s / 60);
        return s >= 10 ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f s", s);
    }
}

package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.observe.HoldPeaks;
import io.pulpperf.throughput.observe.ResourcePeak;
import java.util.Optional;
import io.pulpperf.throughput.run.FleetCount;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fleet shape's tables (issue 20): plan 0001's results template, one row per worker count
 * ({@code Instance Count | Timeout (Yes/No) | Bottleneck Identified}), and every figure per count.
 */
public final class FleetTable {
    private FleetTable() {}

    /** Plan 0001's table for every fleet scenario of the run; "" when there is none. */
    public static String markdown(List<JudgedScenario> judged) {
        return markdown(judged, java.util.Map.of());
    }

    /** @param observations the observers' line for a run (database, Prometheus), by run id: shown under its table */
    public static String markdown(List<JudgedScenario> judged, java.util.Map<String, String> observations) {
        StringBuilder out = new StringBuilder();
        for (JudgedScenario j : judged) {
            ScenarioResult r = j.result();
            if (r.fleet() == null) continue;
            out.append("\n### Worker scalability (plan 0001): ").append(r.scenario().name()).append("\n\n");
            out.append("| Instance Count | Timeout (Yes/No) | Bottleneck Identified |\n|---|---|---|\n");
            for (FleetCount c : r.fleet()) {
                out.append("| ").append(c.asked()).append(" | ").append(c.timeouts() > 0 ? "Yes" : "No").append(" | ")
                   .append(bottleneck(c, bottleneckAt(r)).replace("|", "\\|")).append(" |\n");
            }
            String observed = observations.get(r.runId());
            out.append("\nTimeout = a worker left the online set during the hold (its heartbeat older than its TTL, by the server's clock). ")
               .append(key(bottleneckAt(r))).append(observed == null ? "" : " The observers over the whole fleet run: " + observed).append('\n');
        }
        return out.toString();
    }

    static String key(double at) {
        return "Bottleneck = the resource whose peak during that count's hold came nearest its limit (score: a series' max:, "
            + "CPU % / 100, CPU cores as the share of one core, DB sessions active or waiting on locks as a share of all), named only when "
            + "its score reached " + Format.rate(at) + " (fleet.bottleneckAt, -Dpulp.fleet.bottleneckAt), else \"none near its limit\" with the highest; "
            + "a peak from under 90% of the hold's samples says so, with where they are missing; then the heartbeat "
            + "figures; `-` = no observers (run with -Dpulp.db.url or -Dpulp.prometheus.url and -Dpulp.resources).";
    }

    /** The scenario's bar for naming a bottleneck. */
    static double bottleneckAt(ScenarioResult r) {
        return r.scenario().fleet() == null ? io.pulpperf.throughput.config.FleetSettings.DEFAULT_BOTTLENECK_AT : r.scenario().fleet().bottleneckAt();
    }

    /**
     * The bottleneck (or none near its limit) and the heartbeat figures at one count, e.g. "bottleneck: DB CPU peak 1.9 cores;
     * heartbeat p95 2.0 s, max 2.5 s; online 25 of 25".
     */
    static String bottleneck(FleetCount c, double at) {
        List<String> parts = new ArrayList<>();
        parts.add(resource(c, at));
        parts.add("heartbeat p95 " + seconds(c.heartbeatAgeP95Millis()) + ", max " + seconds(c.heartbeatAgeMaxMillis()));
        parts.add("online " + (c.onlineMin() == c.onlineMax() ? String.valueOf(c.onlineMin()) : c.onlineMin() + "-" + c.onlineMax())
                + " of " + c.asked());
        if (c.timeouts() > 0) parts.add(c.timeouts() + " timeouts: " + names(c.timedOut()));
        if (c.neverOnline() > 0) parts.add(c.neverOnline() + " never online");
        parts.add(c.secondsToAllOnline() == null ? "never all online" : String.format(Locale.ROOT, "all online in %.1f s", c.secondsToAllOnline()));
        return String.join("; ", parts);
    }

    /**
     * The bottleneck over the hold when a resource's score reached {@code at}, else "none near its limit (highest: ...)"; with
     * the hold's coverage of that peak, and the series that had no sample in the hold. "-" without observers.
     */
    static String resource(FleetCount c, double at) {
        if (c.peaks() == null) return "-";
        List<ResourcePeak> unsampled = c.peaks().stream().filter(p -> !p.sampled()).toList();
        String none = unsampled.isEmpty() ? "" : unsampled(unsampled);
        Optional<ResourcePeak> top = HoldPeaks.highest(c.peaks());
        if (top.isEmpty()) return none.isEmpty() ? "no resource figures in the hold" : "no bottleneck named: " + none;
        ResourcePeak p = top.get();
        String named = p.score() >= at ? "bottleneck: " + p.shown()
                : "none near its limit (highest: " + p.againstLimit() + (p.partial() ? ", " + p.coverageNote() : "") + ")";
        if (p.score() >= at && p.partial()) named += " [" + p.coverageNote() + "]";
        return none.isEmpty() ? named : named + "; " + none;
    }

    /** "no sample in this hold: pulp-api CPU, DB CPU (target ... down ...)". */
    private static String unsampled(List<ResourcePeak> peaks) {
        String causes = peaks.stream().map(ResourcePeak::gaps).filter(g -> !g.isEmpty()).distinct().collect(java.util.stream.Collectors.joining("; "));
        return "no sample in this hold: " + names(peaks.stream().map(ResourcePeak::resource).toList()) + (causes.isEmpty() ? "" : " (" + causes + ")");
    }

    /** Every figure per count, as CSV, with the default bar for a bottleneck. */
    public static String csv(List<FleetCount> counts) {
        return csv(counts, io.pulpperf.throughput.config.FleetSettings.DEFAULT_BOTTLENECK_AT);
    }

    /** Every figure per count, as CSV; {@code bottleneckAt}: the scenario's bar for naming a bottleneck. */
    public static String csv(List<FleetCount> counts, double bottleneckAt) {
        StringBuilder out = new StringBuilder("asked,onlineMin,onlineMedian,onlineMax,heartbeatAgeP50Millis,heartbeatAgeP95Millis,"
                + "heartbeatAgeMaxMillis,timeouts,neverOnline,secondsToAllOnline,timedOut,reads,bottleneck,holdFrom,holdTo\n");
        for (FleetCount c : counts) {
            out.append(c.asked()).append(',').append(c.onlineMin()).append(',').append(c.onlineMedian()).append(',').append(c.onlineMax())
               .append(',').append(blank(c.heartbeatAgeP50Millis())).append(',').append(blank(c.heartbeatAgeP95Millis()))
               .append(',').append(blank(c.heartbeatAgeMaxMillis())).append(',').append(c.timeouts()).append(',').append(c.neverOnline())
               .append(',').append(blank(c.secondsToAllOnline())).append(',').append(String.join(" ", c.timedOut())).append(',')
               .append(c.reads()).append(',').append(io.pulpperf.throughput.measure.RawTaskCsv.quote(resource(c, bottleneckAt))).append(',')
               .append(blank(c.holdFrom())).append(',').append(blank(c.holdTo())).append('\n');
        }
        return out.toString();
    }

    /** The fleet's checks: the thresholds maxHeartbeatAge and maxTimeouts per count, a complete run, no problems. */
    public static List<Check> checks(ScenarioResult r) {
        var t = r.scenario().thresholds();
        List<Check> out = new ArrayList<>();
        for (FleetCount c : r.fleet()) {
            String at = " at " + c.asked() + " workers";
            if (t.maxHeartbeatAge() != null) {
                Long max = c.heartbeatAgeMaxMillis();
                out.add(Check.of(Check.Kind.THRESHOLD, "oldest heartbeat" + at, seconds(max), "at most " + seconds(t.maxHeartbeatAge().toMillis()),
                        max != null && max <= t.maxHeartbeatAge().toMillis(), "by the server's Date header"));
            }
            if (t.maxTimeouts() != null) {
                out.add(Check.of(Check.Kind.THRESHOLD, "timeouts" + at, String.valueOf(c.timeouts()), "at most " + t.maxTimeouts(),
                        c.timeouts() <= t.maxTimeouts(), c.timedOut().isEmpty() ? "" : "left the online set: " + String.join(", ", c.timedOut())));
            }
        }
        out.add(Check.of(Check.Kind.INCOMPLETE_RUN, "every worker count held", r.finished() ? "yes" : "no", "yes", r.finished(), ""));
        out.add(Check.of(Check.Kind.RUN_PROBLEM, "problems during the run", String.valueOf(r.problems().size()), "0",
                r.problems().isEmpty(), String.join("; ", r.problems())));
        return out;
    }

    /** Up to ten names, then how many more. */
    private static String names(List<String> names) {
        return names.size() <= 10 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 10)) + " and " + (names.size() - 10) + " more";
    }

    private static String seconds(Long millis) {
        return millis == null ? "-" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String blank(Object v) {
        return v == null ? "" : String.valueOf(v);
    }
}

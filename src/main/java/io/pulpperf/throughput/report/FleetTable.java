package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
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
                   .append(bottleneck(c).replace("|", "\\|")).append(" |\n");
            }
            String observed = observations.get(r.runId());
            out.append("\nTimeout = a worker left the online set during the hold (its heartbeat older than its TTL, by the server's clock). ")
               .append(KEY).append(observed == null ? "" : " The observers over the whole fleet run: " + observed).append('\n');
        }
        return out.toString();
    }

    static final String KEY = "Bottleneck = the resource that peaked highest during that count's hold, relative to its limit (a series' max:, "
            + "CPU % / 100, CPU cores as the share of one core, DB sessions active or waiting on locks as a share of all), then the heartbeat "
            + "figures; `-` = no observers (run with -Dpulp.db.url or -Dpulp.prometheus.url and -Dpulp.resources).";

    /**
     * The resource that peaked and the heartbeat figures at one count, e.g. "DB CPU peak 1.9 cores; heartbeat p95 2.0 s, max 2.5 s;
     * online 25 of 25".
     */
    static String bottleneck(FleetCount c) {
        List<String> parts = new ArrayList<>();
        parts.add(resource(c));
        parts.add("heartbeat p95 " + seconds(c.heartbeatAgeP95Millis()) + ", max " + seconds(c.heartbeatAgeMaxMillis()));
        parts.add("online " + (c.onlineMin() == c.onlineMax() ? String.valueOf(c.onlineMin()) : c.onlineMin() + "-" + c.onlineMax())
                + " of " + c.asked());
        if (c.timeouts() > 0) parts.add(c.timeouts() + " timeouts: " + names(c.timedOut()));
        if (c.neverOnline() > 0) parts.add(c.neverOnline() + " never online");
        parts.add(c.secondsToAllOnline() == null ? "never all online" : String.format(Locale.ROOT, "all online in %.1f s", c.secondsToAllOnline()));
        return String.join("; ", parts);
    }

    /** The observers' highest peak over the hold; "-" without observers, and says so when they saw nothing there. */
    static String resource(FleetCount c) {
        if (c.peaks() == null) return "-";
        return io.pulpperf.throughput.observe.HoldPeaks.highest(c.peaks()).map(io.pulpperf.throughput.observe.ResourcePeak::shown)
                .orElse("no resource figures in the hold");
    }

    /** Every figure per count, as CSV. */
    public static String csv(List<FleetCount> counts) {
        StringBuilder out = new StringBuilder("asked,onlineMin,onlineMedian,onlineMax,heartbeatAgeP50Millis,heartbeatAgeP95Millis,"
                + "heartbeatAgeMaxMillis,timeouts,neverOnline,secondsToAllOnline,timedOut,reads,bottleneck,holdFrom,holdTo\n");
        for (FleetCount c : counts) {
            out.append(c.asked()).append(',').append(c.onlineMin()).append(',').append(c.onlineMedian()).append(',').append(c.onlineMax())
               .append(',').append(blank(c.heartbeatAgeP50Millis())).append(',').append(blank(c.heartbeatAgeP95Millis()))
               .append(',').append(blank(c.heartbeatAgeMaxMillis())).append(',').append(c.timeouts()).append(',').append(c.neverOnline())
               .append(',').append(blank(c.secondsToAllOnline())).append(',').append(String.join(" ", c.timedOut())).append(',')
               .append(c.reads()).append(',').append(io.pulpperf.throughput.measure.RawTaskCsv.quote(resource(c))).append(',')
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

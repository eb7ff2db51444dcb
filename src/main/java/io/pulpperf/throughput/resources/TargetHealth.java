package io.pulpperf.throughput.resources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why a series has holes (issue 21): finds the scrape targets that feed it (its own job and
 * instance labels, or those of the raw metrics its query selects) and reads their {@code up} and
 * {@code scrape_duration_seconds} over the window, e.g. "target 127.0.0.1:9256 (job process) down
 * from +18.0 s to +79.0 s; its scrapes took up to 1.00 s (scrape timeout 1 s)". Never throws.
 */
final class TargetHealth {
    // A name with label matchers, or a name before a range: functions and by (...) take parentheses instead.
    private static final Pattern NAME = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*\\})?");
    private static final int MAX_TARGETS = 4;
    private final PromClient client;
    private Map<String, Duration> scrapeTimeouts;  // read once, when a target's health is first read
    // Forty missing worker series share one exporter: read its health once per report.
    private final Map<Target, String> told = new HashMap<>();
    private final Map<String, List<Target>> fedBy = new HashMap<>();  // by query, for series without job and instance

    TargetHealth(PromClient client) {
        this.client = client;
    }

    /**
     * What the feeding targets did over [from, to] (the window on the grid), or empty when none can be
     * found. {@code preflightAt}: when the preflight ran (null: not run), where a missing series' raw
     * metrics were last seen.
     */
    Optional<String> explain(ResourceQuery q, Map<String, String> labels, Instant from, Instant to, Duration step, long windowFromMs,
                             long windowToMs, long zeroMs, Instant preflightAt) {
        try {
            List<Target> targets = targets(q.expr(), labels, from, to, preflightAt);
            if (targets.isEmpty()) return Optional.empty();
            List<String> parts = new ArrayList<>();
            for (Target t : targets) {
                String told = this.told.get(t);
                if (told == null) this.told.put(t, told = health(t, from, to, step, windowFromMs, windowToMs, zeroMs));
                parts.add(told);
            }
            return Optional.of(String.join("; ", parts));
        } catch (PromException e) {
            return Optional.of("the targets' health could not be read: " + e.getMessage());
        }
    }

    private record Target(String job, String instance) {
        String matchers() {
            return "{job=\"" + esc(job) + "\",instance=\"" + esc(instance) + "\"}";
        }
    }

    /**
     * The series' own job and instance; else the job and instance of its raw metrics' samples over the
     * window and the minute before it; else, for a series missing since before that, of those the
     * preflight saw. A down target's series are marked stale, so a window it was down for all along
     * holds none of its labels: the preflight instant is the last moment known to have them, and
     * reading there costs one instant query per selector, however long the run. (`up` names every
     * target but not which feeds a metric; the presets name no jobs, which differ per setup.)
     */
    private List<Target> targets(String expr, Map<String, String> labels, Instant from, Instant to, Instant preflightAt) {
        if (labels.containsKey("job") && labels.containsKey("instance")) return List.of(new Target(labels.get("job"), labels.get("instance")));
        List<Target> known = fedBy.get(expr);
        if (known != null) return known;
        long lookback = Math.max(60, Duration.between(from, to).toSeconds() + 60);
        List<Target> out = feeding(expr, "last_over_time(%s[" + lookback + "s])", to);
        if (out.isEmpty() && preflightAt != null) out = feeding(expr, "%s", preflightAt);
        fedBy.put(expr, out);
        return out;
    }

    /** Why a missing series' targets could not be named, for its note. */
    static String unfound(String expr, Instant preflightAt) {
        return "no scrape target found for it (no job and instance among its labels, and " + (selectors(expr).isEmpty()
                ? "no metric selector with {...} or [...] in its query to look them up by)"
                : "its raw metrics had no samples in the window, the minute before it" + (preflightAt == null ? "" : " or at the preflight") + ")");
    }

    /** count by (job, instance) of each raw selector, wrapped in {@code form}, at {@code at}. */
    private List<Target> feeding(String expr, String form, Instant at) {
        Set<Target> out = new LinkedHashSet<>();
        for (String selector : selectors(expr)) {
            for (PromSeries s : client.range("count by (job, instance) (" + form.formatted(selector) + ")", at, at, Duration.ofSeconds(1))) {
                String job = s.labels().get("job");
                String instance = s.labels().get("instance");
                if (job != null && instance != null) out.add(new Target(job, instance));
                if (out.size() >= MAX_TARGETS) return List.copyOf(out);
            }
        }
        return List.copyOf(out);
    }

    /** The raw metric selectors of an expression, e.g. {@code namedprocess_namegroup_cpu_seconds_total{groupname=~"x"}}. */
    static List<String> selectors(String expr) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAME.matcher(expr);
        while (m.find()) {
            int next = m.end();
            while (next < expr.length() && Character.isWhitespace(expr.charAt(next))) next++;
            boolean range = next < expr.length() && expr.charAt(next) == '[';
            if (m.group(2) == null && !range) continue;
            out.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
        }
        return List.copyOf(out);
    }

    private String health(Target t, Instant from, Instant to, Duration step, long windowFromMs, long windowToMs, long zeroMs) {
        List<PromSeries> up = client.range("up" + t.matchers(), from, to, step);
        List<PromSeries> took = client.range("scrape_duration_seconds" + t.matchers(), from, to, step);
        String name = "target " + t.instance() + " (job " + t.job() + ")";
        List<SeriesGap> down = new ArrayList<>();
        if (!up.isEmpty()) {
            PromSeries u = up.get(0);
            double[] downFlags = new double[u.size()];
            for (int i = 0; i < u.size(); i++) downFlags[i] = u.values()[i] == 0 ? Double.NaN : 1;
            // Down is where up is 0 (or absent): the same grid walk as a series' coverage.
            down = SeriesCoverage.of(u.millis(), downFlags, from.toEpochMilli(), step.toMillis(), windowFromMs, windowToMs, zeroMs).gaps();
        }
        double slowest = 0;
        for (PromSeries s : took) {
            for (int i = 0; i < s.size(); i++) {
                long ms = s.millis()[i];
                if (ms >= windowFromMs && ms <= windowToMs && Double.isFinite(s.values()[i])) slowest = Math.max(slowest, s.values()[i]);
            }
        }
        StringBuilder out = new StringBuilder(name);
        if (up.isEmpty()) {
            out.append(" has no up series over the window (removed from Prometheus's targets?)");
        } else if (down.isEmpty()) {
            out.append(" was up throughout");
        } else {
            out.append(" down");
            for (int i = 0; i < Math.min(3, down.size()); i++) {
                out.append(i == 0 ? " " : ", ").append(String.format(Locale.ROOT, "from %+.1f s to %+.1f s", down.get(i).from(), down.get(i).to()));
            }
            if (down.size() > 3) out.append(" (+").append(down.size() - 3).append(" more)");
        }
        if (slowest > 0) {
            out.append(String.format(Locale.ROOT, "; its scrapes took up to %.2f s", slowest));
            if (scrapeTimeouts == null) scrapeTimeouts = client.scrapeTimeouts();
            Duration timeout = scrapeTimeouts.get(t.job());
            if (timeout != null) {
                out.append(String.format(Locale.ROOT, " (scrape timeout %s s%s)", ResourceFigures.num(timeout.toMillis() / 1000.0),
                        slowest >= timeout.toMillis() / 1000.0 * 0.95 ? ": scrapes ran into it" : ""));
            }
        }
        return out.toString();
    }

    private static String esc(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

package io.pulpperf.throughput.resources;

import io.pulpperf.throughput.observe.ScenarioWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * After a scenario: one range query per configured query over the tasks' window widened by one
 * scrape interval each side, at a step that keeps each series under {@link #MAX_POINTS} points.
 * Never throws: a failed query is a problem line, a lost Prometheus ends the reading (the rest are
 * named as not run), and the task figures stand either way.
 */
public final class PromReader {
    /** Prometheus refuses more than 11,000 points a series; a chart needs far fewer. */
    static final int MAX_POINTS = 1000;

    private final PromClient client;
    private final List<ResourceQuery> queries;
    private final Duration scrape;
    private volatile PreflightSeries preflight;

    public PromReader(PromClient client, List<ResourceQuery> queries, Duration scrapeInterval) {
        this.client = client;
        this.queries = List.copyOf(queries);
        this.scrape = scrapeInterval;
    }

    /** The step for a range: at least the scrape interval (finer adds nothing), coarse enough for MAX_POINTS. */
    static Duration step(Instant from, Instant to, Duration scrape) {
        long range = Math.max(1, Duration.between(from, to).toMillis());
        long ms = Math.max(scrape.toMillis(), (range + MAX_POINTS - 2) / (MAX_POINTS - 1));
        return Duration.ofMillis(Math.max(1, ms));
    }

    /** The preflight's findings: its series absent from a window are named missing, not dropped. */
    public void remember(PreflightSeries found) {
        this.preflight = found;
    }

    public ResourceReport read(ScenarioWindow window) {
        Instant from = window.from().minus(scrape);
        Instant to = window.to().plus(scrape);
        awaitScrape(to);
        Duration step = step(from, to, scrape);
        long requestsBefore = client.requests();
        Duration elapsedBefore = client.elapsed();
        List<ResourceSeries> series = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<MissingSeries> missing = new ArrayList<>();  // answered without them (a failed query is a problem instead)
        PreflightSeries found = preflight;
        for (int i = 0; i < queries.size(); i++) {
            ResourceQuery q = queries.get(i);
            try {
                List<PromSeries> answer = client.range(q.expr(), from, to, step);
                missing.addAll(absent(q, answer, found == null ? List.of() : found.of(q.name())));
                for (PromSeries s : answer) series.add(named(q, s, answer.size()));
            } catch (PromException e) {
                problems.add("query '" + q.name() + "' failed: " + e.getMessage());
                if (e.kind() == PromException.Kind.UNREACHABLE || e.kind() == PromException.Kind.REFUSED) {
                    if (i + 1 < queries.size()) problems.add((queries.size() - i - 1) + " more queries not run: Prometheus is "
                            + (e.kind() == PromException.Kind.REFUSED ? "refusing the credentials" : "unreachable"));
                    break;
                }
            }
        }
        Map<String, String> causes = new java.util.LinkedHashMap<>();
        List<ResourceStats> stats = WindowCoverage.judge(client, queries, missing, series, from, to, step, window,
                found == null ? null : found.at(), notes, causes);
        return new ResourceReport(from, to, step, series, stats, notes, problems, client.requests() - requestsBefore,
                client.elapsed().minus(elapsedBefore), causes);
    }

    /**
     * Waits, at most two scrape intervals, until the window's last scrape can have been stored, so a
     * scenario whose cleanup was quick does not lose its last samples.
     */
    private void awaitScrape(Instant to) {
        long waitMs = Math.min(Duration.between(Instant.now(), to.plus(scrape)).toMillis(), 2 * scrape.toMillis());
        if (waitMs <= 0) return;
        try {
            Thread.sleep(waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The series the window lacks: each one the preflight found that the answer does not hold, or,
     * when the preflight found none either, the query itself when it answered nothing.
     */
    static List<MissingSeries> absent(ResourceQuery q, List<PromSeries> answer, List<Map<String, String>> before) {
        if (before.isEmpty()) return answer.isEmpty() ? List.of(new MissingSeries(q, q.name(), Map.of())) : List.of();
        Set<Map<String, String>> got = new HashSet<>();
        for (PromSeries s : answer) got.add(s.labels());
        List<MissingSeries> out = new ArrayList<>();
        for (Map<String, String> l : before) {
            if (got.contains(l)) continue;
            // The query's bare name only when it stands for its one series; beside others, the labels tell them apart.
            String name = q.legend() != null ? legend(q.legend(), l) : before.size() == 1 && answer.isEmpty() ? q.name() : q.name() + " " + labels(l);
            out.add(new MissingSeries(q, name, l));
        }
        return out;
    }

    private static ResourceSeries named(ResourceQuery q, PromSeries s, int siblings) {
        String name = q.legend() != null ? legend(q.legend(), s.labels()) : siblings == 1 ? q.name() : q.name() + " " + labels(s.labels());
        Map<String, String> labels = s.labels();
        ResourceRole role = q.role() != null ? q.role() : ResourceRole.guess(name);
        return new ResourceSeries(name, q.name(), q.unit(), role, q.max(), labels, s.millis(), s.values());
    }

    /** "{groupname} CPU" with the series' labels; a label it lacks reads "?". */
    static String legend(String template, Map<String, String> labels) {
        Matcher m = Placeholders.PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "?")));
        m.appendTail(out);
        return out.toString();
    }

    private static String labels(Map<String, String> labels) {
        Map<String, String> sorted = new TreeMap<>(labels);
        sorted.remove("__name__");
        return sorted.toString();
    }
}

package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.PulpTask;
import io.pulpperf.throughput.pulp.UnreadableRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Computes a run's {@link RunMetrics} from its tasks as they stream in from collection: counts
 * and latency histograms are updated per task, and only three timestamp columns are kept (for the
 * timeline and the steady-state rate), so a million tasks fit in a small heap.
 */
public final class RunAnalyzer implements Consumer<PulpTask> {
    private static final int MAX_ERROR_GROUPS = 100;
    private static final long[] NICE_STEPS_MICROS = {
        1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
        1_000_000, 2_000_000, 5_000_000, 10_000_000, 15_000_000, 30_000_000, 60_000_000,
        120_000_000, 300_000_000, 600_000_000, 900_000_000, 1_800_000_000L, 3_600_000_000L};

    private final Map<LatencyPart, Histogram> histograms = new EnumMap<>(LatencyPart.class);
    private final Map<String, Long> byState = new TreeMap<>();
    private final Map<String, Long> errors = new LinkedHashMap<>();
    private final FailureReasons failures = new FailureReasons();
    private final HrefSet observedHrefs = new HrefSet();
    private final LongColumn created = new LongColumn();
    private final LongColumn started = new LongColumn();
    private final LongColumn finished = new LongColumn();
    private final LongColumn completedFinishes = new LongColumn();
    private final List<String> unfinishedHrefs = new ArrayList<>();
    private final HrefSet unreadableHrefs = new HrefSet();
    private final List<String> unreadableExamples = new ArrayList<>();
    private long unreadableWithoutHref;
    private long unreadableLaterRead;
    private long duplicates;
    private Long firstCreated;
    private Long firstStarted;
    private Long lastFinished;

    public RunAnalyzer() {
        for (LatencyPart part : LatencyPart.values()) {
            Histogram h = new Histogram(3);
            h.setAutoResize(true);
            histograms.put(part, h);
        }
    }

    /** Adds one task of the run; a task seen twice (e.g. on two pages) counts once. */
    @Override
    public void accept(PulpTask task) {
        if (!observedHrefs.add(task.href())) {
            duplicates++;
            return;
        }
        if (unreadableHrefs.contains(task.href())) unreadableLaterRead++;
        byState.merge(task.state(), 1L, Long::sum);
        long c = task.createdMicros();
        firstCreated = firstCreated == null ? c : Math.min(firstCreated, c);
        if (task.startedMicros() != null) firstStarted = firstStarted == null ? task.startedMicros() : Math.min(firstStarted, task.startedMicros());
        if (task.finishedMicros() != null) lastFinished = lastFinished == null ? task.finishedMicros() : Math.max(lastFinished, task.finishedMicros());
        created.add(c);
        started.add(task.startedMicros() == null ? -1 : task.startedMicros());
        finished.add(task.finishedMicros() == null ? -1 : task.finishedMicros());
        if (task.state().equals("completed") && task.finishedMicros() != null) completedFinishes.add(task.finishedMicros());
        if (task.isIncomplete() && unfinishedHrefs.size() < 50) unfinishedHrefs.add(task.href());
        failures.accept(task);
        if (task.state().equals("failed")) {
            String key = task.errorDescription() == null ? "(no error description)" : task.errorDescription();
            if (errors.containsKey(key) || errors.size() < MAX_ERROR_GROUPS) errors.merge(key, 1L, Long::sum);
            else errors.merge("(other errors)", 1L, Long::sum);
        }
        recordLatencies(task);
    }

    /**
     * Notes a task row that could not be read. A task is counted once however many pages it came
     * on, not at all once it was read on another page, and never as lost: the server has it.
     */
    public void acceptUnreadable(UnreadableRow row) {
        if (row.href() == null) {
            unreadableWithoutHref++;
        } else if (observedHrefs.contains(row.href()) || !unreadableHrefs.add(row.href())) {
            return;
        }
        if (unreadableExamples.size() < 50) unreadableExamples.add(row.toString());
    }

    /** Tasks that came twice and were counted once (a sign of pages shifting under the collector). */
    public long duplicates() {
        return duplicates;
    }

    private void recordLatencies(PulpTask t) {
        long c = t.createdMicros();
        Long u = t.unblockedMicros();
        Long s = t.startedMicros();
        Long f = t.finishedMicros();
        if (u != null) record(LatencyPart.BLOCKED, u - c);
        if (s != null) {
            record(LatencyPart.WORKER_WAIT, s - (u != null ? u : c));
            record(LatencyPart.QUEUE_WAIT, s - c);
        }
        if (s != null && f != null) record(LatencyPart.RUN, f - s);
        if (f != null && t.state().equals("completed")) record(LatencyPart.TOTAL, f - c);
    }

    private void record(LatencyPart part, long micros) {
        // Clock quirks (pulp_created is stamped by the DB, the rest by workers) can make a part a few µs negative.
        histograms.get(part).recordValue(Math.max(0, micros));
    }

    /** The run's figures when every dispatched task is known by its href. */
    public RunMetrics result(Collection<String> acceptedHrefs) {
        return result(acceptedHrefs, 0);
    }

    /**
     * The run's figures.
     *
     * @param acceptedHrefs      task hrefs Pulp returned at dispatch; those never observed are lost
     * @param acceptedWithoutHref tasks reported dispatched without hrefs ({"tasks_executed": N}); lost by count
     */
    public RunMetrics result(Collection<String> acceptedHrefs, long acceptedWithoutHref) {
        long completed = byState.getOrDefault("completed", 0L);
        long observed = observedHrefs.size();
        List<String> lostHrefs = new ArrayList<>();
        long lost = 0;
        for (String href : acceptedHrefs) {
            if (!observedHrefs.contains(href) && !unreadableHrefs.contains(href)) {
                lost++;
                if (lostHrefs.size() < 50) lostHrefs.add(href);
            }
        }
        long submitted = acceptedHrefs.size() + acceptedWithoutHref;
        long unreadable = unreadableHrefs.size() - unreadableLaterRead + unreadableWithoutHref;
        if (acceptedWithoutHref > 0) lost = Math.max(0, submitted - observed - unreadable);
        Map<LatencyPart, LatencySummary> latency = new EnumMap<>(LatencyPart.class);
        histograms.forEach((part, h) -> latency.put(part, LatencySummary.of(h)));
        long bucket = bucketMicros();
        return new RunMetrics(submitted, observed, lost, lostHrefs, unreadable, Map.copyOf(byState),
                observed == 0 ? null : (double) completed / observed,
                rate(completed, firstStarted, lastFinished), rate(completed, firstCreated, lastFinished), steadyRate(),
                latency, firstCreated, firstStarted, lastFinished, new LinkedHashMap<>(errors), failures.result(), timeline(bucket), bucket,
                List.copyOf(unfinishedHrefs), List.copyOf(unreadableExamples));
    }

    private static Double rate(long count, Long from, Long to) {
        if (count == 0 || from == null || to == null || to <= from) return null;
        return count / ((to - from) / 1e6);
    }

    /** Completions per second between the 10th and 90th percentile finish: the plateau without warm-up and drain. */
    private Double steadyRate() {
        int n = completedFinishes.size();
        if (n < 10) return null;
        long[] f = completedFinishes.sorted();
        int i = (int) Math.floor(0.1 * n);
        int j = (int) Math.ceil(0.9 * n) - 1;
        if (f[j] <= f[i]) return null;
        return (j - i) / ((f[j] - f[i]) / 1e6);
    }

    private long bucketMicros() {
        if (firstCreated == null) return NICE_STEPS_MICROS[0];
        long end = firstCreated;
        for (int i = 0; i < created.size(); i++) end = Math.max(end, Math.max(created.get(i), Math.max(started.get(i), finished.get(i))));
        long span = end - firstCreated;
        for (long step : NICE_STEPS_MICROS) if (span / step <= 120) return step;
        return NICE_STEPS_MICROS[NICE_STEPS_MICROS.length - 1];
    }

    private List<TimelineBucket> timeline(long bucket) {
        List<TimelineBucket> out = new ArrayList<>();
        if (firstCreated == null) return out;
        int n = created.size();
        long end = firstCreated;
        for (int i = 0; i < n; i++) end = Math.max(end, Math.max(created.get(i), Math.max(started.get(i), finished.get(i))));
        int buckets = (int) ((end - firstCreated) / bucket) + 1;
        long[] c = new long[buckets];
        long[] s = new long[buckets];
        long[] f = new long[buckets];
        long[] fStarted = new long[buckets];
        for (int i = 0; i < n; i++) {
            c[index(created.get(i), bucket)]++;
            if (started.get(i) >= 0) s[index(started.get(i), bucket)]++;
            if (finished.get(i) >= 0) {
                f[index(finished.get(i), bucket)]++;
                if (started.get(i) >= 0) fStarted[index(finished.get(i), bucket)]++;
            }
        }
        long cc = 0, sc = 0, fc = 0, fsc = 0;
        for (int b = 0; b < buckets; b++) {
            cc += c[b];
            sc += s[b];
            fc += f[b];
            fsc += fStarted[b];
            long running = sc - fsc;
            long waiting = cc - sc - (fc - fsc);
            out.add(new TimelineBucket(b * bucket, c[b], s[b], f[b], waiting, running));
        }
        return out;
    }

    private int index(long micros, long bucket) {
        return (int) ((micros - firstCreated) / bucket);
    }
}

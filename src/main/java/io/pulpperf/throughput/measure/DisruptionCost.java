package io.pulpperf.throughput.measure;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one disruption cost, read from the tasks' own timestamps (issue 28), never from the clock
 * of the command that caused it.
 *
 * <p><b>Rates.</b> before: completions per second over the {@code window} before the disruption
 * (from the first task when the run is younger); during: from the disruption until it was
 * recovered (at least a quarter window); after: over the window in which it held recovered.
 *
 * <p><b>Time to recover.</b> The first time {@code t} from the disruption, in steps of a quarter
 * window, such that each of the four quarter-window slices of {@code [t, t + window]} completed
 * at least {@code (1 - tolerance)} times the before-rate: the rate is back and held for a window.
 * Slices rather than the window's mean, so the catch-up of a queue that built up cannot average
 * an outage away. The window must fit before the run's last completion, else "did not recover
 * within the scenario". A rule, not a test: for completions arriving as a Poisson process at 8
 * tasks/s, a 10 s window and tolerance 0.3, a 2.5 s slice falls short by chance with probability
 * P[Poisson(20) <= 13] = 0.066, and one of a window's four slices with 1 - (1 - 0.066)^4 = 0.24, so
 * a recovery can be reported a slice or more late on a noisy server; a longer window lowers both.
 * Workers finishing back to back complete far more regularly than Poisson.
 *
 * <p><b>Stuck.</b> A task unblocked at {@code u} and started at {@code s} (or not by the end) was
 * stuck when, within {@code [u, s]}, workers were idle ({@code online > running}, counting the
 * run's tasks and the workers online per {@code workers/?online=true}) for at least
 * {@link #STUCK_AFTER_MICROS}: a wake-up missed while a worker could have taken it. Killed workers
 * stay listed online until their heartbeat is a TTL old, so during a kill they look idle.
 *
 * @param before             tasks/s in the window before; null when the run was too young
 * @param during             tasks/s from the disruption until it recovered (until the end if not)
 * @param after              tasks/s over the held window (the last window if it did not recover)
 * @param recovered          whether the rate came back within the scenario
 * @param recoverySeconds    seconds from the disruption until the held window began; null if not recovered
 * @param why                why there is no recovery time, in words; null when there is one
 * @param failed             tasks that failed from the disruption until the next one or the end of the run
 * @param failedReasons      those by error description
 * @param stuck              tasks stuck over the same span (their wait overlapped it)
 * @param longestStuckSeconds the longest unblocked wait of a stuck task; null when none was
 * @param longestStuckTask   its href
 * @param fromMicros         the span the counts are taken over (epoch micros)
 * @param toMicros           its end
 */
public record DisruptionCost(Double before, Double during, Double after, boolean recovered, Double recoverySeconds, String why,
                             long failed, Map<String, Long> failedReasons, long stuck, Double longestStuckSeconds,
                             String longestStuckTask, long fromMicros, long toMicros) {
    /** Idle workers for this long within a task's unblocked wait make it stuck: 1 s, far above a wake-up's milliseconds. */
    public static final long STUCK_AFTER_MICROS = 1_000_000;
    private static final int SLICES = 4;

    /**
     * @param atMicros      when the disruption began (epoch micros, the server's clock as far as it agrees with the suite's)
     * @param spanEndMicros the next disruption's start, or {@link Long#MAX_VALUE}: the counts stop there
     * @param online        workers online over time
     */
    public static DisruptionCost of(DisruptionTasks tasks, long atMicros, long spanEndMicros, Duration window, double tolerance,
                                    OnlineWorkers online) {
        long w = Math.max(SLICES, window.toNanos() / 1000);
        long slice = w / SLICES;
        long[] done = tasks.completions.sorted();
        long loadEnd = done.length == 0 ? atMicros : done[done.length - 1] + 1;
        long first = tasks.firstCreated == null ? atMicros : tasks.firstCreated;
        long beforeFrom = Math.max(atMicros - w, first);
        Double before = atMicros - beforeFrom >= slice ? rate(done, beforeFrom, atMicros) : null;
        Long recoveredAt = null;
        String why = null;
        if (before == null) {
            why = "no before-rate: the disruption came within a quarter window of the run's first task";
        } else if (before == 0) {
            why = "no before-rate: no task completed in the window before it";
        } else {
            double floor = (1 - tolerance) * before;
            for (long t = atMicros; t + w <= loadEnd && t < spanEndMicros; t += slice) {
                boolean held = true;
                for (int j = 0; j < SLICES && held; j++) held = rate(done, t + j * slice, t + (j + 1) * slice) >= floor;
                if (held) {
                    recoveredAt = t;
                    break;
                }
            }
            if (recoveredAt == null) why = "did not recover within the scenario";
        }
        boolean recovered = recoveredAt != null;
        long duringEnd = recovered ? Math.max(recoveredAt, atMicros + slice) : Math.max(loadEnd, atMicros + slice);
        Double during = rate(done, atMicros, duringEnd);
        Double after = null;
        if (recovered) after = rate(done, recoveredAt, recoveredAt + w);
        else if (loadEnd - w > atMicros) after = rate(done, loadEnd - w, loadEnd);
        long last = tasks.lastFinished == null ? loadEnd : Math.max(loadEnd, tasks.lastFinished + 1);
        // Failures and stuck tasks are counted until the next disruption or the end: a killed worker's
        // task fails only once it is found a TTL old, which may well be after the rate is back.
        long to = Math.min(spanEndMicros, last);

        Map<String, Long> reasons = new LinkedHashMap<>();
        long failed = 0;
        for (int i = 0; i < tasks.failedAt.size(); i++) {
            long f = tasks.failedAt.get(i);
            if (f >= atMicros && f < to) {
                failed++;
                reasons.merge(tasks.failedReason.get(i), 1L, Long::sum);
            }
        }

        IdleTime idle = IdleTime.of(tasks, online);
        long stuck = 0;
        long longest = -1;
        String longestHref = null;
        for (DisruptionTasks.Candidate c : tasks.candidates) {
            long end = c.started() >= 0 ? c.started() : last;
            if (end < atMicros || c.unblocked() >= to) continue;  // its wait did not overlap the disruption
            if (idle.between(c.unblocked(), end) < STUCK_AFTER_MICROS) continue;
            stuck++;
            if (end - c.unblocked() > longest) {
                longest = end - c.unblocked();
                longestHref = c.href();
            }
        }
        return new DisruptionCost(before, during, after, recovered, recovered ? (recoveredAt - atMicros) / 1e6 : null, why, failed,
                reasons, stuck, longest < 0 ? null : longest / 1e6, longestHref, atMicros, to);
    }

    /** Completions per second in {@code [from, to)}; {@code done} sorted. */
    static double rate(long[] done, long from, long to) {
        if (to <= from) return 0;
        return (lowerBound(done, to) - lowerBound(done, from)) / ((to - from) / 1e6);
    }

    private static int lowerBound(long[] a, long key) {
        int i = Arrays.binarySearch(a, key);
        if (i < 0) return -i - 1;
        while (i > 0 && a[i - 1] == key) i--;
        return i;
    }

    /** Workers online over time, a step function; before the first answer the first count holds. */
    public record OnlineWorkers(long[] atMicros, int[] counts, int fallback) {
        int at(long t) {
            if (atMicros.length == 0) return fallback;
            int i = Arrays.binarySearch(atMicros, t);
            if (i < 0) i = -i - 2;
            return counts[Math.max(0, i)];
        }
    }

    /** Cumulative time with idle workers (online > running), for the idle time within any span. */
    private record IdleTime(long[] points, long[] idleBefore, boolean[] idleAfter) {
        static IdleTime of(DisruptionTasks tasks, OnlineWorkers online) {
            int n = tasks.starts.size();
            long[] starts = new long[n];
            long[] ends = new long[n];
            int e = 0;
            for (int i = 0; i < n; i++) {
                starts[i] = tasks.starts.get(i);
                if (tasks.ends.get(i) >= 0) ends[e++] = tasks.ends.get(i);
            }
            Arrays.sort(starts);
            ends = Arrays.copyOf(ends, e);
            Arrays.sort(ends);
            long[] all = new long[n + e + online.atMicros().length];
            System.arraycopy(starts, 0, all, 0, n);
            System.arraycopy(ends, 0, all, n, e);
            System.arraycopy(online.atMicros(), 0, all, n + e, online.atMicros().length);
            Arrays.sort(all);
            long[] points = Arrays.stream(all).distinct().toArray();
            long[] idleBefore = new long[points.length];
            boolean[] idleAfter = new boolean[points.length];
            int si = 0, ei = 0;
            for (int p = 0; p < points.length; p++) {
                while (si < starts.length && starts[si] <= points[p]) si++;
                while (ei < ends.length && ends[ei] <= points[p]) ei++;
                idleAfter[p] = online.at(points[p]) > si - ei;
                if (p > 0) idleBefore[p] = idleBefore[p - 1] + (idleAfter[p - 1] ? points[p] - points[p - 1] : 0);
            }
            return new IdleTime(points, idleBefore, idleAfter);
        }

        /** Idle time up to {@code t}; before the first point nothing is known, so nothing counts. */
        long upTo(long t) {
            if (points.length == 0 || t <= points[0]) return 0;
            int i = Arrays.binarySearch(points, t);
            if (i >= 0) return idleBefore[i];
            i = -i - 2;
            return idleBefore[i] + (idleAfter[i] ? t - points[i] : 0);
        }

        long between(long from, long to) {
            return to <= from ? 0 : upTo(to) - upTo(from);
        }
    }
}

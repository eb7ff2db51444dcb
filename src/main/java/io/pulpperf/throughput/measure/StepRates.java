package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.PulpTask;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The rates of one capacity-search step, from its own tasks' server timestamps only, never the
 * client's clock (issue 14).
 *
 * <p>The offered rate is the least-squares slope of the count of tasks created against time over
 * the middle 80% of them. Arrivals, completions and the queue are counted between two instants: where the
 * number of the step's tasks in the system (created, not finished) is lowest in the step's first
 * third (after its first 10% of tasks, once workers are busy) and in its last third. A momentary
 * burst of arrivals (a client pause, a slow answer) raises the queue for a while and is gone at
 * those low points; saturation raises the low points themselves, at the rate the queue grows. So
 * a short step near capacity is not taken for saturated. Whether a step kept up is judged on
 * those counts; the completion rate is the least-squares slope of the completions between the two
 * instants. What saturated workers complete flat out is read where they surely had work: over the
 * longest stretch during which some task of the step was waiting (there the least-squares slope
 * of completions is exact, whether workers finish back to back or in lockstep).
 */
public final class StepRates implements Consumer<PulpTask> {
    private final LongColumn created = new LongColumn();
    private final LongColumn started = new LongColumn();
    private final LongColumn finished = new LongColumn();
    private final LongColumn completed = new LongColumn();

    /**
     * @param tasks          tasks of the step seen
     * @param offeredRate    tasks created per second on the server; null with fewer than 2 tasks
     * @param completionRate tasks completed per second between {@code from} and {@code to}; null when undefined
     * @param firstCreated   the step's first {@code pulp_created}, epoch micros (0 without tasks)
     * @param lastCreated    its last {@code pulp_created}
     * @param from           the instant the step's start is read at (fewest tasks in the system in its first third)
     * @param to             the instant its end is read at (the same in its last third)
     * @param waitingAtStart tasks of the step waiting (created, not started) at {@code from}
     * @param waitingAtEnd   the same at {@code to}
     * @param queueGrowth    (waitingAtEnd - waitingAtStart) per second between the two; null when undefined
     * @param arrived        tasks created after {@code from}, up to {@code to}
     * @param completed      tasks completed after {@code from}, up to {@code to}
     * @param busyMicros     the longest stretch during which some task of the step was waiting
     * @param busyRate       tasks completed per second during that stretch; null when it holds fewer than 20 completions
     */
    public record Figures(long tasks, Double offeredRate, Double completionRate, long firstCreated, long lastCreated,
                          long from, long to, long waitingAtStart, long waitingAtEnd, Double queueGrowth, long arrived,
                          long completed, long busyMicros, Double busyRate) {}

    @Override
    public void accept(PulpTask task) {
        created.add(task.createdMicros());
        if (task.startedMicros() != null) started.add(task.startedMicros());
        if (task.finishedMicros() != null) finished.add(task.finishedMicros());
        if ("completed".equals(task.state()) && task.finishedMicros() != null) completed.add(task.finishedMicros());
    }

    public Figures figures() {
        long[] c = created.sorted();
        if (c.length == 0) return new Figures(0, null, null, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, null);
        long[] s = started.sorted();
        long[] f = finished.sorted();
        long[] done = completed.sorted();
        long first = c[0];
        long last = c[c.length - 1];
        long third = (last - first) / 3;
        long from = quietest(c, f, c[(int) Math.floor(0.1 * (c.length - 1))], first + third, true);
        long to = quietest(c, f, last - third, last, false);
        long[] busy = longestWait(c, s);
        long waitingFrom = upTo(c, from) - upTo(s, from);
        long waitingTo = upTo(c, to) - upTo(s, to);
        double seconds = (to - from) / 1e6;
        Double completion = to > from ? slope(Arrays.copyOfRange(done, upTo(done, from), upTo(done, to)), false) : null;
        Double growth = to > from ? (waitingTo - waitingFrom) / seconds : null;
        return new Figures(c.length, slope(c, true), completion, first, last, from, to, waitingFrom, waitingTo, growth,
                upTo(c, to) - upTo(c, from), upTo(done, to) - upTo(done, from), busy[1] - busy[0], busyRate(done, busy));
    }

    /** Completions per second within [busy[0], busy[1]], or null with fewer than 20 of them (too few to judge by). */
    private static Double busyRate(long[] done, long[] busy) {
        long[] within = Arrays.copyOfRange(done, lowerBound(done, busy[0]), upTo(done, busy[1]));
        return within.length < 20 ? null : slope(within, false);
    }

    /**
     * The longest stretch during which at least one task was waiting (created, not started):
     * {from, to}, epoch micros; {0, 0} when none ever waited. A task still waiting keeps it open
     * to the last event seen.
     */
    static long[] longestWait(long[] created, long[] started) {
        long[] best = {0, 0};
        int i = 0;
        int j = 0;
        long waiting = 0;
        long since = 0;
        long last = 0;
        while (i < created.length || j < started.length) {
            // At one instant, starts before arrivals: a task taken the moment it came never waited.
            boolean start = j < started.length && (i >= created.length || started[j] <= created[i]);
            long t = start ? started[j++] : created[i++];
            last = t;
            if (start) {
                waiting--;
                if (waiting == 0 && t - since > best[1] - best[0]) best = new long[] {since, t};
            } else if (waiting++ == 0) {
                since = t;
            }
        }
        if (waiting > 0 && last - since > best[1] - best[0]) best = new long[] {since, last};
        return best;
    }

    /**
     * The instant in [lo, hi] with the fewest tasks in the system: the count only falls at a
     * finish, so the candidates are the finishes in the window and its ends; ties go to the
     * earliest ({@code earliest}) or the latest, so the two instants lie as far apart as they can.
     */
    private static long quietest(long[] created, long[] finished, long lo, long hi, boolean earliest) {
        long best = lo;
        long bestCount = inSystem(created, finished, lo);
        int i = Math.max(0, lowerBound(finished, lo));
        for (; i <= finished.length; i++) {
            long t = i < finished.length ? finished[i] : hi;
            if (t > hi) t = hi;
            long n = inSystem(created, finished, t);
            if (n < bestCount || n == bestCount && !earliest) {
                best = t;
                bestCount = n;
            }
            if (t == hi) break;
        }
        return best;
    }

    private static long inSystem(long[] created, long[] finished, long t) {
        return upTo(created, t) - upTo(finished, t);
    }

    /** How many values are <= t. */
    private static int upTo(long[] sorted, long t) {
        int i = Arrays.binarySearch(sorted, t);
        if (i < 0) return -i - 1;
        while (i + 1 < sorted.length && sorted[i + 1] == t) i++;
        return i + 1;
    }

    /** The first index whose value is >= t. */
    private static int lowerBound(long[] sorted, long t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Events per second: the least-squares slope of the count against time, over the middle 80%
     * of the sorted times when {@code middle}, else over all. Workers finishing in lockstep move a
     * slope by far less than a task; they would move a count divided by a span by a whole one.
     */
    static Double slope(long[] sorted, boolean middle) {
        int n = sorted.length;
        int from = middle && n >= 10 ? (int) Math.floor(0.1 * n) : 0;
        int to = middle && n >= 10 ? (int) Math.ceil(0.9 * n) - 1 : n - 1;
        int m = to - from + 1;
        if (m < 2 || sorted[to] == sorted[from]) return null;
        double meanX = 0;
        for (int k = from; k <= to; k++) meanX += sorted[k] - sorted[from];
        meanX /= m;
        double meanY = (m - 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        for (int k = from; k <= to; k++) {
            double dx = sorted[k] - sorted[from] - meanX;
            sxy += dx * (k - from - meanY);
            sxx += dx * dx;
        }
        return sxx == 0 ? null : sxy / sxx * 1e6;
    }
}

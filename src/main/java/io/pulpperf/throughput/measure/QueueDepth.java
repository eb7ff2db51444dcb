package io.pulpperf.throughput.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Completion rate by queue depth (issue 21), from server timestamps only: a task waits from its
 * {@code pulp_created} until its {@code started_at} (or, never started, its {@code finished_at}:
 * canceled). Sweeping those instants gives the number of tasks waiting at every instant; the busy
 * time (at least one waiting, from the first task started on: a backlog filled while no worker ran
 * is not slow draining) is split into decade bands, and each completion counts in the band
 * of the depth at its {@code finished_at}. A target whose tasks slow down as the queue grows shows
 * a falling rate and a rising run time from band to band.
 */
public final class QueueDepth {
    /** Lower bounds of the bands: 1-9, 10-99, 100-999, 1,000-9,999, 10,000+. */
    static final long[] BANDS = {1, 10, 100, 1_000, 10_000};
    /** A band with fewer completions says little about its rate: left out of the fall's comparison. */
    public static final int ENOUGH_COMPLETIONS = 20;
    /** A fall from the shallowest to the deepest band above this share is noted. */
    public static final double NOTABLE_FALL = 0.2;

    private final LongColumn enter = new LongColumn();
    private final LongColumn leave = new LongColumn();
    private final List<long[]> completions = new ArrayList<>();
    private long firstStarted = Long.MAX_VALUE;

    /**
     * @param createdMicros  pulp_created
     * @param startedMicros  started_at, or null
     * @param finishedMicros finished_at, or null
     * @param completed      whether it ended completed (only those count as completions)
     */
    public void add(long createdMicros, Long startedMicros, Long finishedMicros, boolean completed) {
        enter.add(createdMicros);
        if (startedMicros != null) firstStarted = Math.min(firstStarted, startedMicros);
        Long left = startedMicros != null ? startedMicros : finishedMicros;
        if (left != null) leave.add(Math.max(createdMicros, left));
        if (completed && finishedMicros != null) {
            completions.add(new long[] {finishedMicros, startedMicros == null ? -1 : finishedMicros - startedMicros});
        }
    }

    /** Every band that held busy time, shallowest first. */
    public List<DepthBand> bands() {
        long[] in = enter.sorted();
        long[] out = leave.sorted();
        long[][] done = completions.toArray(new long[0][]);
        Arrays.sort(done, (a, b) -> Long.compare(a[0], b[0]));
        long[] micros = new long[BANDS.length];
        long[] count = new long[BANDS.length];
        List<List<Long>> runs = new ArrayList<>();
        for (int b = 0; b < BANDS.length; b++) runs.add(new ArrayList<>());
        int i = 0, o = 0, d = 0;
        long depth = 0;
        long previous = Long.MIN_VALUE;
        // At one instant: completions see the depth before it, then tasks leave, then arrive.
        while (i < in.length || o < out.length || d < done.length) {
            long next = Math.min(i < in.length ? in[i] : Long.MAX_VALUE,
                    Math.min(o < out.length ? out[o] : Long.MAX_VALUE, d < done.length ? done[d][0] : Long.MAX_VALUE));
            if (previous != Long.MIN_VALUE && depth > 0 && next > firstStarted) micros[band(depth)] += next - Math.max(previous, firstStarted);
            while (d < done.length && done[d][0] == next) {
                if (depth > 0) {
                    int b = band(depth);
                    count[b]++;
                    if (done[d][1] >= 0) runs.get(b).add(done[d][1]);
                }
                d++;
            }
            while (o < out.length && out[o] == next) {
                depth--;
                o++;
            }
            while (i < in.length && in[i] == next) {
                depth++;
                i++;
            }
            previous = next;
        }
        List<DepthBand> bands = new ArrayList<>();
        for (int b = 0; b < BANDS.length; b++) {
            if (micros[b] == 0 && count[b] == 0) continue;
            double seconds = micros[b] / 1e6;
            bands.add(new DepthBand(BANDS[b], b + 1 < BANDS.length ? BANDS[b + 1] - 1 : null, seconds, count[b],
                    seconds > 0 ? count[b] / seconds : null, median(runs.get(b))));
        }
        return bands;
    }

    /**
     * "throughput falls 31% from 1-9 to 100-999 waiting (run p50 31 ms to 80 ms)" when the rate of the
     * deepest band with enough completions is more than 20% below the shallowest's; null otherwise.
     */
    public static String fallNote(List<DepthBand> bands) {
        List<DepthBand> enough = bands.stream().filter(b -> b.completed() >= ENOUGH_COMPLETIONS && b.completionRate() != null).toList();
        if (enough.size() < 2) return null;
        DepthBand shallow = enough.get(0);
        DepthBand deep = enough.get(enough.size() - 1);
        double fall = 1 - deep.completionRate() / shallow.completionRate();
        if (fall <= NOTABLE_FALL) return null;
        String runs = shallow.runP50Micros() == null || deep.runP50Micros() == null ? ""
                : String.format(java.util.Locale.ROOT, " (run p50 %.0f ms to %.0f ms)", shallow.runP50Micros() / 1000.0, deep.runP50Micros() / 1000.0);
        return String.format(java.util.Locale.ROOT, "throughput falls %.0f%% from %s to %s waiting%s", fall * 100, shallow.label(),
                deep.label(), runs);
    }

    private static int band(long depth) {
        for (int b = BANDS.length - 1; b > 0; b--) if (depth >= BANDS[b]) return b;
        return 0;
    }

    private static Long median(List<Long> values) {
        if (values.isEmpty()) return null;
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v[(v.length - 1) / 2];
    }
}

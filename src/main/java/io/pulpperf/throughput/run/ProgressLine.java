package io.pulpperf.throughput.run;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Prints how a wait is going on a steady beat: once at the first poll, then every interval
 * (counted from the first print, so slow polls do not make the beat drift), and once when
 * nothing is left. Each line has finished/total, the rate over the last interval, the tasks still
 * waiting or running, and an ETA from the rate over the last {@value #ETA_WINDOW_SECONDS} s,
 * which a single slow or fast interval does not swing.
 */
final class ProgressLine implements Consumer<Long> {
    static final int ETA_WINDOW_SECONDS = 30;
    private final String label;
    private final long total;
    private final long intervalNanos;
    private final PrintStream out;
    private final LongSupplier clock;
    /** (time, finished) at recent prints, oldest first; bounded by the ETA window. */
    private final Deque<long[]> samples = new ArrayDeque<>();
    private final int maxSamples;
    private long nextPrintNanos;
    private boolean started;
    private boolean done;

    ProgressLine(String label, long total, long intervalMillis, PrintStream out) {
        this(label, total, intervalMillis, out, System::nanoTime);
    }

    /** @param clock nanoseconds, monotonic (System::nanoTime outside tests) */
    ProgressLine(String label, long total, long intervalMillis, PrintStream out, LongSupplier clock) {
        if (intervalMillis <= 0) throw new IllegalArgumentException("intervalMillis must be > 0, was " + intervalMillis);
        this.label = label;
        this.total = total;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.out = out;
        this.clock = clock;
        this.maxSamples = (int) Math.max(2, ETA_WINDOW_SECONDS * 1000L / intervalMillis + 1);
    }

    /** Takes the unfinished count of one poll. */
    @Override
    public void accept(Long unfinished) {
        if (done) return;
        long now = clock.getAsLong();
        long finished = Math.max(0, total - unfinished);
        if (!started) {
            started = true;
            nextPrintNanos = now + intervalNanos;
            samples.addLast(new long[] {now, finished});
            print(finished, unfinished, null, unfinished == 0 ? "done" : "ETA unknown");
            done = unfinished == 0;
            return;
        }
        if (now < nextPrintNanos && unfinished > 0) return;
        // Next beat: the first multiple of the interval after now (no loop: one division).
        nextPrintNanos += ((now - nextPrintNanos) / intervalNanos + 1) * intervalNanos;
        long[] last = samples.peekLast();
        Double rateNow = rate(last, now, finished);
        samples.addLast(new long[] {now, finished});
        while (samples.size() > maxSamples) samples.removeFirst();
        Double windowRate = rate(samples.peekFirst(), now, finished);
        done = unfinished == 0;
        print(finished, unfinished, rateNow, done ? "done" : eta(unfinished, windowRate));
    }

    private static Double rate(long[] since, long now, long finished) {
        double seconds = (now - since[0]) / 1e9;
        return seconds > 0 ? (finished - since[1]) / seconds : null;
    }

    private void print(long finished, long unfinished, Double rate, String eta) {
        out.printf(Locale.ROOT, "[%s] %d/%d tasks finished, %s tasks/s now, %d waiting or running, %s%n",
                label, finished, total, rate == null ? "-" : String.format(Locale.ROOT, "%.1f", rate), unfinished, eta);
    }

    /** "ETA 42 s", "ETA 3 min 05 s", "ETA 1 h 02 min", "ETA <1 s", or "ETA unknown" while nothing finishes. */
    static String eta(long unfinished, Double perSecond) {
        if (perSecond == null || perSecond <= 0) return "ETA unknown (nothing finished lately)";
        double seconds = unfinished / perSecond;
        if (seconds < 1) return "ETA <1 s";
        long s = Math.round(seconds);
        if (s < 60) return "ETA " + s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "ETA %d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "ETA %d h %02d min", s / 3600, (s % 3600) / 60);
    }
}

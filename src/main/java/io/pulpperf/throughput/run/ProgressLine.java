package io.pulpperf.throughput.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Prints, at most once per interval, how a wait is going: done/total, the current rate, the
 * queue left and an estimate of the time to go.
 */
final class ProgressLine implements Consumer<Long> {
    private final String label;
    private final long total;
    private final long intervalNanos;
    private final PrintStream out;
    private long lastPrintNanos;
    private long lastDone = -1;
    private long lastRateNanos;

    ProgressLine(String label, long total, long intervalMillis, PrintStream out) {
        this.label = label;
        this.total = total;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.out = out;
        this.lastPrintNanos = System.nanoTime();
        this.lastRateNanos = lastPrintNanos;
    }

    @Override
    public void accept(Long unfinished) {
        long now = System.nanoTime();
        long done = Math.max(0, total - unfinished);
        if (lastDone < 0) lastDone = done;
        if (now - lastPrintNanos < intervalNanos && unfinished > 0) return;
        double seconds = (now - lastRateNanos) / 1e9;
        double rate = seconds > 0 ? (done - lastDone) / seconds : 0;
        String eta = unfinished == 0 ? "done" : rate > 0 ? String.format(Locale.ROOT, "ETA %.0f s", unfinished / rate) : "ETA unknown";
        out.printf(Locale.ROOT, "[%s] %d/%d tasks finished, %.1f tasks/s now, %d unfinished, %s%n",
                label, done, total, rate, unfinished, eta);
        lastPrintNanos = now;
        lastRateNanos = now;
        lastDone = done;
    }
}

package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.PulpTask;
import io.pulpperf.throughput.pulp.PulpTime;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Streams the run's raw task data to a CSV file as it is collected, so it survives whatever ends
 * the scenario (flushed every 1000 tasks). Durations are in milliseconds; empty where the timestamps they need are null.
 */
public final class RawTaskCsv implements Consumer<PulpTask>, Closeable {
    public static final String HEADER = "pulp_href,name,state,logging_cid,pulp_created,unblocked_at,started_at,finished_at,"
            + "blocked_ms,worker_wait_ms,queue_wait_ms,run_ms,total_ms,error";
    private static final int FLUSH_EVERY = 1000;
    private final BufferedWriter out;
    private int unflushed;

    public RawTaskCsv(Path file) {
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newBufferedWriter(file);
            out.write(HEADER);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write raw task data to " + file, e);
        }
    }

    @Override
    public void accept(PulpTask t) {
        Long c = t.createdMicros();
        Long u = t.unblockedMicros();
        Long s = t.startedMicros();
        Long f = t.finishedMicros();
        StringBuilder line = new StringBuilder(256);
        line.append(t.href()).append(',').append(t.name()).append(',').append(t.state()).append(',')
            .append(t.loggingCid() == null ? "" : t.loggingCid()).append(',')
            .append(PulpTime.format(c)).append(',').append(time(u)).append(',').append(time(s)).append(',').append(time(f)).append(',')
            .append(ms(u == null ? null : u - c)).append(',')
            .append(ms(s == null ? null : s - (u != null ? u : c))).append(',')
            .append(ms(s == null ? null : s - c)).append(',')
            .append(ms(s == null || f == null ? null : f - s)).append(',')
            .append(ms(f == null ? null : f - c)).append(',')
            .append(quote(t.errorDescription())).append('\n');
        try {
            out.write(line.toString());
            // Flushed as it goes: an interrupted run keeps what was collected.
            if (++unflushed >= FLUSH_EVERY) {
                out.flush();
                unflushed = 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write raw task data", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static String time(Long micros) {
        return micros == null ? "" : PulpTime.format(micros);
    }

    /** Milliseconds with three decimals, exact (as {@code %.3f} of micros / 1000, without a Formatter per cell). */
    static String ms(Long micros) {
        if (micros == null) return "";
        long v = micros;
        boolean negative = v < 0;
        long abs = Math.abs(v);
        long frac = abs % 1000;
        StringBuilder b = new StringBuilder(12);
        if (negative) b.append('-');
        b.append(abs / 1000).append('.');
        if (frac < 100) b.append('0');
        if (frac < 10) b.append('0');
        return b.append(frac).toString();
    }

    /** RFC 4180 quoting, so error texts with commas, quotes or newlines stay in one cell. */
    public static String quote(String text) {
        if (text == null) return "";
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.PulpTask;
import io.pulpperf.throughput.pulp.PulpTime;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the run's raw task data to a CSV file as it is collected, so it survives whatever ends
 * the scenario (flushed every 1000 tasks). Durations are in milliseconds; empty where the timestamps they need are null.
 * The CSV itself (quoting, separators) is Jackson's, through {@link CsvRows}.
 *
 * <p>Jackson rather than the former hand-written line because the million-task collection kept
 * its figures (issue 15; BENCHMARKS.md "Before and after issue 15": {@code bench/compare.sh},
 * hand path vs this, alternating against one simulator, quiet 2-core machine, 2026-11-30):
 * wall time 1.04 x (the hand path's own spread 30%), peak heap the same, tasks.csv byte-identical.
 * Writing alone costs ~11% more CPU (1.63 vs 1.46 s per million rows), under 1% of a collection.
 * Should a later comparison show the collection slower, revert commit ac7ba64: the hand path
 * comes back with the same text (RawTaskCsvTest pins it).
 */
public final class RawTaskCsv implements Consumer<PulpTask>, Closeable {
    public static final List<String> COLUMNS = List.of("pulp_href", "name", "state", "logging_cid", "pulp_created", "unblocked_at",
            "started_at", "finished_at", "blocked_ms", "worker_wait_ms", "queue_wait_ms", "run_ms", "total_ms", "error");
    public static final String HEADER = String.join(",", COLUMNS);
    private static final int FLUSH_EVERY = 1000;
    private final CsvRows out;
    private int unflushed;

    public RawTaskCsv(Path file) {
        try {
            Files.createDirectories(file.getParent());
            this.out = new CsvRows(Files.newBufferedWriter(file), COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write raw task data to " + file, e);
        }
    }

    @Override
    public void accept(PulpTask t) {
        long c = t.createdMicros();
        Long u = t.unblockedMicros();
        Long s = t.startedMicros();
        Long f = t.finishedMicros();
        try {
            out.cell(t.href()).cell(t.name()).cell(t.state()).cell(t.loggingCid())
               .cell(PulpTime.format(c)).cell(time(u)).cell(time(s)).cell(time(f))
               .cell(ms(u == null ? null : u - c))
               .cell(ms(s == null ? null : s - (u != null ? u : c)))
               .cell(ms(s == null ? null : s - c))
               .cell(ms(s == null || f == null ? null : f - s))
               .cell(ms(f == null ? null : f - c))
               .cell(t.errorDescription())
               .endRow();
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

    /**
     * RFC 4180 quoting of one cell, for the report tables built as strings (results, summary,
     * capacity, scaling, resources); the raw task data, dispatch log and database CSV go through
     * {@link CsvRows}.
     */
    public static String quote(String text) {
        if (text == null) return "";
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

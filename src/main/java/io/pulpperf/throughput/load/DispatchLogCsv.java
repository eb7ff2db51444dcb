package io.pulpperf.throughput.load;

import io.pulpperf.throughput.measure.CsvRows;
import io.pulpperf.throughput.pulp.PulpTime;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Streams the per-request dispatch log to CSV as answers come in (from many client threads),
 * flushed every 100 lines, so an interrupted run keeps what it sent. The CSV itself is Jackson's,
 * through {@link CsvRows}.
 */
public final class DispatchLogCsv implements Consumer<DispatchRecord>, Closeable {
    private static final int FLUSH_EVERY = 100;
    private static final List<String> COLUMNS =
            List.of("seq", "intended_at", "sent_at", "latency_ms", "status", "tasks", "task_href", "error");
    private final CsvRows out;
    private int unflushed;

    public DispatchLogCsv(Path file) {
        try {
            Files.createDirectories(file.getParent());
            out = new CsvRows(Files.newBufferedWriter(file), COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dispatch log to " + file, e);
        }
    }

    @Override
    public synchronized void accept(DispatchRecord r) {
        try {
            out.cell(Integer.toString(r.seq())).cell(PulpTime.format(r.intendedMicros())).cell(PulpTime.format(r.sentMicros()))
               .cell(r.latencyMicros() < 0 ? null : String.format(Locale.ROOT, "%.3f", r.latencyMicros() / 1000.0))
               .cell(Integer.toString(r.status())).cell(Long.toString(r.tasks())).cell(r.taskHref()).cell(r.error())
               .endRow();
            if (++unflushed >= FLUSH_EVERY) {
                out.flush();
                unflushed = 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dispatch log", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}

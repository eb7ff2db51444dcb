package io.pulpperf.throughput.load;

import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.pulp.PulpTime;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Streams the per-request dispatch log to CSV as answers come in (from many client threads),
 * flushed every 100 lines, so an interrupted run keeps what it sent.
 */
public final class DispatchLogCsv implements Consumer<DispatchRecord>, Closeable {
    private static final int FLUSH_EVERY = 100;
    private final BufferedWriter out;
    private int unflushed;

    public DispatchLogCsv(Path file) {
        try {
            Files.createDirectories(file.getParent());
            out = Files.newBufferedWriter(file);
            out.write("seq,intended_at,sent_at,latency_ms,status,tasks,task_href,error\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dispatch log to " + file, e);
        }
    }

    @Override
    public synchronized void accept(DispatchRecord r) {
        try {
            out.write(r.seq() + "," + PulpTime.format(r.intendedMicros()) + "," + PulpTime.format(r.sentMicros()) + ","
                    + (r.latencyMicros() < 0 ? "" : String.format(Locale.ROOT, "%.3f", r.latencyMicros() / 1000.0)) + ","
                    + r.status() + "," + r.tasks() + "," + (r.taskHref() == null ? "" : r.taskHref()) + ","
                    + RawTaskCsv.quote(r.error()) + "\n");
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

package io.pulpperf.throughput.load;

import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.pulp.PulpTime;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the per-request dispatch log as CSV. */
public final class DispatchLogCsv {
    private DispatchLogCsv() {}

    public static void write(Path file, List<DispatchRecord> records) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("seq,intended_at,sent_at,latency_ms,status,tasks,task_href,error\n");
            for (DispatchRecord r : records) {
                out.write(r.seq() + "," + PulpTime.format(r.intendedMicros()) + "," + PulpTime.format(r.sentMicros()) + ","
                        + (r.latencyMicros() < 0 ? "" : String.format(Locale.ROOT, "%.3f", r.latencyMicros() / 1000.0)) + ","
                        + r.status() + "," + r.tasks() + "," + (r.taskHref() == null ? "" : r.taskHref()) + ","
                        + RawTaskCsv.quote(r.error()) + "\n");
            }
        }
    }
}

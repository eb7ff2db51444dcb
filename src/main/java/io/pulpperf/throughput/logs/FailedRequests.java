package io.pulpperf.throughput.logs;

import io.pulpperf.throughput.observe.ScenarioWindow;
import io.pulpperf.throughput.pulp.PulpTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's failed requests (HTTP 5xx or no answer) from its dispatch.csv, as spans to match
 * gunicorn's id-less lines against. Streamed; at most {@link #MAX} kept (a run failing more than
 * that has its story told by the first ones).
 */
public final class FailedRequests {
    static final int MAX = 10_000;

    private FailedRequests() {}

    /** Empty when the file is missing or unreadable: attribution by time is then simply not done. */
    public static List<ScenarioWindow.Span> read(Path dispatchCsv) {
        List<ScenarioWindow.Span> out = new ArrayList<>();
        if (dispatchCsv == null || !Files.isReadable(dispatchCsv)) return out;
        try (BufferedReader r = Files.newBufferedReader(dispatchCsv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("seq,intended_at,sent_at,latency_ms,status")) return out;
            String line;
            while ((line = r.readLine()) != null && out.size() < MAX) {
                String[] f = line.split(",", 6);
                if (f.length < 5) continue;
                int status = Integer.parseInt(f[4].trim());
                if (status >= 0 && status < 500) continue;
                Instant sent = Instant.EPOCH.plusNanos(PulpTime.parseMicros(f[2]) * 1000);
                // No answer (the client gave up or the scenario ended): the server may still have been at it, so open-ended.
                Instant end = f[3].isBlank() ? null : sent.plusNanos((long) (Double.parseDouble(f[3]) * 1_000_000));
                out.add(new ScenarioWindow.Span(sent, end));
            }
        } catch (IOException | RuntimeException e) {
            // A dispatch log that cannot be read leaves id-less lines unattributed, which the report says.
        }
        return out;
    }
}

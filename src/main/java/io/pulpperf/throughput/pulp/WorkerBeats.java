package io.pulpperf.throughput.pulp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One answer of {@code workers/?online=true}: who is online and when each last beat, with the
 * server's clock at the answer (its {@code Date} header, 1 s resolution), so heartbeat ages are
 * read by the server's clock, never the client's (issue 20).
 *
 * @param serverTime the {@code Date} header, or null when the server sent none
 * @param workers    the online workers, as listed
 */
public record WorkerBeats(Instant serverTime, List<Beat> workers) {
    public WorkerBeats {
        workers = List.copyOf(workers);
    }

    /** One online worker: its name ({@code pid@host}) and its {@code last_heartbeat}. */
    public record Beat(String name, Instant lastHeartbeat) {
        /** Its heartbeat's age at {@code serverTime}; never negative (the Date header is cut to the second). */
        public Duration age(Instant serverTime) {
            Duration d = Duration.between(lastHeartbeat, serverTime);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    public List<String> names() {
        return workers.stream().map(Beat::name).toList();
    }
}

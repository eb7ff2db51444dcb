package io.pulpperf.throughput.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A simulated {@code pulpcore-worker} process: runs one task at a time and writes heartbeats. */
final class SimWorker {
    final UUID id;
    final String name;
    final long startedMicros;
    SimTask current;
    boolean stopping;
    /** Killed (issue 28): runs nothing, beats no more; listed until a live worker finds it missing. */
    boolean dead;
    /** The last heartbeat written; a worker writes one when it starts. */
    private long lastBeatMicros;
    /** Spans [from, to) in which it writes no beat (issue 20), in epoch micros. */
    private final List<long[]> outages = new ArrayList<>();

    SimWorker(UUID id, String name, long startedMicros) {
        this.id = id;
        this.name = name;
        this.startedMicros = startedMicros;
        this.lastBeatMicros = startedMicros;
    }

    void missBeats(long fromMicros, long toMicros) {
        if (toMicros > fromMicros) outages.add(new long[] {fromMicros, toMicros});
    }

    /**
     * The last beat written by {@code now}: beats come every {@code interval} after the previous
     * one, none inside an outage, and the first after an outage at its end. Advanced lazily, so
     * it never moves back when the interval changes with the worker count.
     */
    long lastHeartbeatMicros(long now, long interval) {
        for (int guard = 0; guard < 10_000; guard++) {  // each round passes an outage or reaches now
            long next = lastBeatMicros + interval;
            long[] outage = covering(next);
            if (outage != null) next = outage[1];
            if (next > now) break;
            if (outage != null) {
                lastBeatMicros = next;
                continue;
            }
            long stop = Math.min(now, nextOutageStart(next) - 1);
            lastBeatMicros += Math.max(1, (stop - lastBeatMicros) / interval) * interval;
        }
        return lastBeatMicros;
    }

    private long[] covering(long t) {
        for (long[] o : outages) if (t >= o[0] && t < o[1]) return o;
        return null;
    }

    private long nextOutageStart(long after) {
        long first = Long.MAX_VALUE;
        for (long[] o : outages) if (o[0] > after) first = Math.min(first, o[0]);
        return first;
    }
}

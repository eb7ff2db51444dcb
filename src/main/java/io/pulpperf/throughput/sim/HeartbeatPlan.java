package io.pulpperf.throughput.sim;

import io.pulpperf.throughput.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How the simulated workers heartbeat (issue 20). A pulpcore worker writes {@code last_heartbeat}
 * every {@code WORKER_TTL / 3}; {@code workers/?online=true} lists those whose beat is at most
 * {@code ttl} old by the database's clock ({@code AppStatusManager.online}), {@code ?missing=true}
 * the others. A database that cannot keep up makes every beat late: the knobs model that as a lag
 * added to each period, fixed or growing with the workers online, and a worker that misses its
 * beats for a while, so it leaves the online set and comes back while its process still runs.
 *
 * <p>Properties: {@code sim.workerTtl} (30s), {@code sim.heartbeatLag} (0ms),
 * {@code sim.heartbeatLagPerWorker} (0ms), {@code sim.heartbeatOutage.N} = {@code after/length}
 * (the N-th worker started, from 1, misses its beats from {@code after} past its start for
 * {@code length}), e.g. {@code sim.heartbeatOutage.2=5s/40s}.
 *
 * @param ttl           WORKER_TTL; the beat period is a third of it
 * @param lag           added to every period (a late heartbeat)
 * @param lagPerWorker  added to every period for each worker online (a database loaded by the fleet)
 * @param outages       workers that miss their beats for a while
 */
public record HeartbeatPlan(Duration ttl, Duration lag, Duration lagPerWorker, List<Outage> outages) {
    public HeartbeatPlan {
        if (ttl.isNegative() || ttl.toMillis() < 3) throw new IllegalArgumentException("sim.workerTtl must be >= 3ms, was " + ttl);
        if (lag.isNegative() || lagPerWorker.isNegative()) {
            throw new IllegalArgumentException("sim.heartbeatLag and sim.heartbeatLagPerWorker must be >= 0, were " + lag + ", " + lagPerWorker);
        }
        outages = List.copyOf(outages);
    }

    /**
     * @param worker the worker by start order, from 1
     * @param after  from its start until it stops beating
     * @param length how long it writes no beat; the first beat after it comes at its end
     */
    public record Outage(int worker, Duration after, Duration length) {
        public Outage {
            if (worker < 1) throw new IllegalArgumentException("a heartbeat outage names a worker from 1, was " + worker);
            if (after.isNegative() || length.isNegative()) throw new IllegalArgumentException("a heartbeat outage's times must be >= 0");
        }
    }

    /** pulpcore's defaults: TTL 30 s, beats every 10 s, never late. */
    public static HeartbeatPlan defaults() {
        return new HeartbeatPlan(Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO, List.of());
    }

    static HeartbeatPlan fromProperties(Properties p) {
        List<Outage> outages = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("sim.heartbeatOutage.")) continue;
            String[] parts = p.getProperty(key).split("/");
            if (parts.length != 2) throw new IllegalArgumentException(key + " must be after/length, e.g. 5s/40s, was " + p.getProperty(key));
            outages.add(new Outage(Integer.parseInt(key.substring("sim.heartbeatOutage.".length())),
                    Durations.parse(parts[0].trim()), Durations.parse(parts[1].trim())));
        }
        return new HeartbeatPlan(Durations.parse(p.getProperty("sim.workerTtl", "30s")),
                Durations.parse(p.getProperty("sim.heartbeatLag", "0ms")),
                Durations.parse(p.getProperty("sim.heartbeatLagPerWorker", "0ms")), outages);
    }

    public HeartbeatPlan withTtl(Duration value) {
        return new HeartbeatPlan(value, lag, lagPerWorker, outages);
    }

    public HeartbeatPlan withLag(Duration value) {
        return new HeartbeatPlan(ttl, value, lagPerWorker, outages);
    }

    public HeartbeatPlan withLagPerWorker(Duration value) {
        return new HeartbeatPlan(ttl, lag, value, outages);
    }

    public HeartbeatPlan withOutage(int worker, Duration after, Duration length) {
        List<Outage> all = new ArrayList<>(outages);
        all.add(new Outage(worker, after, length));
        return new HeartbeatPlan(ttl, lag, lagPerWorker, all);
    }

    long ttlMicros() {
        return ttl.toNanos() / 1000;
    }

    /** Time from one beat to the next with {@code online} workers running: a third of the TTL plus the lag. */
    long intervalMicros(int online) {
        return ttl.toNanos() / 3000 + lag.toNanos() / 1000 + online * (lagPerWorker.toNanos() / 1000);
    }
}

package io.pulpperf.throughput.sim;

import io.pulpperf.throughput.config.Durations;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's disruption switch (issue 28), {@code POST /sim/disrupt/{kind}?...}, outside the
 * API root so no Pulp URL reaches it. A scenario's disruption command calls it like any other
 * command (e.g. {@code curl -fsS -X POST '{baseUrl}/sim/disrupt/workers-die?restartAfter=10s'}),
 * so the suite runs a disruption the same way against a real Pulp and the simulator.
 * <ul>
 *   <li>{@code workers-die?count=N&restartAfter=10s}: N workers (all when left out) killed, their
 *       running tasks failed "Worker has gone missing." once a live worker finds them a TTL old,
 *       as many workers started again after {@code restartAfter};</li>
 *   <li>{@code db-failover?for=5s}: dispatch answers 500, workers pause and beat no more;</li>
 *   <li>{@code missed-wakeup?tasks=1&delay=8s}: the next task(s) dispatched wait, unblocked, until
 *       {@code delay} after their creation whatever the idle workers.</li>
 * </ul>
 * The answer says what was done, e.g. {@code {"kind": "workers-die", "killed": 2, "runningTasks": 2}}.
 */
final class SimDisruptions {
    static final String PATH = "/sim/disrupt/";
    private final TaskEngine engine;

    SimDisruptions(TaskEngine engine) {
        this.engine = engine;
    }

    void handle(SimExchange ex) throws IOException {
        ex.allow = "POST";
        if (!Views.methodIs(ex, "POST")) return;
        String kind = ex.path.substring(PATH.length());
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("kind", kind);
        try {
            switch (kind) {
                case "workers-die" -> {
                    int online = engine.onlineWorkers().size();
                    int count = Integer.parseInt(ex.query.getOrDefault("count", String.valueOf(online)));
                    done.put("killed", Math.min(count, online));
                    done.put("runningTasks", engine.killWorkers(count, duration(ex, "restartAfter", "10s")));
                }
                case "db-failover" -> {
                    Duration length = duration(ex, "for", "5s");
                    engine.failDatabase(length);
                    done.put("forMillis", length.toMillis());
                }
                case "missed-wakeup" -> {
                    int tasks = Integer.parseInt(ex.query.getOrDefault("tasks", "1"));
                    Duration delay = duration(ex, "delay", "8s");
                    engine.missNextWakeups(tasks, delay);
                    done.put("tasks", tasks);
                    done.put("delayMillis", delay.toMillis());
                }
                default -> {
                    ex.sendJson(404, Map.of("detail", "unknown disruption '" + kind + "'; known: workers-die, db-failover, missed-wakeup"));
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            ex.sendJson(400, Map.of("detail", kind + ": " + e.getMessage()));
            return;
        }
        ex.sendJson(200, done);
    }

    private static Duration duration(SimExchange ex, String key, String fallback) {
        Duration d = Durations.parse(ex.query.getOrDefault(key, fallback));
        if (d.isNegative()) throw new IllegalArgumentException(key + " must be >= 0");
        return d;
    }
}

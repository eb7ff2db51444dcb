package io.pulpperf.throughput.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * pulp-service's load-test views ({@code pulp_service/app/viewsets.py}
 * {@code TaskIngestionDispatcherView} and {@code TaskIngestionRandomResourceLockDispatcherView}):
 * no authentication; for a fixed time they dispatch {@code no_op_task}, each exclusive on a fresh
 * {@code uuid4} ({@code test/tasks/}) or on one of 3 random {@code uuid4}s chosen per request
 * ({@code test/random_lock_tasks/}), then answer {@code {"tasks_executed": N}}, N counting
 * dispatches. pulp-service loops as fast as it can; here each dispatch is followed by a pause
 * ({@code testDispatchInterval}), so one request dispatches at most {@code duration / interval + 1}.
 * With a duration shorter than the interval a request dispatches exactly one task (unless the
 * whole duration passed before the first) and answers at once: the dispatch-capacity benchmark
 * uses 500ms and 1s.
 */
final class TestTaskViews {
    static final String NO_OP_TASK = "pulp_service.app.tasks.util.no_op_task";

    private final TaskEngine engine;
    private final SimulatorConfig config;
    private final SimLog log;

    TestTaskViews(TaskEngine engine, SimulatorConfig config) {
        this(engine, config, SimLog.NONE);
    }

    /** @param log its {@link SimLog#apiTimeout} cuts a view off as gunicorn's arbiter does */
    TestTaskViews(TaskEngine engine, SimulatorConfig config, SimLog log) {
        this.engine = engine;
        this.config = config;
        this.log = log;
    }

    void dispatchFor(SimExchange ex, boolean randomLocks) throws IOException {
        ex.allow = "GET, HEAD, OPTIONS";
        if (!Views.methodIs(ex, "GET")) return;
        Random random = ThreadLocalRandom.current();
        List<String> locks = new ArrayList<>();
        for (int i = 0; i < 3; i++) locks.add(UUID.randomUUID().toString());
        long interval = config.testDispatchInterval().toNanos();
        long duration = config.testEndpointDuration().toNanos();
        // gunicorn's --timeout shorter than the view: it is killed mid-loop (the tasks it dispatched stay) and gunicorn answers 500.
        boolean killed = log.apiTimeout() != null && log.apiTimeout().toNanos() < duration;
        if (killed) duration = log.apiTimeout().toNanos();
        long maxCount = duration / interval + 1;
        long start = System.nanoTime();
        int count = 0;
        while (System.nanoTime() - start < duration && count < maxCount) {
            String lock = randomLocks ? locks.get(random.nextInt(locks.size())) : UUID.randomUUID().toString();
            // No user: the view has no authentication, so created_by is null. Tasks go to the default domain.
            engine.dispatch(new TaskEngine.TaskRequest(NO_OP_TASK, Domains.DEFAULT, ex.correlationId, null,
                    List.of(lock), List.of(), finish -> SimTask.Outcome.ok()));
            count++;
            if (count >= maxCount) break;  // a pause only ever separates two dispatches
            long wait = start + count * interval - System.nanoTime();
            if (wait > 0 && !pause(wait)) break;
        }
        if (killed) {
            log.workerTimeout(ex.path);
            ex.accessLogId = "-";
            ex.allow = null;
            ex.send(500, "text/html", "<html><head><title>Internal Server Error</title></head></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of());
            return;
        }
        ex.sendJson(200, Map.of("tasks_executed", count));
    }

    /** Waits between dispatches; false when the server is stopping. */
    private static boolean pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

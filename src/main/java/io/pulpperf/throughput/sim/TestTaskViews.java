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
    /** PR #535's task (never merged): {@code Distribution.objects.create(name=distribution_name)}, no base_path. */
    static final String CREATE_DISTRIBUTION_TASK = "pulp_service.app.tasks.testing.create_distribution_task";
    /** The worker log of that view on pulpcore 3.105.16 (shared/pulp-recordings/logs/task-failed-pr535.worker.log), cut to its last frames. */
    private static final String INTEGRITY_TRACEBACK =
            "  File \"/usr/local/lib/python3.11/site-packages/pulp_perftest/tasks.py\", line 17, in create_distribution_task\n"
            + "    Distribution.objects.create(name=distribution_name)\n"
            + "  File \"/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py\", line 105, in _execute\n"
            + "    return self.cursor.execute(sql, params)\n";

    private final TaskEngine engine;
    private final SimulatorConfig config;
    private final Domains domains;
    private final SimLog log;
    // Domains whose empty base path a PR #535 create took: every later create there fails (unique base_path, pulp_domain).
    private final java.util.Set<String> emptyBasePathTaken = java.util.concurrent.ConcurrentHashMap.newKeySet();

    TestTaskViews(TaskEngine engine, SimulatorConfig config, Domains domains) {
        this(engine, config, domains, SimLog.NONE);
    }

    /** @param log its {@link SimLog#apiTimeout} cuts a view off as gunicorn's arbiter does */
    TestTaskViews(TaskEngine engine, SimulatorConfig config, Domains domains, SimLog log) {
        this.engine = engine;
        this.config = config;
        this.domains = domains;
        this.log = log;
    }

    void dispatchFor(SimExchange ex, boolean randomLocks) throws IOException {
        dispatchFor(ex, randomLocks ? View.RANDOM_LOCKS : View.TASKS);
    }

    /** pulp-service's two views on main, and PR #535's {@code test/task_throughput/} as written. */
    enum View { TASKS, RANDOM_LOCKS, TASK_THROUGHPUT }

    void dispatchFor(SimExchange ex, View view) throws IOException {
        ex.allow = "GET, HEAD, OPTIONS";
        if (!Views.methodIs(ex, "GET")) return;
        boolean randomLocks = view == View.RANDOM_LOCKS;
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
            if (view == View.TASK_THROUGHPUT) {
                engine.dispatch(createDistribution(ex.correlationId, lock));
            } else {
                engine.dispatch(new TaskEngine.TaskRequest(NO_OP_TASK, Domains.DEFAULT, ex.correlationId, null,
                        List.of(lock), List.of(), finish -> SimTask.Outcome.ok()));
            }
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

    /**
     * PR #535's task as written (pulp-api-facts.md section 4): the uuid is passed as a plain string, so each of its characters
     * is an exclusive resource (all tasks share "-", which serializes them); the create sets no base_path, so the first
     * takes '' and every later one fails as on pulpcore 3.105.16 (pulp-api-facts.md section 10). The bare row the first
     * leaves is not listed here (real Pulp then answers 500 on distributions/).
     */
    private TaskEngine.TaskRequest createDistribution(String correlationId, String uuid) {
        List<String> characters = uuid.chars().distinct().mapToObj(c -> String.valueOf((char) c)).toList();
        return new TaskEngine.TaskRequest(CREATE_DISTRIBUTION_TASK, Domains.DEFAULT, correlationId, null, characters, List.of(),
                finish -> emptyBasePathTaken.add(Domains.DEFAULT) ? SimTask.Outcome.ok()
                        : SimTask.Outcome.failed("duplicate key value violates unique constraint \"core_distribution_base_path_pulp_domain_id_c05ad346_uniq\"\n"
                                + "DETAIL:  Key (base_path, pulp_domain_id)=(, " + domains.uuid(Domains.DEFAULT) + ") already exists.",
                                INTEGRITY_TRACEBACK));
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

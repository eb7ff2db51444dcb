package io.pulpperf.throughput.sim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * For each recording, how to bring a fresh simulator into the state the real Pulp was in, and
 * which recorded ids (or timestamps) stand for which of the simulator's. A recording without an
 * entry here makes its conformance test fail, so new recordings cannot be skipped silently.
 */
final class ReplaySetups {
    /** What the recorded session used: the distribution name and the Correlation-ID of its create. */
    static final String DIST_NAME = "rec-261b3d5b";
    static final String DIST_CID = "20a6c3ae6814414bb57c16b4af3e04f6";
    static final String REPO_NAME = "rec-repo-261b3d5b";
    /** The Correlation-ID of the recorded session that was not a UUID (32 hex digits and a letter). */
    static final String NOT_A_UUID_CID = "69e30c5f5c4649c78c0d36e839b5897ac";

    // Recorded primary keys the replayed paths refer to.
    private static final String DIST_CREATE_TASK = "01a21ba4-1c13-7891-aa4f-a048b4539553";
    private static final String DIST = "01a21ba4-1cc2-79e7-886d-724863e45342";
    private static final String DIST_DELETE_TASK = "01a21ba4-39b4-751e-a90c-47a0a8da9558";
    private static final String REPO = "01a21ba4-34ef-728f-aaf0-08a1d3231057";
    private static final String REPO_DELETE_TASK = "01a21ba4-3642-7184-bdba-b5373844f39e";
    private static final String FIRST_OF_TWO_DELETES = "01a21ba4-59bf-795f-903c-5e26d5ad302b";
    private static final String SECOND_OF_TWO_DELETES = "01a21ba4-5ae6-7344-9432-d8d481fb2cea";
    private static final String CANCELED_TASK = "01a21ba4-5d4e-7e39-969a-c199e9c51262";
    private static final String NOT_A_UUID_CREATE_TASK = "01a22d4e-42f3-7f99-bf90-d5e14fd0bd3e";
    private static final String DIST_CREATED_AT = "2026-11-27T06%3A14%3A29.664087Z";

    /** A simulator configuration and what to do on it before the replayed request. */
    record Setup(SimulatorConfig config, Function<SimHttp, Map<String, String>> prepare) {}

    private static final SimulatorConfig TWO_WORKERS = SimulatorConfig.defaults().withWorkers(2);
    private static final SimulatorConfig NO_WORKERS = SimulatorConfig.defaults().withWorkers(0);
    private static final Setup NOTHING = new Setup(TWO_WORKERS, s -> Map.of());

    private static final Map<String, Setup> BY_RECORDING = Map.ofEntries(
            Map.entry("correlation-id-not-uuid", NOTHING),
            Map.entry("correlation-id-not-uuid-task", new Setup(TWO_WORKERS, s -> {
                String task = s.createDistribution("rec-7c2d8896", NOT_A_UUID_CID);
                s.awaitTask(task, "completed");
                return Map.of(NOT_A_UUID_CREATE_TASK, SimHttp.idOf(task));
            })),
            Map.entry("distribution-create", NOTHING),
            Map.entry("distribution-create-duplicate", new Setup(TWO_WORKERS, s -> {
                s.createDistribution(DIST_NAME, null);
                return Map.of();
            })),
            Map.entry("distribution-delete", new Setup(TWO_WORKERS, s -> Map.of(DIST, createdDistribution(s)))),
            Map.entry("distribution-delete-task", new Setup(TWO_WORKERS, ReplaySetups::deletedDistribution)),
            Map.entry("pulp-service-test-endpoint-absent", new Setup(TWO_WORKERS.withTestEndpoints(false), s -> Map.of())),
            Map.entry("repository-create", NOTHING),
            Map.entry("repository-delete", new Setup(TWO_WORKERS,
                    s -> Map.of(REPO, SimHttp.idOf(s.createRepository(REPO_NAME))))),
            Map.entry("repository-delete-task", new Setup(TWO_WORKERS, s -> {
                String task = s.deleteRepository(s.createRepository(REPO_NAME));
                s.awaitTask(task, "completed");
                return Map.of(REPO_DELETE_TASK, SimHttp.idOf(task));
            })),
            Map.entry("status", NOTHING),
            Map.entry("status-no-workers", new Setup(NO_WORKERS, s -> Map.of())),
            Map.entry("task-after-cancel", new Setup(NO_WORKERS, s -> {
                String task = s.deleteRepository(s.createRepository(REPO_NAME));
                s.cancel(task);
                s.sim.setWorkers(2);
                s.awaitTask(task, "canceled");
                return Map.of(CANCELED_TASK, SimHttp.idOf(task));
            })),
            Map.entry("task-cancel-finished", new Setup(TWO_WORKERS, s -> Map.of(DIST_CREATE_TASK, completedCreate(s)))),
            Map.entry("task-cancel-waiting", new Setup(NO_WORKERS,
                    s -> Map.of(CANCELED_TASK, SimHttp.idOf(s.deleteRepository(s.createRepository(REPO_NAME)))))),
            Map.entry("task-completed", new Setup(TWO_WORKERS, s -> Map.of(DIST_CREATE_TASK, completedCreate(s)))),
            Map.entry("task-failed", new Setup(NO_WORKERS, s -> {
                Map<String, String> ids = twoDeletesOfOneRepository(s);
                s.sim.setWorkers(2);
                s.awaitIdle();
                return ids;
            })),
            Map.entry("task-not-found", NOTHING),
            Map.entry("task-waiting", new Setup(NO_WORKERS, ReplaySetups::twoDeletesOfOneRepository)),
            Map.entry("task-waiting-blocked", new Setup(NO_WORKERS, ReplaySetups::twoDeletesOfOneRepository)),
            Map.entry("tasks-bad-datetime", NOTHING),
            Map.entry("tasks-bad-state", NOTHING),
            Map.entry("tasks-by-logging-cid", history()),
            Map.entry("tasks-by-logging-cid-contains", history()),
            Map.entry("tasks-by-logging-cid-not-uuid", new Setup(TWO_WORKERS, s -> {
                s.awaitTask(s.createDistribution("rec-7c2d8896", NOT_A_UUID_CID), "completed");
                return Map.of();
            })),
            Map.entry("tasks-count-only", history()),
            Map.entry("tasks-created-gte-ordered", history()),
            Map.entry("tasks-exclude-fields", history()),
            Map.entry("tasks-fields", history()),
            Map.entry("tasks-minimal", history()),
            Map.entry("tasks-page-1", history()),
            Map.entry("tasks-page-2", history()),
            Map.entry("tasks-state-in", history()),
            Map.entry("tasks-unauthenticated", NOTHING),
            Map.entry("tasks-unknown-filter", NOTHING),
            Map.entry("tasks-wrong-password", NOTHING),
            Map.entry("workers-none-online", new Setup(NO_WORKERS, s -> Map.of())),
            Map.entry("workers-online", NOTHING),
            Map.entry("workers-online-heartbeat", new Setup(SimulatorConfig.defaults().withWorkers(1), s -> Map.of())),
            // Of 2 workers the second stopped beating; a short TTL makes it missing at once.
            Map.entry("workers-missing", new Setup(TWO_WORKERS.withHeartbeats(HeartbeatPlan.defaults()
                    .withTtl(Duration.ofMillis(300)).withOutage(2, Duration.ZERO, Duration.ofHours(1))), s -> {
                s.awaitMissing(1);
                return Map.of();
            })));

    private ReplaySetups() {}

    static Setup forRecording(String name) {
        Setup setup = BY_RECORDING.get(name);
        if (setup == null) throw new AssertionError("no replay setup for recording '" + name + "': add one to ReplaySetups");
        return setup;
    }

    /**
     * The recorded server's task table when the task lists were taken, newest first: the
     * distribution create (Correlation-ID {@value #DIST_CID}), a canceled repository delete, a
     * failed second delete of a repository and its completed first delete, then 5 more completed
     * deletes: 9 tasks, 7 completed, none incomplete.
     */
    private static Setup history() {
        return new Setup(TWO_WORKERS, s -> {
            for (int i = 0; i < 5; i++) s.awaitTask(s.deleteRepository(s.createRepository("old-" + i)), "completed");
            s.sim.setWorkers(0);
            twoDeletesOfOneRepository(s);
            s.sim.setWorkers(2);
            s.awaitIdle();
            s.sim.setWorkers(0);
            String canceled = s.deleteRepository(s.createRepository("to-cancel"));
            s.cancel(canceled);
            s.sim.setWorkers(2);
            s.awaitTask(canceled, "canceled");
            String create = s.createDistribution(DIST_NAME, DIST_CID);
            String createdAt = s.awaitTask(create, "completed").path("pulp_created").asText();
            s.awaitIdle();
            return Map.of(DIST_CREATED_AT, URLEncoder.encode(createdAt, StandardCharsets.UTF_8));
        });
    }

    private static Map<String, String> twoDeletesOfOneRepository(SimHttp s) {
        String repo = s.createRepository(REPO_NAME);
        Map<String, String> ids = new HashMap<>();
        ids.put(FIRST_OF_TWO_DELETES, SimHttp.idOf(s.deleteRepository(repo)));
        ids.put(SECOND_OF_TWO_DELETES, SimHttp.idOf(s.deleteRepository(repo)));
        return ids;
    }

    private static String completedCreate(SimHttp s) {
        String task = s.createDistribution(DIST_NAME, DIST_CID);
        s.awaitTask(task, "completed");
        return SimHttp.idOf(task);
    }

    private static String createdDistribution(SimHttp s) {
        String task = s.createDistribution(DIST_NAME, null);
        return SimHttp.idOf(s.awaitTask(task, "completed").path("created_resources").get(0).asText());
    }

    private static Map<String, String> deletedDistribution(SimHttp s) {
        String dist = createdDistribution(s);
        String task = s.as().delete(s.v3 + "distributions/file/file/" + dist + "/").jsonPath().getString("task");
        s.awaitTask(task, "completed");
        return Map.of(DIST_DELETE_TASK, SimHttp.idOf(task));
    }
}

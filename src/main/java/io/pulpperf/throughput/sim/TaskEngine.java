package io.pulpperf.throughput.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The simulated tasking system: pulpcore's {@code core_task} table, its unblocking pass and a
 * pool of workers that each run one task at a time.
 *
 * <p>Semantics follow pulpcore's {@code pulpcore} worker type (tasking/worker.py, 3.48+): one
 * pass over all incomplete tasks in {@code pulp_created} order stamps {@code unblocked_at} on each
 * waiting task none of whose exclusive resources is taken (exclusively or shared) by an older
 * incomplete task and none of whose shared resources is taken exclusively; idle workers then take
 * the oldest unblocked task.
 *
 * <p>Timestamps are logical: a task that starts at {@code t} with service time {@code s}
 * finishes at exactly {@code t + s}, and the next task a freed worker takes starts at that same
 * instant, even if the timer that fires the event runs a little late. So the capacity is exactly
 * {@code workers / s} for tasks with distinct locks and {@code 1 / s} for tasks sharing one
 * exclusive lock: the ground truth that the suite's measurements are checked against.
 */
public final class TaskEngine implements AutoCloseable {
    private final Object lock = new Object();
    private final ScheduledExecutorService timer;
    private final Function<String, ServiceTime> serviceTimes;
    private final double failureRate;
    private final Random random;
    private final String hostName;

    private final List<SimTask> all = new ArrayList<>();
    private final Map<UUID, SimTask> byId = new HashMap<>();
    private final Map<String, List<SimTask>> byCid = new HashMap<>();
    private final LinkedHashMap<UUID, SimTask> incomplete = new LinkedHashMap<>();
    private final List<SimWorker> workers = new ArrayList<>();
    private long lastCreatedMicros;
    private long seq;
    private int nextPid = 1000;

    public TaskEngine(int workers, Function<String, ServiceTime> serviceTimes, double failureRate, long seed) {
        this.serviceTimes = serviceTimes;
        this.failureRate = failureRate;
        this.random = new Random(seed);
        this.hostName = "pulp-sim";
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pulp-sim-workers");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
        setWorkers(workers);
    }

    /** Wall-clock now in epoch microseconds. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** Inserts a waiting task (like {@code dispatch()}) and lets idle workers look at the queue. */
    TaskSnapshot dispatch(String name, String loggingCid, String createdBy, List<String> exclusive,
                          List<String> shared, SimTask.TaskAction action) {
        synchronized (lock) {
            long created = Math.max(nowMicros(), lastCreatedMicros + 1);
            lastCreatedMicros = created;
            SimTask task = new SimTask(Uuid7.at(created / 1000), seq++, name, loggingCid, createdBy,
                    List.copyOf(exclusive), List.copyOf(shared), created, action);
            all.add(task);
            byId.put(task.id, task);
            byCid.computeIfAbsent(loggingCid, k -> new ArrayList<>()).add(task);
            incomplete.put(task.id, task);
            schedule(created);
            return task.snapshot();
        }
    }

    /** The task with this id, if any. */
    Optional<TaskSnapshot> find(UUID id) {
        synchronized (lock) {
            SimTask task = byId.get(id);
            return task == null ? Optional.empty() : Optional.of(task.snapshot());
        }
    }

    /** Runs a read over the task table under the lock (for list queries). */
    <R> R read(Function<TaskTable, R> query) {
        synchronized (lock) {
            return query.apply(new TaskTable(Collections.unmodifiableList(all), byCid));
        }
    }

    /** Outcome of a cancel request. */
    enum CancelResult { CANCELING, ALREADY_FINAL, NOT_FOUND }

    /**
     * Cancels like pulpcore's {@code cancel_task()}: the task goes to {@code canceling} at once and
     * a worker finalises it to {@code canceled} shortly after.
     */
    CancelResult cancel(UUID id) {
        synchronized (lock) {
            SimTask task = byId.get(id);
            if (task == null) return CancelResult.NOT_FOUND;
            if (!task.isIncomplete()) return CancelResult.ALREADY_FINAL;
            if (task.state.equals("canceling")) return CancelResult.CANCELING;
            boolean running = task.state.equals("running");
            task.state = "canceling";
            timer.schedule(() -> finalizeCancel(task, running), 2, TimeUnit.MILLISECONDS);
            return CancelResult.CANCELING;
        }
    }

    private void finalizeCancel(SimTask task, boolean wasRunning) {
        synchronized (lock) {
            if (!task.state.equals("canceling")) return;
            long now = Math.max(nowMicros(), task.createdMicros);
            if (task.unblockedMicros == null) task.unblockedMicros = now;
            task.state = "canceled";
            task.finishedMicros = now;
            incomplete.remove(task.id);
            if (wasRunning && task.worker != null) {
                releaseWorker(task.worker);
            }
            schedule(now);
        }
    }

    /** Starts or stops workers so that {@code count} are online; a busy worker stops after its task. */
    public void setWorkers(int count) {
        if (count < 0) throw new IllegalArgumentException("worker count must be >= 0, was " + count);
        synchronized (lock) {
            long now = nowMicros();
            List<SimWorker> online = workers.stream().filter(w -> !w.stopping).toList();
            for (int i = online.size(); i < count; i++) {
                workers.add(new SimWorker(Uuid7.at(now / 1000), (nextPid++) + "@" + hostName, now));
            }
            for (int i = online.size() - 1; i >= count; i--) {
                SimWorker w = online.get(i);
                w.stopping = true;
                if (w.current == null) workers.remove(w);
            }
            schedule(now);
        }
    }

    /** Workers online now (a stopping worker has already left the status, as after SIGTERM). */
    List<WorkerSnapshot> onlineWorkers() {
        synchronized (lock) {
            long now = nowMicros();
            return workers.stream().filter(w -> !w.stopping)
                    .map(w -> new WorkerSnapshot(w.id, w.name, w.startedMicros, w.lastHeartbeatMicros(now),
                            w.current == null ? null : w.current.id))
                    .toList();
        }
    }

    /** Number of tasks that are waiting, running or canceling. */
    public int incompleteCount() {
        synchronized (lock) {
            return incomplete.size();
        }
    }

    /** Total tasks ever dispatched. */
    public int taskCount() {
        synchronized (lock) {
            return all.size();
        }
    }

    // --- scheduling, always under the lock -------------------------------------------------

    /** pulpcore's unblock pass followed by idle workers claiming the oldest unblocked tasks. */
    private void schedule(long now) {
        Set<String> takenExclusive = new HashSet<>();
        Set<String> takenShared = new HashSet<>();
        List<SimTask> ready = new ArrayList<>();
        for (SimTask task : incomplete.values()) {
            if (task.unblockedMicros == null) {
                boolean free = task.state.equals("canceling")
                        || (task.state.equals("waiting")
                            && task.exclusiveResources.stream().noneMatch(r -> takenExclusive.contains(r) || takenShared.contains(r))
                            && task.sharedResources.stream().noneMatch(takenExclusive::contains));
                if (free) task.unblockedMicros = Math.max(now, task.createdMicros);
            }
            if (task.state.equals("waiting") && task.unblockedMicros != null) ready.add(task);
            takenExclusive.addAll(task.exclusiveResources);
            takenShared.addAll(task.sharedResources);
        }
        int next = 0;
        for (SimWorker worker : workers) {
            if (next >= ready.size()) break;
            if (worker.current == null && !worker.stopping) {
                start(ready.get(next++), worker, now);
            }
        }
    }

    private void start(SimTask task, SimWorker worker, long now) {
        long started = Math.max(now, task.unblockedMicros);
        task.state = "running";
        task.startedMicros = started;
        task.worker = worker;
        worker.current = task;
        long finish = started + Math.max(0, serviceTimes.apply(task.name).nextMicros());
        long delayMicros = Math.max(0, finish - nowMicros());
        timer.schedule(() -> finish(task, finish), delayMicros, TimeUnit.MICROSECONDS);
    }

    private void finish(SimTask task, long finishMicros) {
        synchronized (lock) {
            if (!task.state.equals("running")) return;  // canceled meanwhile
            SimTask.Outcome outcome = failureRate > 0 && random.nextDouble() < failureRate
                    ? SimTask.Outcome.failed("Simulated failure (failure rate " + failureRate + ").",
                            "  File \"/usr/local/lib/python3.11/site-packages/pulpcore/tasking/tasks.py\", line 73, in _execute_task\n")
                    : task.action.run(finishMicros);
            task.finishedMicros = finishMicros;
            if (outcome.errorDescription() != null) {
                task.state = "failed";
                task.errorDescription = outcome.errorDescription();
                task.errorTraceback = outcome.errorTraceback();
            } else {
                task.state = "completed";
                task.createdResources = outcome.createdResources();
                task.result = outcome.result();
            }
            incomplete.remove(task.id);
            releaseWorker(task.worker);
            schedule(finishMicros);
        }
    }

    private void releaseWorker(SimWorker worker) {
        worker.current = null;
        if (worker.stopping) workers.remove(worker);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** A worker as status/ and workers/ show it. */
    record WorkerSnapshot(UUID id, String name, long startedMicros, long lastHeartbeatMicros, UUID currentTask) {}

    /** Read access to the task table, ordered by {@code pulp_created}, plus the index by correlation id. */
    record TaskTable(List<SimTask> all, Map<String, List<SimTask>> byCid) {
        List<SimTask> withCid(String cid) {
            return byCid.getOrDefault(cid, List.of());
        }
    }
}

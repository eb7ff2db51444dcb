package io.pulpperf.throughput.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The simulated tasking system: pulpcore's {@code core_task} table, its unblocking pass and a
 * pool of workers that each run one task at a time.
 *
 * <p>Semantics follow pulpcore's {@code pulpcore} worker type ({@code pulpcore/tasking/worker.py}
 * {@code _unblock_tasks} and {@code iter_tasks}, 3.48+):
 * <ul>
 *   <li>one pass over all incomplete tasks in {@code pulp_created} order stamps {@code unblocked_at}
 *       on each waiting task none of whose exclusive resources is taken (exclusively or shared) by
 *       an older incomplete task and none of whose shared resources is taken exclusively; a
 *       {@code canceling} task is marked unblocked and its resources are not counted as held;</li>
 *   <li>idle workers take the oldest unblocked waiting task, and finalise unblocked canceling tasks
 *       that no worker holds to {@code canceled} ({@code cancel_abandoned_task});</li>
 *   <li>both only happen in worker processes: with no worker online nothing is unblocked
 *       ({@code task-waiting.json} shows {@code unblocked_at: null} on an unblocked task).</li>
 * </ul>
 *
 * <p>Timestamps are logical: a task that starts at {@code t} with service time {@code s}
 * finishes at exactly {@code t + s}, and the next task a freed worker takes starts at that same
 * instant, even if the timer that fires the event runs a little late. So the capacity is exactly
 * {@code workers / s} for tasks with distinct locks and {@code 1 / s} for tasks sharing one
 * exclusive lock: the ground truth that the suite's measurements are checked against.
 */
public final class TaskEngine implements AutoCloseable {
    /** How long after a cancel of a running task its worker has killed it and finalised it. */
    private static final long RUNNING_CANCEL_MILLIS = 2;
    private static final String SIMULATED_TRACEBACK =
            "  File \"/usr/local/lib/python3.11/site-packages/pulpcore/tasking/tasks.py\", line 73, in _execute_task\n"
            + "    result = task_function()\n";

    private final Object lock = new Object();
    private final ScheduledExecutorService timer;
    private final SimLog log;
    private final SimulatorConfig config;
    private final Domains domains;
    private final Map<String, ServiceTime> serviceTimes = new ConcurrentHashMap<>();
    private final QueueSlowdown slowdown;
    private final Random random;
    private final String hostName = "pulp-sim";

    private final TaskIndex index = new TaskIndex();
    /** Waiting, running and canceling tasks in {@code pulp_created} order (insertion order). */
    private final LinkedHashMap<UUID, SimTask> incomplete = new LinkedHashMap<>();
    private final List<SimWorker> workers = new ArrayList<>();
    private long lastCreatedMicros;
    private long seq;
    private int nextPid = 1000;
    /** Workers started so far: a heartbeat outage names a worker by this order. */
    private int started;
    /** Issue 28: until when the database is failing over (epoch micros): no task starts or finishes, dispatch fails. */
    private long databaseDownUntilMicros;
    /** Issue 28: how many of the next dispatched tasks miss their wake-up, and for how long. */
    private int wakeupsToMiss;
    private long missedWakeupMicros;

    public TaskEngine(SimulatorConfig config, Domains domains) {
        this(config, domains, SimLog.NONE);
    }

    /** @param log where task lines and missing workers' cleanup go (issue 26) */
    public TaskEngine(SimulatorConfig config, Domains domains, SimLog log) {
        this.config = config;
        this.log = log;
        this.domains = domains;
        this.random = new Random(config.seed());
        this.slowdown = QueueSlowdown.of(config);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pulp-sim-workers");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
        setWorkers(config.workers());
    }

    /** Wall-clock now in epoch microseconds. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /**
     * What a view passes to {@code dispatch()}: the engine adds the shared lock on the domain
     * that pulpcore's {@code dispatch()} adds to every task (3.23+).
     */
    record TaskRequest(String name, String domain, String loggingCid, String createdBy,
                       List<String> exclusive, List<String> shared, SimTask.TaskAction action) {}

    /** Inserts a waiting task (like {@code dispatch()}) and wakes the workers (NOTIFY pulp_worker_wakeup). */
    TaskSnapshot dispatch(TaskRequest r) {
        List<String> shared = new ArrayList<>(r.shared());
        String domainLock = domains.prn(r.domain());
        if (!shared.contains(domainLock)) shared.add(domainLock);
        synchronized (lock) {
            long created = Math.max(nowMicros(), lastCreatedMicros + 1);
            lastCreatedMicros = created;
            SimTask task = new SimTask(Uuid7.at(created / 1000), seq++, r.name(), r.domain(), r.loggingCid(),
                    r.createdBy(), List.copyOf(r.exclusive()), List.copyOf(shared), created, r.action());
            index.add(task);
            incomplete.put(task.id, task);
            if (wakeupsToMiss > 0) hideUntilNextCheck(task, created);
            schedule(created, true);
            return task.snapshot();
        }
    }

    /** The span of {@code pulp_created} of a bulk insert, in epoch microseconds. */
    record CreatedSpan(long firstMicros, long lastMicros) {}

    /**
     * Inserts {@code count} tasks that already completed, 100 µs apart and ending about now, for
     * tests and benchmarks of the task list. They share their strings, so a million take a few
     * hundred MB.
     */
    CreatedSpan insertFinished(int count, String name, String domain, String loggingCid) {
        if (count < 0) throw new IllegalArgumentException("count must be >= 0, was " + count);
        List<String> shared = List.of(domains.prn(domain));
        synchronized (lock) {
            long first = Math.max(nowMicros() - count * 100L, lastCreatedMicros + 1);
            for (int i = 0; i < count; i++) {
                long created = first + i * 100L;
                SimTask task = new SimTask(Uuid7.at(created / 1000), seq++, name, domain, loggingCid, null,
                        List.of(), shared, created, null);
                task.state = "completed";
                task.unblockedMicros = created + 10;
                task.startedMicros = created + 20;
                task.finishedMicros = created + 80;
                index.add(task);
            }
            long last = count == 0 ? first : first + (count - 1) * 100L;
            lastCreatedMicros = Math.max(lastCreatedMicros, last);
            return new CreatedSpan(first, last);
        }
    }

    /** The task with this id, if any. */
    Optional<TaskSnapshot> find(UUID id) {
        synchronized (lock) {
            SimTask task = index.get(id);
            return task == null ? Optional.empty() : Optional.of(task.snapshot());
        }
    }

    /** Runs a read over the task table under the lock (for list queries). */
    <R> R read(Function<TaskTable, R> query) {
        synchronized (lock) {
            return query.apply(new TaskTable(index, incomplete.values()));
        }
    }

    /** Outcome of a cancel request. */
    enum CancelResult { CANCELING, ALREADY_FINAL, NOT_FOUND }

    /** A cancel's outcome and the task as it was right after it (what PATCH answers with). */
    record Cancel(CancelResult result, TaskSnapshot task) {}

    /**
     * Cancels like pulpcore's {@code cancel_task()} ({@code pulpcore/tasking/util.py}): the task goes
     * to {@code canceling} at once; a running one is killed by its worker, a waiting one is
     * finalised to {@code canceled} by the next idle worker after a wakeup, so not before a worker
     * is online.
     */
    Cancel cancel(UUID id) {
        synchronized (lock) {
            SimTask task = index.get(id);
            if (task == null) return new Cancel(CancelResult.NOT_FOUND, null);
            if (!task.isIncomplete()) return new Cancel(CancelResult.ALREADY_FINAL, task.snapshot());
            if (task.state.equals("waiting") || task.state.equals("running")) {
                task.state = "canceling";
                if (task.onWorker()) {
                    timer.schedule(() -> finalizeRunningCancel(task), RUNNING_CANCEL_MILLIS, TimeUnit.MILLISECONDS);
                } else {
                    wakeUpLater();  // pg_notify('pulp_worker_wakeup', 'handle'), answered after PATCH returns
                }
            }
            return new Cancel(CancelResult.CANCELING, task.snapshot());
        }
    }

    /** Outcome of {@code DELETE tasks/{id}/}. */
    enum DeleteResult { DELETED, INCOMPLETE, NOT_FOUND }

    /** Deletes a finished task; an incomplete one answers 409 in pulpcore's {@code TaskViewSet.destroy}. */
    DeleteResult delete(UUID id) {
        synchronized (lock) {
            SimTask task = index.get(id);
            if (task == null) return DeleteResult.NOT_FOUND;
            if (task.isIncomplete()) return DeleteResult.INCOMPLETE;
            index.remove(task);
            return DeleteResult.DELETED;
        }
    }

    /** Starts or stops workers so that {@code count} are online; a busy worker stops after its task. */
    public void setWorkers(int count) {
        if (count < 0) throw new IllegalArgumentException("worker count must be >= 0, was " + count);
        synchronized (lock) {
            long now = nowMicros();
            List<SimWorker> online = workers.stream().filter(w -> !w.stopping && !w.dead).toList();
            for (int i = online.size(); i < count; i++) {
                SimWorker w = new SimWorker(Uuid7.at(now / 1000), (nextPid++) + "@" + hostName, now);
                int ordinal = ++started;
                for (HeartbeatPlan.Outage o : config.heartbeats().outages()) {
                    long from = now + o.after().toNanos() / 1000;
                    if (o.worker() == ordinal) {
                        w.missBeats(from, from + o.length().toNanos() / 1000);
                        logLostAfterTtl(w.name, o.after(), o.length());
                    }
                }
                workers.add(w);
            }
            for (int i = online.size() - 1; i >= count; i--) {
                SimWorker w = online.get(i);
                w.stopping = true;
                if (w.current == null) workers.remove(w);
            }
            // The recorded quirk: fresh workers take tasks already unblocked, but nothing unblocks
            // what was dispatched while none was online until another NOTIFY arrives.
            boolean stall = config.stallWithoutWorkers() && online.isEmpty();
            schedule(now, !stall);
        }
    }

    /** Workers online now (a stopping worker has already left the status, as after SIGTERM). */
    List<WorkerSnapshot> onlineWorkers() {
        return workerRows().stream().filter(WorkerSnapshot::online).toList();
    }

    /**
     * Every running worker, online or not: online when its last beat is at most the TTL old
     * ({@code AppStatusManager.online}), else missing; its process runs tasks either way.
     */
    List<WorkerSnapshot> workerRows() {
        synchronized (lock) {
            long now = nowMicros();
            HeartbeatPlan beats = config.heartbeats();
            List<SimWorker> running = workers.stream().filter(w -> !w.stopping).toList();
            long interval = beats.intervalMicros(running.size());
            return running.stream().map(w -> {
                long beat = w.lastHeartbeatMicros(now, interval);
                return new WorkerSnapshot(w.id, w.name, w.startedMicros, beat, w.current == null ? null : w.current.id,
                        now - beat <= beats.ttlMicros());
            }).toList();
        }
    }

    /** The named worker writes no heartbeat for {@code length} from now (a database it cannot reach). */
    public void missHeartbeats(String name, java.time.Duration length) {
        synchronized (lock) {
            long now = nowMicros();
            for (SimWorker w : workers) if (w.name.equals(name)) w.missBeats(now, now + length.toNanos() / 1000);
            logLostAfterTtl(name, java.time.Duration.ZERO, length);
        }
    }

    // --- disruptions (issue 28): what sim/disrupt/ asks for, see SimDisruptions ----------------

    /**
     * Kills {@code count} live workers now, as a SIGKILL or a deleted pod would: they run and beat
     * no more, their running tasks stay {@code running} and they stay listed (online until their
     * last beat is a TTL old, then missing). A live worker's periodic check (every TTL / 3) then
     * fails those tasks "Worker has gone missing." and drops the record, as pulpcore's worker does
     * for a running task whose worker is gone ({@code pulpcore/tasking/worker.py}). As many new
     * workers start {@code restartAfter} later (a pod restarted by its deployment).
     *
     * @return the tasks the killed workers were running: the tasks that will fail
     */
    public int killWorkers(int count, java.time.Duration restartAfter) {
        synchronized (lock) {
            long now = nowMicros();
            List<SimWorker> live = workers.stream().filter(w -> !w.stopping && !w.dead).toList();
            int running = 0;
            int killed = Math.min(count, live.size());
            for (int i = 0; i < killed; i++) {
                SimWorker w = live.get(i);
                w.dead = true;
                w.missBeats(now, Long.MAX_VALUE);
                if (w.current != null) running++;
            }
            long check = Math.max(10_000, config.heartbeats().ttlMicros() / 3);
            timer.schedule(this::reapMissing, check, TimeUnit.MICROSECONDS);
            timer.schedule(() -> {
                synchronized (lock) {
                    setWorkers((int) workers.stream().filter(w -> !w.stopping && !w.dead).count() + killed);
                }
            }, restartAfter.toNanos() / 1000, TimeUnit.MICROSECONDS);
            return running;
        }
    }

    /** A live worker's check for missing workers; again every TTL / 3 while a dead one is listed. */
    private void reapMissing() {
        synchronized (lock) {
            long now = nowMicros();
            HeartbeatPlan beats = config.heartbeats();
            boolean anyLive = workers.stream().anyMatch(w -> !w.stopping && !w.dead);
            List<SimWorker> dead = workers.stream().filter(w -> w.dead).toList();
            if (dead.isEmpty()) return;
            if (anyLive) {
                long interval = beats.intervalMicros((int) workers.stream().filter(w -> !w.stopping).count());
                for (SimWorker w : dead) {
                    if (now - w.lastHeartbeatMicros(now, interval) <= beats.ttlMicros()) continue;
                    SimTask task = w.current;
                    if (task != null) {
                        task.action.abandoned();
                        task.state = "failed";
                        task.errorDescription = "Worker has gone missing.";
                        task.finishedMicros = now;
                        task.worker = null;
                        incomplete.remove(task.id);
                    }
                    w.current = null;
                    workers.remove(w);
                    // The live worker that dropped the record says so, as pulpcore's does (the only trace of a killed worker in its logs).
                    log.workerLost(w.name);
                }
                schedule(now, true);
            }
            if (workers.stream().anyMatch(w -> w.dead)) {
                timer.schedule(this::reapMissing, Math.max(10_000, beats.ttlMicros() / 3), TimeUnit.MICROSECONDS);
            }
        }
    }

    /**
     * The database fails over for {@code length} from now: dispatch answers 500 (see
     * {@link #databaseDown()}), no worker starts a task, a task that ends meanwhile is written
     * when the database is back, and no heartbeat is written. Then the workers wake up.
     */
    public void failDatabase(java.time.Duration length) {
        synchronized (lock) {
            long now = nowMicros();
            long until = now + length.toNanos() / 1000;
            databaseDownUntilMicros = Math.max(databaseDownUntilMicros, until);
            for (SimWorker w : workers) if (!w.dead) w.missBeats(now, until);
            timer.schedule(() -> {
                synchronized (lock) {
                    schedule(Math.max(nowMicros(), databaseDownUntilMicros), true);
                }
            }, length.toNanos() / 1000, TimeUnit.MICROSECONDS);
        }
    }

    /** Whether the database is failing over now: dispatch must answer 500. */
    public boolean databaseDown() {
        synchronized (lock) {
            return nowMicros() < databaseDownUntilMicros;
        }
    }

    /**
     * The next {@code tasks} dispatched miss their wake-up: each is unblocked as usual but no
     * worker takes it until {@code delay} after its creation (the workers' next periodic check),
     * however idle they are: what the real Pulp showed after its database connections were cut.
     */
    public void missNextWakeups(int tasks, java.time.Duration delay) {
        synchronized (lock) {
            wakeupsToMiss = tasks;
            missedWakeupMicros = delay.toNanos() / 1000;
        }
    }

    private void hideUntilNextCheck(SimTask task, long created) {
        wakeupsToMiss--;
        task.hiddenUntilMicros = created + missedWakeupMicros;
        timer.schedule(() -> {
            synchronized (lock) {
                schedule(Math.max(nowMicros(), task.hiddenUntilMicros), true);
            }
        }, missedWakeupMicros, TimeUnit.MICROSECONDS);
    }

    /** A worker silent longer than the TTL is cleaned up by another, which logs it once the TTL has passed. */
    private void logLostAfterTtl(String name, java.time.Duration after, java.time.Duration length) {
        java.time.Duration ttl = config.heartbeats().ttl();
        if (length.compareTo(ttl) <= 0 || log == SimLog.NONE) return;
        timer.schedule(() -> log.workerLost(name), after.plus(ttl).toNanos() / 1000, TimeUnit.MICROSECONDS);
    }

    /** Number of tasks that are waiting, running or canceling. */
    public int incompleteCount() {
        synchronized (lock) {
            return incomplete.size();
        }
    }

    /** Total tasks in the table. */
    public int taskCount() {
        synchronized (lock) {
            return index.size();
        }
    }

    // --- scheduling, always under the lock -------------------------------------------------

    private void wakeUpLater() {
        timer.execute(() -> {
            synchronized (lock) {
                schedule(nowMicros(), true);
            }
        });
    }

    /** A worker's wakeup: pulpcore's unblock pass, then idle workers handle the oldest unblocked tasks. */
    private void schedule(long now, boolean unblockPass) {
        List<SimWorker> idle = new ArrayList<>();
        for (SimWorker w : workers) if (!w.stopping && !w.dead && w.current == null) idle.add(w);
        boolean anyOnline = workers.stream().anyMatch(w -> !w.stopping && !w.dead);
        if (!anyOnline) return;
        if (now < databaseDownUntilMicros) return;  // a failover: the workers wait for the database
        if (unblockPass) unblock(now);
        List<SimTask> started = new ArrayList<>();
        for (SimTask task : new ArrayList<>(incomplete.values())) {
            if (idle.isEmpty()) break;
            if (task.unblockedMicros == null || task.onWorker()) continue;
            if (task.hiddenUntilMicros != null && now < task.hiddenUntilMicros) continue;  // its wake-up was missed
            if (task.state.equals("canceling")) {
                finalizeCanceled(task, now);
            } else if (task.state.equals("waiting")) {
                start(task, idle.remove(0), now);
                started.add(task);
            }
        }
        // Issue 22: a task's run time stretches with the workers busy once this pass has handed out its tasks.
        int busy = (int) workers.stream().filter(w -> w.current != null).count();
        // Issue 21: and with the tasks still waiting once this pass is done (counted once a pass).
        long waiting = slowdown.active() && !started.isEmpty() ? waitingCount() : 0;
        for (SimTask task : started) scheduleFinish(task, busy, waiting);
    }

    private void unblock(long now) {
        Set<String> takenExclusive = new HashSet<>();
        Set<String> takenShared = new HashSet<>();
        for (SimTask task : incomplete.values()) {
            if (task.state.equals("canceling")) {
                if (task.unblockedMicros == null) task.unblockedMicros = Math.max(now, task.createdMicros);
                continue;  // "Don't consider this task's resources as held."
            }
            if (task.state.equals("waiting") && task.unblockedMicros == null
                    && task.exclusiveResources.stream().noneMatch(r -> takenExclusive.contains(r) || takenShared.contains(r))
                    && task.sharedResources.stream().noneMatch(takenExclusive::contains)) {
                task.unblockedMicros = Math.max(now, task.createdMicros);
            }
            takenExclusive.addAll(task.exclusiveResources);
            for (String r : task.sharedResources) if (!task.exclusiveResources.contains(r)) takenShared.add(r);
        }
    }

    private void start(SimTask task, SimWorker worker, long now) {
        long started = Math.max(now, task.unblockedMicros);
        task.state = "running";
        task.startedMicros = started;
        task.worker = worker;
        worker.current = task;
        log.taskStarted(task.id, task.loggingCid, task.name, task.domain);
    }

    private void scheduleFinish(SimTask task, int busyWorkers, long waiting) {
        long service = Math.max(0, serviceTimes.computeIfAbsent(task.name, config::serviceTimeFor).nextMicros());
        long finish = task.startedMicros + config.contention().stretchMicros(service, busyWorkers)
                + (slowdown.active() ? slowdown.extraMicros(waiting) : 0);
        long delayMicros = Math.max(0, finish - nowMicros());
        timer.schedule(() -> finish(task, finish), delayMicros, TimeUnit.MICROSECONDS);
    }

    /** Tasks waiting right now (the one just started is running already); only counted with a slowdown set. */
    private long waitingCount() {
        long n = 0;
        for (SimTask t : incomplete.values()) if (t.state.equals("waiting")) n++;
        return n;
    }

    private void finish(SimTask task, long finishMicros) {
        synchronized (lock) {
            if (!task.state.equals("running")) return;  // canceled meanwhile
            if (task.worker != null && task.worker.dead) return;  // its worker was killed: it fails once found missing
            if (finishMicros < databaseDownUntilMicros || nowMicros() < databaseDownUntilMicros) {
                long until = databaseDownUntilMicros;  // the end is written once the database is back
                timer.schedule(() -> finish(task, until), Math.max(0, until - nowMicros()), TimeUnit.MICROSECONDS);
                return;
            }
            double rate = config.failureRate();
            boolean simulatedFailure = rate > 0 && random.nextDouble() < rate;
            if (simulatedFailure) task.action.abandoned();
            SimTask.Outcome outcome = simulatedFailure
                    ? SimTask.Outcome.failed("Simulated failure (failure rate " + rate + ").", SIMULATED_TRACEBACK)
                    : task.action.run(finishMicros);
            task.finishedMicros = finishMicros;
            if (outcome.errorDescription() != null) {
                task.state = "failed";
                task.errorDescription = outcome.errorDescription();
                task.errorTraceback = outcome.errorTraceback();
                log.taskFailed(task.id, task.loggingCid, task.name, task.domain, outcome.errorDescription());
            } else {
                log.taskCompleted(task.id, task.loggingCid, task.name, task.domain, finishMicros - task.startedMicros);
                task.state = "completed";
                task.createdResources = outcome.createdResources();
                task.result = outcome.result();
            }
            incomplete.remove(task.id);
            releaseWorker(task);
            schedule(finishMicros, true);
        }
    }

    private void finalizeRunningCancel(SimTask task) {
        synchronized (lock) {
            if (!task.state.equals("canceling")) return;
            long now = nowMicros();
            finalizeCanceled(task, now);
            releaseWorker(task);
            schedule(now, true);
        }
    }

    private void finalizeCanceled(SimTask task, long now) {
        task.action.abandoned();
        task.state = "canceled";
        task.finishedMicros = Math.max(now, task.unblockedMicros == null ? task.createdMicros : task.unblockedMicros);
        incomplete.remove(task.id);
    }

    private void releaseWorker(SimTask task) {
        SimWorker worker = task.worker;
        task.worker = null;
        if (worker == null) return;
        worker.current = null;
        if (worker.stopping) workers.remove(worker);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** A worker as status/ and workers/ show it. */
    record WorkerSnapshot(UUID id, String name, long startedMicros, long lastHeartbeatMicros, UUID currentTask, boolean online) {}

    /** Read access to the task table and its incomplete tasks, both in {@code pulp_created} order. */
    record TaskTable(TaskIndex index, java.util.Collection<SimTask> incomplete) {
        List<SimTask> inDomain(String domain) {
            return index.inDomain(domain);
        }

        List<SimTask> withCid(String domain, String cid) {
            return index.withCid(domain, cid);
        }

        List<SimTask> incompleteIn(String domain) {
            List<SimTask> list = new ArrayList<>();
            for (SimTask t : incomplete) if (t.domain.equals(domain)) list.add(t);
            return list;
        }
    }
}

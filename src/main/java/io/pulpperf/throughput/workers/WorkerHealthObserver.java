package io.pulpperf.throughput.workers;

import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioObserver;
import io.pulpperf.throughput.observe.ScenarioWindow;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.measure.WorkerWatch;
import io.pulpperf.throughput.pulp.WorkerBeats;
import io.pulpperf.throughput.observe.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Worker health in every scenario (issue 20): reads {@code workers/?online=true} at the start,
 * every {@code interval} while the scenario runs, and at the end; a worker that left the online
 * set is a problem line naming it and for how long, and the scenario is flagged as not
 * comparable with runs whose workers all stayed. Its data source is Pulp's workers API.
 */
public final class WorkerHealthObserver implements ScenarioObserver {
    public static final String SOURCE = "workerHealth";
    private final Supplier<WorkerBeats> workers;
    /** Read only while a worker is out of the online set: its heartbeat age is then only there. */
    private final Supplier<WorkerBeats> missing;
    private final Duration interval;

    /** @param interval time between two reads of workers/ while a scenario runs */
    public WorkerHealthObserver(PulpClient client, Duration interval) {
        this(client::onlineWorkers, client::missingWorkers, interval);
    }

    WorkerHealthObserver(Supplier<WorkerBeats> workers, Supplier<WorkerBeats> missing, Duration interval) {
        this.workers = workers;
        this.missing = missing;
        this.interval = interval.isZero() || interval.isNegative() ? Duration.ofSeconds(1) : interval;
    }

    @Override
    public String preflight() {
        return "Worker health: workers/?online=true every " + interval.toMillis() + " ms in each scenario, heartbeats by the server's Date";
    }

    @Override
    public Observing start(String scenario, Duration timeout) {
        WorkerWatch watch = new WorkerWatch();
        int[] failed = new int[1];
        Runnable poll = () -> {
            try {
                WorkerBeats answer = workers.get();
                boolean someoneOut;
                synchronized (watch) {
                    watch.add(answer, Instant.now());
                    someoneOut = !answer.names().containsAll(watch.everOnline());
                }
                if (someoneOut) {
                    WorkerBeats out = missing.get();
                    synchronized (watch) {
                        watch.addMissing(out);
                    }
                }
            } catch (RuntimeException e) {
                synchronized (watch) {
                    failed[0]++;  // a read that failed says nothing of the workers; the count is reported
                }
            }
        };
        poll.run();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "worker-health-" + scenario);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        // Bounded: a scenario outlives its timeout by its grace at most, so twice the timeout stops a forgotten poller.
        timer.schedule(timer::shutdownNow, Math.max(timeout.toMillis(), 1) * 2, TimeUnit.MILLISECONDS);
        return new Observing() {
            @Override
            public Observed stop(ScenarioWindow window) {
                timer.shutdownNow();
                poll.run();
                synchronized (watch) {
                    return observed(watch, failed[0], window);
                }
            }

            @Override
            public void discard() {
                timer.shutdownNow();
            }
        };
    }

    static Observed observed(WorkerWatch all, int failedReads, ScenarioWindow window) {
        // Over the tasks' window only: before and after it the suite itself scales workers (a
        // backlog's drain, the next scenario, a fleet's counts), which is no worker dropping out.
        if (!window.hasTasks()) {
            return new Observed(SOURCE, "", List.of(), List.of(), Map.of("tasks", false, "samples", all.samples()),
                    "Worker health: no tasks in this scenario, so no window to judge the workers over");
        }
        WorkerWatch watch = all.between(window.firstCreated(), window.lastFinished());
        WorkerHealth health = WorkerHealth.of(watch, window.zero());
        List<String> problems = health.problems();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("onlineAtStart", health.onlineAtStart());
        figures.put("onlineAtEnd", health.onlineAtEnd());
        figures.put("left", health.left());
        figures.put("heartbeatAgeMaxMillis", health.heartbeatAgeMaxMillis());
        figures.put("allAlive", health.allAlive());
        figures.put("samples", health.samples());
        figures.put("failedReads", failedReads);
        String ages = health.heartbeatAgeMaxMillis() == null ? "heartbeat ages unknown (no Date header)"
                : "oldest heartbeat " + String.format(java.util.Locale.ROOT, "%.1f s", health.heartbeatAgeMaxMillis() / 1000.0);
        String line = problems.isEmpty() ? "" : "workers not all alive: " + String.join("; ", problems);
        List<Check> checks = health.allAlive() ? List.of() : List.of(Check.note(Check.Kind.RUN_PROBLEM, "worker health",
                String.join("; ", problems) + "; not comparable with runs whose workers all stayed online"));
        String console = "Worker health: " + health.onlineAtStart().size() + " online at start, " + health.onlineAtEnd().size()
                + " at end, " + ages + (problems.isEmpty() ? "" : "; " + String.join("; ", problems))
                + (failedReads > 0 ? "; " + failedReads + " reads of workers/ failed" : "");
        return new Observed(SOURCE, line, checks, List.of(), figures, console);
    }
}

package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.Disruption;
import io.pulpperf.throughput.measure.WorkerWatch;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.WorkerBeats;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs a scenario's disruptions (issue 28) while its tasks are dispatched and processed: each on
 * its own thread, at its time from the start of dispatch or once enough of the run's tasks
 * completed, bounded by its timeout; meanwhile it reads {@code workers/?online=true} so the
 * workers that left and joined around each disruption are known. Everything stops by the
 * scenario's deadline or when {@link #stop()} is called, whichever is first.
 */
final class DisruptionSchedule {
    private static final long STEP_MILLIS = 50;
    private final List<Disruption> disruptions;
    private final PulpClient api;
    private final Map<String, String> completedQuery;
    private final String baseUrl;
    private final Collection<String> secrets;
    private final Duration poll;
    private final PrintStream console;
    private final WorkerWatch watch = new WorkerWatch();
    private final AtomicReferenceArray<DisruptionRun> runs;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;
    private volatile int failedWorkerReads;

    /**
     * @param runQuery the task-list filter of the run's tasks (its Correlation-ID), for "after N completed"
     * @param baseUrl  what {baseUrl} in a command becomes: the target's base URL without user info
     * @param secrets  the target's secrets, masked in commands and output
     */
    DisruptionSchedule(List<Disruption> disruptions, PulpClient api, Map<String, String> runQuery, String baseUrl,
                       Collection<String> secrets, Duration poll, PrintStream console) {
        this.disruptions = List.copyOf(disruptions);
        this.api = api;
        Map<String, String> q = new LinkedHashMap<>(runQuery);
        q.put("state", "completed");
        q.put("limit", "1");
        q.put("fields", "pulp_href");
        this.completedQuery = q;
        this.baseUrl = baseUrl;
        this.secrets = List.copyOf(secrets);
        this.poll = poll.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200) : poll;
        this.console = console;
        this.runs = new AtomicReferenceArray<>(disruptions.size());
    }

    /** Starts the waits; {@code start} is the start of dispatch, nothing runs after {@code deadline}. */
    void start(Instant start, Instant deadline) {
        for (int i = 0; i < disruptions.size(); i++) {
            int index = i;
            threads.add(daemon("disruption-" + disruptions.get(i).name(), () -> runs.set(index, runOne(disruptions.get(index), start, deadline))));
        }
        threads.add(daemon("disruption-workers", () -> watchWorkers(deadline)));
        threads.forEach(Thread::start);
    }

    /** Stops what still waits or runs and returns every disruption's run, in the configured order. */
    List<DisruptionRun> stop() {
        stopped = true;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);  // a killed command ends at once; the bound is for a stuck read of workers/
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<DisruptionRun> out = new ArrayList<>();
        for (int i = 0; i < disruptions.size(); i++) {
            DisruptionRun r = runs.get(i);
            out.add(r != null ? r : new DisruptionRun(disruptions.get(i), command(disruptions.get(i)), null, null, null, "",
                    "did not run: the suite stopped waiting for it"));
        }
        return out;
    }

    /** The answers of workers/?online=true read while the run went on; after {@link #stop()}. */
    WorkerWatch workers() {
        return watch;
    }

    int failedWorkerReads() {
        return failedWorkerReads;
    }

    private DisruptionRun runOne(Disruption d, Instant start, Instant deadline) {
        String command = command(d);
        String notRun = waitForTrigger(d, start, deadline);
        if (notRun != null) return new DisruptionRun(d, command, null, null, null, "", "did not run: " + notRun);
        console.println("[disruption " + d.name() + "] " + command);
        Instant began = Instant.now();
        ShellCommand.Outcome out;
        try {
            out = ShellCommand.run(d.command().replace("{baseUrl}", baseUrl), d.timeout());
        } catch (IOException e) {
            return new DisruptionRun(d, command, began, Instant.now(), null, "", "could not be started: " + e.getMessage());
        }
        Instant ended = Instant.now();
        String output = CommandRedaction.redact(out.output(), secrets);
        if (!output.isEmpty()) console.println("[disruption " + d.name() + "] " + output.replace("\n", "\n[disruption " + d.name() + "] "));
        String problem = null;
        if (out.timedOut()) {
            problem = "the command did not finish within its timeout of " + seconds(d.timeout()) + " and was killed";
        } else if (out.interrupted()) {
            problem = "the command was still running when the run ended and was killed after " + seconds(Duration.between(began, ended));
        } else if (out.exit() == 127) {
            problem = "the command was not found (exit 127" + (output.isEmpty() ? ")" : ": " + firstLine(output) + ")");
        } else if (out.exit() != 0) {
            problem = "the command exited with " + out.exit() + (output.isEmpty() ? "" : ": " + firstLine(output));
        }
        return new DisruptionRun(d, command, began, ended, out.exit(), output, problem);
    }

    /** Waits until the disruption is due; null when it is, else why it is not. */
    private String waitForTrigger(Disruption d, Instant start, Instant deadline) {
        long lastCount = -1;
        Instant nextRead = Instant.now();
        while (true) {
            Instant now = Instant.now();
            if (stopped || Thread.currentThread().isInterrupted()) {
                return "the run ended before " + d.when() + (lastCount >= 0 ? " (" + lastCount + " completed)" : "");
            }
            if (!now.isBefore(deadline)) return "the scenario's timeout came before " + d.when();
            if (d.at() != null) {
                if (!now.isBefore(start.plus(d.at()))) return null;
            } else if (!now.isBefore(nextRead)) {
                try {
                    lastCount = api.tasks(completedQuery).count();
                    if (lastCount >= d.afterCompleted()) return null;
                } catch (RuntimeException e) {
                    // A failed read says nothing of the count; the next one is tried after the poll interval.
                }
                nextRead = now.plus(poll);
            }
            try {
                Thread.sleep(STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watchWorkers(Instant deadline) {
        while (!stopped && Instant.now().isBefore(deadline)) {
            try {
                var answer = api.onlineWorkers();
                // By the suite's clock, as the disruption's start is: the Date header is cut to the second.
                synchronized (watch) {
                    watch.add(new WorkerBeats(null, answer.workers()), Instant.now());
                }
            } catch (RuntimeException e) {
                failedWorkerReads++;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String command(Disruption d) {
        return CommandRedaction.redact(d.command().replace("{baseUrl}", baseUrl), secrets);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    /** What {baseUrl} becomes: scheme, host, port and path of the target, never its user info or query. */
    static String baseUrl(java.net.URI url) {
        String s = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}

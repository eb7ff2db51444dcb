package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.FleetSettings;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.measure.RunAnalyzer;
import io.pulpperf.throughput.measure.WorkerWatch;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.WorkerBeats;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fleet shape (issue 20, plan 0001 Worker Scalability): no tasks; for each worker count, scale
 * with the suite's worker control, read workers/ until all are online (or the scale gave up),
 * hold and read {@code workers/?online=true} (and {@code ?missing=true}, for the ages of workers
 * out of the set) every interval, then scale back to the count the
 * run found. Bounded by the scenario's timeout.
 */
final class FleetRun {
    private final PulpClient client;
    private final WorkerControl workers;
    private final PrintStream console;
    private final String targetLabel;

    FleetRun(PulpClient client, WorkerControl workers, PrintStream console, String targetLabel) {
        this.client = client;
        this.workers = workers;
        this.console = console;
        this.targetLabel = targetLabel;
    }

    ScenarioResult run(Scenario scenario, Phases phases, String runId, Path dir, List<String> problems, List<String> notes)
            throws Exception {
        FleetSettings fleet = scenario.fleet();
        int found = client.status().workerCount();
        Instant deadline = Instant.now().plus(scenario.timeout());
        List<FleetCount> counts = new ArrayList<>();
        boolean finished = true;
        try {
            for (int asked : fleet.counts()) {
                if (!Instant.now().isBefore(deadline)) {
                    problems.add("the scenario's timeout passed before the count of " + asked + " workers");
                    finished = false;
                    break;
                }
                FleetCount c = phases.phase("Fleet: " + asked + " workers, held " + fleet.hold().toSeconds() + " s",
                        () -> count(asked, fleet, deadline, problems));
                counts.add(c);
                console.println(scenario.name() + " " + line(c));
            }
        } finally {
            // Back to the count the run found, however it ended (its own problem line if that fails).
            try {
                phases.phase("Scale back to the " + found + " workers found at the start", () -> workers.ensure(found));
            } catch (Exception e) {
                problems.add("scaling back to " + found + " workers failed: " + e.getMessage());
            }
        }
        notes.add("Fleet shape: no tasks dispatched; each count held " + fleet.hold().toSeconds() + " s with workers/?online=true read every "
                + fleet.interval().toMillis() + " ms; heartbeat ages by the server's Date header (1 s resolution); a timeout is a worker "
                + "leaving the online set (its heartbeat older than its TTL) during the hold.");
        return new ScenarioResult(scenario, runId, found, DispatchSummary.of(List.of()), new RunAnalyzer().result(List.of(), 0), finished,
                problems, notes, dir.resolve("tasks.csv"), dir.resolve("dispatch.csv"), targetLabel, null, counts);  // no tasks: neither file is written
    }

    private FleetCount count(int asked, FleetSettings fleet, Instant deadline, List<String> problems) throws InterruptedException {
        long started = System.nanoTime();
        Set<String> seen = new LinkedHashSet<>();
        try {
            workers.ensure(asked);
        } catch (RuntimeException e) {
            // The scale gave up (its timeout): the hold still shows how many came and how they beat.
            problems.add("scaling to " + asked + " workers: " + e.getMessage());
        }
        WorkerBeats first = client.onlineWorkers();
        seen.addAll(first.names());
        Double toAll = first.workers().size() >= asked ? Math.round((System.nanoTime() - started) / 1e8) / 10.0 : null;
        WorkerWatch watch = new WorkerWatch();
        Instant holdFrom = Instant.now();
        watch.add(first, holdFrom);
        Instant end = min(holdFrom.plus(fleet.hold()), deadline);
        long reads = fleet.hold().toMillis() / fleet.interval().toMillis() + 1;
        for (long i = 0; i < reads && Instant.now().isBefore(end); i++) {  // bounded in count and in time
            Thread.sleep(Math.max(0, Math.min(fleet.interval().toMillis(), Duration.between(Instant.now(), end).toMillis())));
            WorkerBeats answer;
            try {
                answer = client.onlineWorkers();
            } catch (RuntimeException e) {
                problems.add("a read of workers/ at " + asked + " workers failed: " + e.getMessage());
                continue;
            }
            watch.add(answer, Instant.now());
            seen.addAll(answer.names());
            readMissing(watch, asked, problems);
            if (toAll == null && answer.workers().size() >= asked) toAll = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
        }
        List<Integer> online = new ArrayList<>(watch.onlineCounts());
        online.sort(null);
        List<Long> ages = new ArrayList<>(watch.ageMillis());
        ages.sort(null);
        List<WorkerWatch.Absence> absences = watch.absences();
        List<String> timedOut = absences.stream().map(WorkerWatch.Absence::worker).distinct().toList();
        return new FleetCount(asked, online.get(0), median(online), online.get(online.size() - 1), percentile(ages, 0.50),
                percentile(ages, 0.95), ages.isEmpty() ? null : ages.get(ages.size() - 1), absences.size(),
                Math.max(0, asked - seen.size()), toAll, timedOut, watch.samples(), holdFrom, Instant.now(), null);
    }

    /** The heartbeats of fleet workers out of the online set: older than the TTL, so not in the online list. */
    private void readMissing(WorkerWatch watch, int asked, List<String> problems) {
        try {
            watch.addMissing(client.missingWorkers());
        } catch (RuntimeException e) {
            problems.add("a read of workers/?missing=true at " + asked + " workers failed: " + e.getMessage());
        }
    }

    /** One console line per count, e.g. "50 workers: online 48-50, heartbeat p95 4.0 s max 9.0 s, 0 timeouts". */
    static String line(FleetCount c) {
        return String.format(Locale.ROOT, "%d workers: online %d-%d (median %.1f), heartbeat p95 %s max %s, %d timeouts%s%s",
                c.asked(), c.onlineMin(), c.onlineMax(), c.onlineMedian(), seconds(c.heartbeatAgeP95Millis()), seconds(c.heartbeatAgeMaxMillis()),
                c.timeouts(), c.timedOut().isEmpty() ? "" : " (" + names(c.timedOut()) + ")",
                c.neverOnline() > 0 ? ", " + c.neverOnline() + " never online" : "");
    }

    /** Up to ten names, then how many more: a fleet of hundreds must not fill a table cell. */
    static String names(List<String> names) {
        return names.size() <= 10 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 10)) + " and " + (names.size() - 10) + " more";
    }

    static String seconds(Long millis) {
        return millis == null ? "-" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static double median(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Nearest rank. */
    private static Long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return null;
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

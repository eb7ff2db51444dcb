package io.pulpperf.throughput.run;

import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.measure.DisruptionCost;
import io.pulpperf.throughput.measure.DisruptionTasks;
import io.pulpperf.throughput.measure.WorkerWatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a scenario's disruption runs, its tasks and the workers/ answers into {@link DisruptionResult}s (issue 28). */
final class DisruptionResults {
    /** The workers/ answers are timed by the suite's clock, like the disruption's start: no slack needed. */
    private static final long DATE_SLACK_MICROS = 0;

    private DisruptionResults() {}

    static List<DisruptionResult> of(List<DisruptionRun> runs, DisruptionTasks tasks, WorkerWatch watch, List<DispatchRecord> records,
                                     Long firstCreatedMicros, int workersOnline) {
        List<DisruptionRun> ran = runs.stream().filter(r -> r.startedAt() != null)
                .sorted(Comparator.comparing(DisruptionRun::startedAt)).toList();
        DisruptionCost.OnlineWorkers online = online(watch, workersOnline);
        List<DisruptionResult> out = new ArrayList<>();
        for (DisruptionRun r : runs) {
            var d = r.disruption();
            if (r.startedAt() == null || firstCreatedMicros == null) {
                out.add(new DisruptionResult(d.name(), d.when(), null, r.command(), r.exit(), r.output(),
                        r.problem() != null ? r.problem() : "not measured: the run has no tasks", null, null, null, false, null,
                        "not measured", 0, Map.of(), 0, null, null, List.of(), 0, 0, d.window().toMillis() / 1000.0, d.tolerance()));
                continue;
            }
            long at = micros(r.startedAt());
            int next = ran.indexOf(r) + 1;
            long spanEnd = next < ran.size() ? micros(ran.get(next).startedAt()) : Long.MAX_VALUE;
            DisruptionCost c = DisruptionCost.of(tasks, at, spanEnd, d.window(), d.tolerance(), online);
            long workersUntil = spanEnd == Long.MAX_VALUE ? Long.MAX_VALUE : spanEnd - DATE_SLACK_MICROS;
            List<DisruptionResult.WorkerLeft> left = new ArrayList<>();
            for (WorkerWatch.Absence a : watch.absences()) {
                long t = micros(a.left());
                if (t >= at - DATE_SLACK_MICROS && t < workersUntil) {
                    left.add(new DisruptionResult.WorkerLeft(a.worker(), seconds(t - firstCreatedMicros), a.back() != null));
                }
            }
            Set<String> atStart = Set.copyOf(watch.onlineAtStart());
            int joined = (int) watch.firstSeen().entrySet().stream().filter(e -> !atStart.contains(e.getKey()))
                    .filter(e -> micros(e.getValue()) >= at - DATE_SLACK_MICROS && micros(e.getValue()) < workersUntil).count();
            long errors = records.stream().filter(x -> !x.accepted() && x.sentMicros() >= at && x.sentMicros() < c.toMicros()).count();
            out.add(new DisruptionResult(d.name(), d.when(), seconds(at - firstCreatedMicros), r.command(), r.exit(), r.output(), r.problem(),
                    c.before(), c.during(), c.after(), c.recovered(), c.recoverySeconds(), c.why(), c.failed(), c.failedReasons(), c.stuck(),
                    c.longestStuckSeconds(), c.longestStuckTask(), left, joined, errors, d.window().toMillis() / 1000.0, d.tolerance()));
        }
        return out;
    }

    private static DisruptionCost.OnlineWorkers online(WorkerWatch watch, int fallback) {
        List<Instant> times = watch.answerTimes();
        List<Integer> counts = watch.onlineCounts();
        long[] at = new long[times.size()];
        int[] n = new int[times.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = micros(times.get(i));
            n[i] = counts.get(i);
        }
        return new DisruptionCost.OnlineWorkers(at, n, fallback);
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    private static double seconds(long micros) {
        return Math.round(micros / 1e5) / 10.0;
    }
}

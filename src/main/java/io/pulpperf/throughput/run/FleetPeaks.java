package io.pulpperf.throughput.run;

import io.pulpperf.throughput.observe.HoldPeaks;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.util.List;

/** Joins a fleet run's counts with what the observers saw over each count's hold. */
public final class FleetPeaks {
    private FleetPeaks() {}

    /** The holds to give the observers when they stop; none for a scenario that is not a fleet. */
    public static List<ScenarioWindow.Hold> holds(ScenarioResult r) {
        return r == null || r.fleet() == null ? List.of() : r.fleet().stream().map(FleetCount::hold).toList();
    }

    /** The result with each count's peaks (null ones when no observer reports holds); the result itself when not a fleet. */
    public static ScenarioResult with(ScenarioResult r, List<Observed> observed) {
        if (r == null || r.fleet() == null) return r;
        List<FleetCount> counts = r.fleet().stream().map(c -> c.withPeaks(HoldPeaks.of(observed, c.holdFrom(), c.holdTo()))).toList();
        return new ScenarioResult(r.scenario(), r.runId(), r.workersOnline(), r.dispatch(), r.metrics(), r.finished(), r.problems(),
                r.notes(), r.rawTasksCsv(), r.dispatchCsv(), r.target(), r.capacity(), counts, r.ingestion());
    }
}

package io.pulpperf.throughput.observe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Every configured observer, called together; the order is the report's order. */
public final class Observers {
    private final List<ScenarioObserver> observers;

    public Observers(List<ScenarioObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    /** These observers and one more, reported after them. */
    public Observers plus(ScenarioObserver another) {
        List<ScenarioObserver> all = new ArrayList<>(observers);
        all.add(another);
        return new Observers(all);
    }

    /** Whether an observer reporting under this source name (e.g. "logs") is among them. */
    public boolean has(String source) {
        return observers.stream().anyMatch(o -> source.equals(o.source()));
    }

    public boolean isEmpty() {
        return observers.isEmpty();
    }

    /** Preflight of each observer; the first failure stops the run (it throws). */
    public List<String> preflight() {
        return observers.stream().map(ScenarioObserver::preflight).toList();
    }

    /** Starts them all for one scenario. */
    public Running start(String scenario, java.time.Duration timeout) {
        List<ScenarioObserver.Observing> running = new ArrayList<>();
        for (ScenarioObserver o : observers) running.add(o.start(scenario, timeout));
        return new Running(Instant.now(), running);
    }

    /** The observers of one scenario, started at {@code started}. */
    public record Running(Instant started, List<ScenarioObserver.Observing> observing) {
        /**
         * Stops each; what one returns is kept even when another misbehaves.
         *
         * @param tasks the tasks' window (first created, last finished), or nulls
         */
        public List<Observed> stop(Instant firstCreated, Instant lastFinished) {
            return stop(firstCreated, lastFinished, List.of());
        }

        /** @param holds spans the observers also report on one by one (a fleet's holds), see {@link HoldPeaks} */
        public List<Observed> stop(Instant firstCreated, Instant lastFinished, List<ScenarioWindow.Hold> holds) {
            return stop(firstCreated, lastFinished, holds, ScenarioWindow.Run.NONE, List.of());
        }

        /**
         * @param run   the run's Correlation-ID and failed requests, for observers that tell its own lines from others'
         * @param marks moments the observers' timelines mark (issue 28: the disruptions)
         */
        public List<Observed> stop(Instant firstCreated, Instant lastFinished, List<ScenarioWindow.Hold> holds, ScenarioWindow.Run run,
                                   List<ScenarioWindow.Mark> marks) {
            ScenarioWindow window = new ScenarioWindow(started, Instant.now(), firstCreated, lastFinished, holds, run, marks);
            List<Observed> out = new ArrayList<>();
            for (ScenarioObserver.Observing o : observing) out.add(safely(() -> o.stop(window)));
            return out;
        }

        /** Stops each without reading or reporting anything: the scenario was skipped before any load. */
        public void discard() {
            for (ScenarioObserver.Observing o : observing) {
                try {
                    o.discard();
                } catch (RuntimeException e) {
                    // Nothing of a skipped scenario is reported, so a failing discard has nothing to spoil.
                }
            }
        }

        private static Observed safely(Supplier<Observed> body) {
            try {
                return body.get();
            } catch (RuntimeException e) {
                // stop() must not throw; if one does anyway, the scenario's other figures still stand.
                return new Observed("observer", "observer failed: " + e, List.of(), List.of(), java.util.Map.of(),
                        "an observer failed: " + e);
            }
        }
    }
}

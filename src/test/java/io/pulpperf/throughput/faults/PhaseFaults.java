package io.pulpperf.throughput.faults;

import io.pulpperf.throughput.pulp.RequestCounter;
import io.pulpperf.throughput.run.Phases;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.FaultPlan;
import io.pulpperf.throughput.sim.FaultPlan.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * Phases that count, for each phase of a scenario, the faults the simulator injected and the
 * requests and retries the suite's API client made. Each phase starts the fault plan afresh from
 * its own seed, chosen so the phase's first request gets a fault: every phase is hit, whatever
 * the timing of the threads (the rest of its requests get faults at the plan's rate).
 */
final class PhaseFaults implements Phases {
    /** One phase's counts. */
    record Count(String phase, Map<Kind, Long> faults, long requests, long retries) {
        long totalFaults() {
            return faults.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final SimulatedRun run;
    private final IntFunction<FaultPlan> planForPhase;
    private final List<Count> counts = new ArrayList<>();
    private final Map<String, Instant> started = new java.util.LinkedHashMap<>();

    /**
     * @param before       the counts before the scenario (the login, with the plan the simulator started with)
     * @param planForPhase the plan for the phase with this index, from 0
     */
    PhaseFaults(SimulatedRun run, String before, IntFunction<FaultPlan> planForPhase) {
        this.run = run;
        this.planForPhase = planForPhase;
        Map<Kind, Long> faults = new EnumMap<>(Kind.class);
        faults.putAll(run.simulator.injectedFaults());
        counts.add(new Count(before, faults, run.client.counter().requests(), run.client.counter().retries()));
    }

    @Override
    public <T> T phase(String name, Callable<T> body) throws Exception {
        started.put(name, Instant.now());
        run.simulator.setFaultPlan(planForPhase.apply(counts.size() - 1));
        Map<Kind, Long> faultsBefore = run.simulator.injectedFaults();
        RequestCounter.Count before = run.client.counter().count();
        try {
            return body.call();
        } finally {
            Map<Kind, Long> faults = new EnumMap<>(Kind.class);
            run.simulator.injectedFaults().forEach((kind, n) -> {
                long d = n - faultsBefore.getOrDefault(kind, 0L);
                if (d > 0) faults.put(kind, d);
            });
            RequestCounter.Count made = run.client.counter().count().minus(before);
            counts.add(new Count(name, faults, made.requests(), made.retries()));
        }
    }

    /** When the phase whose name starts with {@code prefix} began. */
    Instant started(String prefix) {
        return started.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no phase starting with '" + prefix + "' ran; ran: " + started.keySet()));
    }

    /** The counts, the one before the scenario first. */
    List<Count> counts() {
        return List.copyOf(counts);
    }

    /** A table of the counts, one line a phase, and the totals. */
    String table() {
        StringBuilder t = new StringBuilder(String.format("%-62s %7s %9s %8s  %s%n", "phase", "faults", "requests", "retries",
                "faults by kind (requests, retries: the API client's; dispatch is not retried)"));
        long faults = 0;
        long requests = 0;
        long retries = 0;
        for (Count c : counts) {
            t.append(String.format("%-62s %7d %9d %8d  %s%n", c.phase().length() > 62 ? c.phase().substring(0, 62) : c.phase(),
                    c.totalFaults(), c.requests(), c.retries(), c.faults()));
            faults += c.totalFaults();
            requests += c.requests();
            retries += c.retries();
        }
        return t.append(String.format("%-62s %7d %9d %8d  %s%n", "total", faults, requests, retries,
                run.simulator.injectedFaults())).toString();
    }
}

package io.pulpperf.throughput.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phases for tests that change the server at a given point of a scenario (a fault from the
 * dispatch on, workers gone when the wait begins) and then assert on when each phase began.
 * Actions run on the runner's thread, just before the phase whose name starts with their prefix.
 */
public final class ScriptedPhases implements Phases {
    private record Action(String prefix, Runnable action) {}

    private final List<Action> actions = new ArrayList<>();
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Phases inner;

    public ScriptedPhases() {
        this(Phases.silent());
    }

    /** @param inner the phases to report to (e.g. Allure steps) */
    public ScriptedPhases(Phases inner) {
        this.inner = inner;
    }

    /** Runs {@code action} when a phase whose name starts with {@code prefix} begins. */
    public ScriptedPhases at(String prefix, Runnable action) {
        actions.add(new Action(prefix, action));
        return this;
    }

    /** When the first phase whose name starts with {@code prefix} began. */
    public Instant started(String prefix) {
        return started.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .min(Instant::compareTo)
                .orElseThrow(() -> new AssertionError("no phase starting with '" + prefix + "' ran; ran: " + started.keySet()));
    }

    @Override
    public <T> T phase(String name, Callable<T> body) throws Exception {
        started.putIfAbsent(name, Instant.now());
        for (Action a : actions) {
            if (name.startsWith(a.prefix())) a.action().run();
        }
        return inner.phase(name, body);
    }
}

package io.pulpperf.throughput.sim;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;

/** A {@link TaskEngine} without HTTP, with helpers to dispatch no-op tasks and wait for them. */
final class EngineFixture implements AutoCloseable {
    final Domains domains = new Domains();
    final TaskEngine engine;

    EngineFixture(SimulatorConfig config) {
        this.engine = new TaskEngine(config, domains);
    }

    /** Dispatches a task named {@code name} in the default domain that completes without effect. */
    UUID dispatch(String name, List<String> exclusive, List<String> shared) {
        return engine.dispatch(new TaskEngine.TaskRequest(name, Domains.DEFAULT, "cid", null, exclusive, shared,
                finish -> SimTask.Outcome.ok())).id();
    }

    TaskSnapshot task(UUID id) {
        return engine.find(id).orElseThrow();
    }

    /** Waits until the task is in one of these states and returns it. */
    TaskSnapshot await(UUID id, String... states) {
        Set<String> wanted = Set.of(states);
        TaskSnapshot[] last = new TaskSnapshot[1];
        Awaitility.await("task " + id + " in " + wanted).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(2)).until(() -> wanted.contains((last[0] = task(id)).state()));
        return last[0];
    }

    void awaitIdle() {
        Awaitility.await("no incomplete task").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2))
                .until(() -> engine.incompleteCount() == 0);
    }

    @Override
    public void close() {
        engine.close();
    }
}

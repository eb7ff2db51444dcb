package io.pulpperf.throughput.sim;

import java.util.List;
import java.util.UUID;

/**
 * One task in the simulated {@code core_task} table. Mutable, and only touched under the
 * {@link TaskEngine}'s lock; readers get a {@link TaskSnapshot}.
 */
final class SimTask {
    final UUID id;
    final long seq;
    final String name;
    final String domain;
    final String loggingCid;
    final String createdBy;
    final List<String> exclusiveResources;
    final List<String> sharedResources;
    final long createdMicros;
    final TaskAction action;
    String state = "waiting";
    Long unblockedMicros;
    Long startedMicros;
    Long finishedMicros;
    String errorDescription;
    String errorTraceback;
    List<String> createdResources = List.of();
    Object result;
    SimWorker worker;
    /** A missed wake-up (issue 28): no worker takes it before this time, epoch micros; null = none. */
    Long hiddenUntilMicros;

    SimTask(UUID id, long seq, String name, String domain, String loggingCid, String createdBy,
            List<String> exclusiveResources, List<String> sharedResources, long createdMicros,
            TaskAction action) {
        this.id = id;
        this.seq = seq;
        this.name = name;
        this.domain = domain;
        this.loggingCid = loggingCid;
        this.createdBy = createdBy;
        this.exclusiveResources = exclusiveResources;
        this.sharedResources = sharedResources;
        this.createdMicros = createdMicros;
        this.action = action;
    }

    /** A worker is executing it (running, or canceling while its worker still holds it). */
    boolean onWorker() {
        return worker != null;
    }

    boolean isIncomplete() {
        return state.equals("waiting") || state.equals("running") || state.equals("canceling");
    }

    TaskSnapshot snapshot() {
        return new TaskSnapshot(id, seq, name, domain, state, loggingCid, createdBy, createdMicros, unblockedMicros,
                startedMicros, finishedMicros, errorDescription, errorTraceback, createdResources, result,
                exclusiveResources, sharedResources);
    }

    /** What the task does when a worker finishes it: may change the simulated database, or fail. */
    @FunctionalInterface
    interface TaskAction {
        /** Returns the task's outcome; runs under the engine's lock at the task's finish time. */
        Outcome run(long finishMicros);

        /** The task ended without running its action (canceled, or a simulated failure): undo what its request reserved. */
        default void abandoned() {
        }
    }

    /** A task's result: created hrefs and result object, or an error. */
    record Outcome(List<String> createdResources, Object result, String errorDescription, String errorTraceback) {
        static Outcome ok() {
            return new Outcome(List.of(), null, null, null);
        }

        static Outcome created(String href, Object result) {
            return new Outcome(List.of(href), result, null, null);
        }

        static Outcome failed(String description, String traceback) {
            return new Outcome(List.of(), null, description, traceback);
        }
    }
}

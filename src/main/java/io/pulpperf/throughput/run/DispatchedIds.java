package io.pulpperf.throughput.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Correlation-IDs a run dispatched under whose tasks may still be waiting: the cleanup cancels
 * those tasks before it calls the run clean, so a queue left by a timeout creates nothing
 * afterwards. A plain run has one id; a capacity search one per step, each settled once its step drained.
 */
final class DispatchedIds {
    private final Set<String> open = new LinkedHashSet<>();

    /** Before dispatching under {@code correlationId}. */
    synchronized void dispatching(String correlationId) {
        open.add(correlationId);
    }

    /** Every task under {@code correlationId} has finished: nothing of it is left to cancel. */
    synchronized void drained(String correlationId) {
        open.remove(correlationId);
    }

    synchronized List<String> open() {
        return new ArrayList<>(open);
    }
}

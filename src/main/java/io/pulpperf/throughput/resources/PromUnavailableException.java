package io.pulpperf.throughput.resources;

/** Prometheus cannot be read as configured before any load: the run stops, naming the query and the setting to check. */
public final class PromUnavailableException extends RuntimeException {
    public PromUnavailableException(String message) {
        super(message);
    }
}

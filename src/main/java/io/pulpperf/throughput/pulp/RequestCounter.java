package io.pulpperf.throughput.pulp;

import java.util.concurrent.atomic.AtomicLong;

/** Counts the suite's own read requests, so its cost to the target can be reported. */
public final class RequestCounter {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    void record(boolean retry) {
        requests.incrementAndGet();
        if (retry) retries.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Both counts now, to tell what one scenario cost. */
    public Count count() {
        return new Count(requests.get(), retries.get());
    }

    /** Requests and retries at one moment. */
    public record Count(long requests, long retries) {
        /** What was sent since {@code earlier}. */
        public Count minus(Count earlier) {
            return new Count(requests - earlier.requests, retries - earlier.retries);
        }
    }
}

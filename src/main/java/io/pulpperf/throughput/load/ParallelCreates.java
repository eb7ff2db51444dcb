package io.pulpperf.throughput.load;

import io.pulpperf.throughput.pulp.PulpApiException;
import io.pulpperf.throughput.pulp.PulpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Creates fixtures on a few threads. On the first failure it starts no more creates and waits
 * for those in flight before it throws, so nothing of the run is created after the caller has
 * moved on to its cleanup.
 */
final class ParallelCreates {
    private ParallelCreates() {
    }

    /**
     * Runs {@code create} for 0..count-1 on at most {@code threads} threads.
     *
     * @param client the client the creates use: its {@link PulpClient#longestCall()} bounds the wait for those in flight
     */
    static void run(int count, int threads, PulpClient client, String what, IntConsumer create) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<Future<?>> futures = new ArrayList<>(count);
        AtomicBoolean failed = new AtomicBoolean();
        RuntimeException failure = null;
        try {
            for (int i = 0; i < count; i++) {
                int seq = i;
                futures.add(pool.submit(() -> {
                    if (failed.get()) return;  // another create failed for good: start no more
                    try {
                        create.accept(seq);
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof PulpApiException api ? api
                            : new IllegalStateException("creating " + what + " failed: " + e.getCause(), e.getCause());
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("interrupted while creating " + what, e);
        } finally {
            futures.forEach(f -> f.cancel(false));  // those not started yet; running ones end by their own bounds
            pool.shutdown();
            awaitInFlight(pool, client.longestCall().multipliedBy(2).plusSeconds(10));
        }
        if (failure != null) throw failure;
    }

    /** A create may look its name up after an unclear answer: at most two calls' worth, each bounded. */
    private static void awaitInFlight(ExecutorService pool, Duration bound) {
        try {
            if (!pool.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

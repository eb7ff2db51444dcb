package io.pulpperf.throughput.load;

import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.PulpApiException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * DELETE of repositories created beforehand (synchronous creates, not measured). Each delete
 * locks only its own repository, so the tasks spread over all workers.
 */
final class RepositoryDeleteWorkload implements Workload {
    static final String LIST_PATH = "repositories/file/file/";
    private AtomicReferenceArray<String> hrefs = new AtomicReferenceArray<>(0);

    @Override
    public void prepare(PulpClient client, String runName, int tasks, int concurrency) {
        hrefs = new AtomicReferenceArray<>(tasks);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, 16));
        try {
            Future<?>[] futures = new Future<?>[tasks];
            for (int i = 0; i < tasks; i++) {
                int seq = i;
                futures[i] = pool.submit(() -> hrefs.set(seq, client.createRepository(runName + "-" + seq)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof PulpApiException api) throw api;
                    throw new IllegalStateException("creating repositories failed: " + e.getCause(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating repositories", e);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public DispatchRequest request(String runName, int seq) {
        return new DispatchRequest("DELETE", hrefs.get(seq), null);
    }

    @Override
    public int cleanup(PulpClient client, String runName) {
        int n = 0;
        for (String href : client.hrefsByNamePrefix(LIST_PATH, runName + "-")) {
            client.delete(href);
            n++;
        }
        return n;
    }

    @Override
    public String note() {
        return "Repository deletes lock only their own repository, so they spread over all workers.";
    }
}

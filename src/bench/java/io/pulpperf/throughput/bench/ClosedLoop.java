package io.pulpperf.throughput.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.pulp.CorrelationIds;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a {@link LibraryClient} the way {@link DispatchBench} drives the suite's dispatcher:
 * closed model, {@code concurrency} threads each sending the next request as soon as the last is
 * answered, one Correlation-ID for the measurement, {@code Accept: application/json}, and an
 * answer counted when it is a 200 whose {@code tasks_executed} (parsed with Jackson) is positive.
 * An answer that lands after the window closed is counted as cut, as the dispatcher cuts a request
 * in flight at its deadline; the rate spans first send to last answer within the window.
 */
final class ClosedLoop {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClosedLoop() {}

    /** One thread's counts; {@code firstSend}/{@code lastAnswer} are System.nanoTime() values. */
    private record Counts(long ok, long errors, long cut, long firstSend, long lastAnswer, String firstError) {}

    static DispatchBench.Result measure(String name, LibraryClient client, URI url, int concurrency, double seconds)
            throws InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Correlation-ID", CorrelationIds.newRun());
        headers.put("Accept", "application/json");
        CpuClock cpu = CpuClock.start();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong issued = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, name + "-client");
            t.setDaemon(true);
            return t;
        });
        List<Future<Counts>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) futures.add(threads.submit(() -> loop(client, url, headers, deadline, issued)));
        threads.shutdown();
        // Every request ends within the connect and read timeouts; then the threads are stopped whatever they do.
        long waitNanos = Math.max(0, deadline - System.nanoTime()) + DispatchBench.CONNECT_TIMEOUT.plus(DispatchBench.READ_TIMEOUT).toNanos();
        if (!threads.awaitTermination(waitNanos + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS)) threads.shutdownNow();
        double cpuSeconds = cpu.cpuSeconds();
        double sys = cpu.systemSecondsSinceStart();

        long ok = 0, errors = 0, cut = 0, first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        String firstError = null;
        for (Future<Counts> f : futures) {
            Counts c;
            try {
                c = f.isDone() ? f.get() : null;
            } catch (java.util.concurrent.ExecutionException e) {
                c = new Counts(0, 1, 0, Long.MAX_VALUE, Long.MIN_VALUE, String.valueOf(e.getCause()));
            }
            if (c == null) {  // still blocked after every timeout: counts as one failed request
                errors++;
                if (firstError == null) firstError = "client thread did not finish";
                continue;
            }
            ok += c.ok();
            errors += c.errors();
            cut += c.cut();
            if (c.ok() + c.errors() > 0) first = Math.min(first, c.firstSend());
            last = Math.max(last, c.lastAnswer());
            if (firstError == null) firstError = c.firstError();
        }
        double span = last > first ? (last - first) / 1e9 : 0;
        return new DispatchBench.Result(name, concurrency, ok, errors, cut, span, cpuSeconds, sys, firstError);
    }

    /** One client thread: bounded by the deadline and by the benchmark's request cap. */
    private static Counts loop(LibraryClient client, URI url, Map<String, String> headers, long deadline, AtomicLong issued) {
        long ok = 0, errors = 0, cut = 0, firstSend = Long.MAX_VALUE, lastAnswer = Long.MIN_VALUE;
        String firstError = null;
        while (System.nanoTime() < deadline && issued.getAndIncrement() < DispatchBench.MAX_TASKS
                && !Thread.currentThread().isInterrupted()) {
            long sent = System.nanoTime();
            String error;
            long answeredAt;
            try {
                LibraryClient.Answer a = client.get(url, headers);
                answeredAt = System.nanoTime();
                error = a.status() != 200 ? "HTTP " + a.status() : tasksExecuted(a.body()) > 0 ? null : "200 without tasks_executed";
            } catch (Exception e) {
                answeredAt = -1;
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (answeredAt > deadline) {  // in flight when the window closed
                cut++;
                continue;
            }
            firstSend = Math.min(firstSend, sent);
            if (answeredAt >= 0) lastAnswer = Math.max(lastAnswer, answeredAt);
            if (error == null) {
                ok++;
            } else {
                errors++;
                if (firstError == null) firstError = error;
            }
        }
        return new Counts(ok, errors, cut, firstSend, lastAnswer, firstError);
    }

    /** The answer's {@code tasks_executed}, as the dispatcher reads it (0 when absent or unreadable). */
    static long tasksExecuted(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.path("tasks_executed").canConvertToLong() ? node.path("tasks_executed").asLong() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}

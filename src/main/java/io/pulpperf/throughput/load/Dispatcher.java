package io.pulpperf.throughput.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.pulp.AuthHeaders;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;

/**
 * Sends a run's dispatch requests, every one carrying the run's Correlation-ID, in one of two
 * models:
 * <ul>
 *   <li>closed: C clients, each sending its next request as soon as the previous one is answered;
 *   <li>open: requests due at a fixed rate, at most C in flight; latency counts from when a
 *       request was due, so a slow server cannot hide queueing in the client (coordinated omission).
 * </ul>
 * Requests stop once the run's task count is reached (one task per 202, N per {@code tasks_executed}).
 * Each request is bounded by the read timeout, and none outlives the run's deadline: a request
 * still unanswered then is recorded as no answer (status -1). An exception of the suite's own
 * (a workload or the log failing) stops every client and is thrown once those in flight are done.
 *
 * <p>Uses the JDK's HttpClient rather than REST Assured: this is the hot path, and its cost per
 * request must stay far below the server's so the suite never limits what it measures.
 */
public final class Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final AuthHeaders auth;
    private final Duration requestTimeout;

    public Dispatcher(HttpClient http, AuthHeaders auth, Duration requestTimeout) {
        this.http = http;
        this.auth = auth;
        this.requestTimeout = requestTimeout;
    }

    /** An HTTP/1.1 client (Pulp's gunicorn speaks HTTP/1.1) with a connect timeout and the target's TLS. */
    public static HttpClient newHttpClient(Duration connectTimeout, SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) b.sslContext(tls);
        return b.build();
    }

    public static HttpClient newHttpClient(Duration connectTimeout) {
        return newHttpClient(connectTimeout, null);
    }

    /**
     * Dispatches until {@code tasks} tasks are accepted (or {@code tasks} requests were sent, for
     * one-task requests), or the deadline passes; returns one record per request in sequence order.
     *
     * @param rate requests per second for the open model, or null for the closed model
     */
    public List<DispatchRecord> run(String correlationId, int tasks, int concurrency, Double rate,
                                    IntFunction<DispatchRequest> requests, Instant deadline) {
        return run(correlationId, tasks, concurrency, rate, requests, deadline, r -> { });
    }

    /** As above; {@code onAnswer} sees each record as it comes (from the client threads), e.g. to log it. */
    public List<DispatchRecord> run(String correlationId, int tasks, int concurrency, Double rate,
                                    IntFunction<DispatchRequest> requests, Instant deadline, Consumer<DispatchRecord> onAnswer) {
        DispatchRequest.Answer answer = requests.apply(0).answer();
        boolean countBySum = answer == DispatchRequest.Answer.TASKS_EXECUTED;
        AtomicLong dispatched = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ConcurrentLinkedQueue<DispatchRecord> records = new ConcurrentLinkedQueue<>();
        Consumer<DispatchRecord> keep = r -> {
            dispatched.addAndGet(r.tasks());
            records.add(r);
            onAnswer.accept(r);
        };
        ExecutorService clients = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "dispatch-client");
            t.setDaemon(true);
            return t;
        });
        // One-task requests stop at exactly `tasks` requests; batch requests when the sum is reached,
        // with a bound on requests in case the server keeps answering 0.
        int maxRequests = countBySum ? Math.max(tasks, 1_000_000) : tasks;
        try {
            if (rate == null) {
                AtomicInteger next = new AtomicInteger();
                for (int c = 0; c < concurrency; c++) {
                    clients.submit(() -> {
                        while (Instant.now().isBefore(deadline) && (!countBySum || dispatched.get() < tasks)
                                && failure.get() == null) {
                            int seq = next.getAndIncrement();
                            if (seq >= maxRequests) break;
                            sendRecording(seq, epochMicros(), correlationId, requests, deadline, keep, failure);
                        }
                    });
                }
            } else {
                schedule(correlationId, tasks, rate, requests, deadline, countBySum, maxRequests, dispatched, keep, failure,
                        clients);
            }
            clients.shutdown();
            long waitMillis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis()) + requestTimeout.toMillis();
            if (!clients.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) clients.shutdownNow();
        } catch (InterruptedException e) {
            clients.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) throw failure.get();
        List<DispatchRecord> out = new ArrayList<>(records);
        out.sort(java.util.Comparator.comparingInt(DispatchRecord::seq));
        return out;
    }

    /** The open model: this thread paces the requests; the pool sends them, queueing when C are in flight. */
    private void schedule(String correlationId, int tasks, double rate, IntFunction<DispatchRequest> requests, Instant deadline,
                          boolean countBySum, int maxRequests, AtomicLong dispatched,
                          Consumer<DispatchRecord> keep, AtomicReference<RuntimeException> failure,
                          ExecutorService clients) throws InterruptedException {
        long start = epochMicros();
        double intervalMicros = 1e6 / rate;
        for (int seq = 0; seq < maxRequests && failure.get() == null; seq++) {
            if (countBySum && dispatched.get() >= tasks) break;
            long due = start + Math.round(seq * intervalMicros);
            long waitMicros = due - epochMicros();
            if (waitMicros > 0) TimeUnit.MICROSECONDS.sleep(waitMicros);
            if (!Instant.now().isBefore(deadline)) break;
            int s = seq;
            clients.submit(() -> sendRecording(s, due, correlationId, requests, deadline, keep, failure));
        }
    }

    /** Makes, sends and records request {@code seq}; an exception of the suite's own is kept in {@code failure}. */
    private void sendRecording(int seq, long intendedMicros, String correlationId, IntFunction<DispatchRequest> requests,
                               Instant deadline, Consumer<DispatchRecord> keep, AtomicReference<RuntimeException> failure) {
        if (failure.get() != null) return;  // queued before the failure: not sent
        try {
            keep.accept(send(seq, intendedMicros, correlationId, requests.apply(seq), deadline));
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * Sends one request and records its outcome; never throws. Waits at most the request timeout
     * and never past {@code deadline}, for the whole answer (the JDK client's own timeout ends
     * when the headers come, so a server that stalls in the body would not be bounded by it).
     */
    DispatchRecord send(int seq, long intendedMicros, String correlationId, DispatchRequest request, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        Duration timeout = left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
        if (timeout.toMillis() < 1) timeout = Duration.ofMillis(1);
        HttpRequest.Builder b = HttpRequest.newBuilder(request.url()).timeout(timeout)
                .header("Correlation-ID", correlationId).header("Accept", "application/json");
        auth.forMethod(request.method()).forEach(b::header);
        if (request.body() != null) {
            b.header("Content-Type", "application/json");
            b.method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
        } else {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        long sentMicros = epochMicros();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long latency = epochMicros() - intendedMicros;
            boolean echoed = correlationId.equals(response.headers().firstValue("Correlation-ID").orElse(null));
            String date = response.headers().firstValue("Date").orElse(null);
            return answered(seq, intendedMicros, sentMicros, latency, response.statusCode(), response.body(), request.answer(),
                    echoed, date);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // The client's own timeout (headers late) and ours (body late) are the same thing to the reader.
            return noAnswer(seq, intendedMicros, sentMicros, cause instanceof HttpTimeoutException ? timedOut(timeout)
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (TimeoutException e) {
            call.cancel(true);
            return noAnswer(seq, intendedMicros, sentMicros, timedOut(timeout));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return noAnswer(seq, intendedMicros, sentMicros, "interrupted");
        }
    }

    private String timedOut(Duration timeout) {
        return "no complete answer within " + timeout.toMillis() + " ms"
                + (timeout.equals(requestTimeout) ? " (the read timeout)" : " (the scenario's timeout)");
    }

    private static DispatchRecord noAnswer(int seq, long intendedMicros, long sentMicros, String why) {
        return new DispatchRecord(seq, intendedMicros, sentMicros, -1, -1, null, 0, false, null, why);
    }

    private static DispatchRecord answered(int seq, long intended, long sent, long latency, int status, byte[] body,
                                           DispatchRequest.Answer expected, boolean echoed, String date) {
        JsonNode node = parse(body);
        if (expected == DispatchRequest.Answer.TASK_HREF) {
            String href = status == 202 && node != null ? node.path("task").textValue() : null;
            String error = status != 202 ? "HTTP " + status : href == null ? "202 without a task href" : null;
            return new DispatchRecord(seq, intended, sent, latency, status, href, href == null ? 0 : 1, echoed, date, error);
        }
        boolean ok = status == 200 && node != null && node.path("tasks_executed").canConvertToLong();
        long n = ok ? node.path("tasks_executed").asLong() : 0;
        return new DispatchRecord(seq, intended, sent, latency, status, null, n, echoed, date,
                ok ? null : status != 200 ? "HTTP " + status : "200 without tasks_executed");
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}

package io.pulpperf.throughput.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.pulp.AuthHeaders;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * <p>Uses neither REST Assured nor the JDK's HttpClient for sending: this is the hot path, and its
 * cost per request must stay far below the server's so the suite never limits what it measures.
 * Each client thread sends on its own blocking connection ({@link Http1Client}), with the connect
 * timeout and TLS context of the {@link HttpClient} it was given; BENCHMARKS.md has the figures.
 */
public final class Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration connectTimeout;
    private final SSLContext tls;
    private final AuthHeaders auth;
    private final Duration requestTimeout;

    /** @param http its connect timeout and TLS context are the ones the dispatcher's connections use */
    public Dispatcher(HttpClient http, AuthHeaders auth, Duration requestTimeout) {
        this.connectTimeout = http.connectTimeout().orElse(Duration.ofSeconds(30));
        this.tls = http.sslContext();
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
     * one-task requests), or the deadline passes; returns one record per request in sequence order
     * (an unmodifiable list kept compact: each read builds its record).
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
        CompactRecords records = new CompactRecords();  // ~70 bytes a request: a million-request run stays small
        Consumer<DispatchRecord> keep = r -> {
            dispatched.addAndGet(r.tasks());
            records.add(r);
            onAnswer.accept(r);
        };
        Http1Client http = new Http1Client(connectTimeout, tls);
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
                            sendRecording(http, seq, epochMicros(), correlationId, requests, deadline, keep, failure);
                        }
                    });
                }
            } else {
                schedule(http, correlationId, tasks, rate, requests, deadline, countBySum, maxRequests, dispatched, keep, failure,
                        clients);
            }
            clients.shutdown();
            long waitMillis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis()) + requestTimeout.toMillis();
            if (!clients.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) clients.shutdownNow();
        } catch (InterruptedException e) {
            clients.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            http.close();  // ends any exchange still blocked (none once the clients are done)
        }
        if (failure.get() != null) throw failure.get();
        return records.sealed();
    }

    /** The open model: this thread paces the requests; the pool sends them, queueing when C are in flight. */
    private void schedule(Http1Client http, String correlationId, int tasks, double rate, IntFunction<DispatchRequest> requests, Instant deadline,
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
            clients.submit(() -> sendRecording(http, s, due, correlationId, requests, deadline, keep, failure));
        }
    }

    /** Makes, sends and records request {@code seq}; an exception of the suite's own is kept in {@code failure}. */
    private void sendRecording(Http1Client http, int seq, long intendedMicros, String correlationId, IntFunction<DispatchRequest> requests,
                               Instant deadline, Consumer<DispatchRecord> keep, AtomicReference<RuntimeException> failure) {
        if (failure.get() != null) return;  // queued before the failure: not sent
        try {
            keep.accept(send(http, seq, intendedMicros, correlationId, requests.apply(seq), deadline));
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * Sends one request and records its outcome; never throws. Waits at most the request timeout
     * and never past {@code deadline}, connect included, for the whole answer.
     */
    DispatchRecord send(Http1Client http, int seq, long intendedMicros, String correlationId, DispatchRequest request,
                        Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        Duration timeout = left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
        if (timeout.toMillis() < 1) timeout = Duration.ofMillis(1);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Correlation-ID", correlationId);
        headers.put("Accept", "application/json");
        headers.putAll(auth.forMethod(request.method()));
        byte[] body = null;
        if (request.body() != null) {
            headers.put("Content-Type", "application/json");
            body = request.body().getBytes(StandardCharsets.UTF_8);
        }
        long sentMicros = epochMicros();
        try {
            Http1Client.Response response = http.send(request.method(), request.url(), headers, body, timeout);
            long latency = epochMicros() - intendedMicros;
            boolean echoed = correlationId.equals(response.header("Correlation-ID"));
            String date = response.header("Date");
            return answered(seq, intendedMicros, sentMicros, latency, response.status(), response.body(), request.answer(),
                    echoed, date);
        } catch (HttpTimeoutException e) {
            return noAnswer(seq, intendedMicros, sentMicros, timedOut(timeout));
        } catch (IOException | RuntimeException e) {
            if (e instanceof java.nio.channels.ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
                Thread.currentThread().interrupt();
                return noAnswer(seq, intendedMicros, sentMicros, "interrupted");
            }
            return noAnswer(seq, intendedMicros, sentMicros,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
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

package io.pulpperf.throughput.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.pulp.AuthHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The closed dispatch model: C clients, each sending its next request as soon as the previous
 * one is answered, until the run's task count has been requested. Every request carries the
 * run's Correlation-ID.
 *
 * <p>Uses the JDK's HttpClient rather than REST Assured: this is the hot path, and its cost per
 * request must stay far below the server's so the suite never limits what it measures.
 */
public final class Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Target target;
    private final AuthHeaders auth;
    private final Duration requestTimeout;

    public Dispatcher(HttpClient http, Target target, AuthHeaders auth, Duration requestTimeout) {
        this.http = http;
        this.target = target;
        this.auth = auth;
        this.requestTimeout = requestTimeout;
    }

    /** An HTTP/1.1 client with a connect timeout, as Pulp's gunicorn speaks HTTP/1.1. */
    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends {@code tasks} requests from {@code concurrency} clients and returns one record per
     * request, in sequence order. Stops sending at the deadline; what was sent is kept.
     */
    public List<DispatchRecord> run(String correlationId, int tasks, int concurrency, IntFunction<DispatchRequest> requests,
                                    Instant deadline) {
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<DispatchRecord> records = new AtomicReferenceArray<>(tasks);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "dispatch-client");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int c = 0; c < concurrency; c++) {
                clients.submit(() -> {
                    for (int seq = next.getAndIncrement(); seq < tasks && Instant.now().isBefore(deadline);
                         seq = next.getAndIncrement()) {
                        records.set(seq, send(seq, correlationId, requests.apply(seq)));
                    }
                });
            }
            clients.shutdown();
            long waitMillis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis()) + requestTimeout.toMillis();
            if (!clients.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) clients.shutdownNow();
        } catch (InterruptedException e) {
            clients.shutdownNow();
            Thread.currentThread().interrupt();
        }
        List<DispatchRecord> out = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            DispatchRecord r = records.get(i);
            if (r != null) out.add(r);
        }
        return out;
    }

    /** Sends one request and records its outcome; never throws. */
    DispatchRecord send(int seq, String correlationId, DispatchRequest request) {
        URI url = request.path().startsWith("/") ? target.baseUrl().resolve(request.path()) : target.v3Root().resolve(request.path());
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Correlation-ID", correlationId).header("Accept", "application/json");
        auth.forMethod(request.method()).forEach(b::header);
        if (request.body() != null) {
            b.header("Content-Type", "application/json");
            b.method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
        } else {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        long sentNanos = System.nanoTime();
        long sentMicros = epochMicros();
        try {
            HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            long latency = (System.nanoTime() - sentNanos) / 1000;
            String href = null;
            String error = null;
            if (response.statusCode() == 202) {
                href = taskHref(response.body());
                if (href == null) error = "202 without a task href";
            } else {
                error = "HTTP " + response.statusCode();
            }
            return new DispatchRecord(seq, sentMicros, latency, response.statusCode(), href, error);
        } catch (IOException e) {
            return new DispatchRecord(seq, sentMicros, -1, -1, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DispatchRecord(seq, sentMicros, -1, -1, null, "interrupted");
        }
    }

    private static String taskHref(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? null : node.path("task").textValue();
        } catch (IOException e) {
            return null;
        }
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}

package io.pulpperf.throughput.resources;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A tiny HTTP server on 127.0.0.1 answering Prometheus API paths as told, for failures a real one will not produce on demand. */
public final class StubPrometheus implements AutoCloseable {
    /** An answer: status and JSON body. */
    public record Answer(int status, String body) {}

    static final String EMPTY_VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
    public static final String ONE_SAMPLE = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1.0,\"1\"]}]}}";

    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    /** @param answer from the request's headers, "Name: value" joined by "; ", to the answer */
    public StubPrometheus(Function<String, Answer> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/", exchange -> {
            requests.incrementAndGet();
            StringBuilder headers = new StringBuilder();
            exchange.getRequestHeaders().forEach((k, v) -> headers.append(headers.length() == 0 ? "" : "; ").append(k).append(": ")
                    .append(String.join(",", v)));
            Answer a = answer.apply(headers.toString());
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

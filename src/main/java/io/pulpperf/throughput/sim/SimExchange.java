package io.pulpperf.throughput.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.pulpperf.throughput.pulp.CorrelationIds;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One HTTP request to the simulator, with Pulp's response conventions. */
final class SimExchange {
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpExchange http;
    final String method;
    final String path;
    /** Query parameters in request order; a repeated parameter keeps its last value, as Django's QueryDict.get does. */
    final Map<String, String> query;
    final String correlationId;
    /** The view's {@code Allow} header; null for paths no view matches. */
    String allow = "GET, HEAD, OPTIONS";
    /** An injected fault: answer with only the first half of the body. */
    boolean truncateBody;

    /** Where the answer's access line goes (issue 26). */
    SimLog log = SimLog.NONE;
    /** The id the access line shows: gunicorn's "-" for an answer it made itself (after a timeout), else null for the request's. */
    String accessLogId;

    /** Whether the client sent a Correlation-ID that is not a UUID, so it was replaced. */
    final boolean correlationIdReplaced;

    /**
     * @param honourCorrelationId false models a gateway that strips the {@code Correlation-ID}
     *                            header: the server then makes up its own id for the request
     *                            (django-guid), echoes that one and stores it as {@code logging_cid}
     */
    SimExchange(HttpExchange http, boolean honourCorrelationId) {
        this.http = http;
        this.method = http.getRequestMethod();
        this.path = http.getRequestURI().getRawPath();
        this.query = parseQuery(http.getRequestURI().getRawQuery());
        String cid = honourCorrelationId ? http.getRequestHeaders().getFirst("Correlation-ID") : null;
        boolean sent = cid != null && !cid.isBlank();
        // django-guid (VALIDATE_GUID, on in Pulp) replaces an id that is not a UUID with a new one,
        // which it echoes and stores (recorded: correlation-id-not-uuid*.json).
        this.correlationIdReplaced = sent && !CorrelationIds.isValid(cid);
        this.correlationId = sent && !correlationIdReplaced ? cid : UUID.randomUUID().toString().replace("-", "");
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return params;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /** The request body as JSON; an empty body is an empty object, malformed JSON is null. */
    JsonNode jsonBody() throws IOException {
        byte[] bytes = http.getRequestBody().readAllBytes();
        if (bytes.length == 0) return JSON.createObjectNode();
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    /** The absolute base for {@code next}/{@code previous} links: scheme and Host of the request. */
    String origin() {
        String host = header("Host");
        if (host == null) host = http.getLocalAddress().getHostString() + ":" + http.getLocalAddress().getPort();
        return "http://" + host;
    }

    void sendJson(int status, Object body) throws IOException {
        send(status, "application/json", JSON.writeValueAsBytes(body), Map.of());
    }

    void sendJson(int status, Object body, Map<String, String> extraHeaders) throws IOException {
        send(status, "application/json", JSON.writeValueAsBytes(body), extraHeaders);
    }

    void send(int status, String contentType, byte[] body, Map<String, String> extraHeaders) throws IOException {
        var headers = http.getResponseHeaders();
        headers.set("Content-Type", contentType);
        if (allow != null) headers.set("Allow", allow);
        headers.set("Correlation-ID", correlationId);
        headers.set("Vary", "Accept");
        // pulpcore-api runs gunicorn's SyncWorker (pulpcore/app/entrypoint.py PulpApiWorker), which
        // closes the connection after every answer. Saying so also keeps pooling clients from
        // reusing a connection the JDK server has dropped (they would read no bytes at all).
        headers.set("Connection", "close");
        extraHeaders.forEach(headers::add);
        // The JDK server closes a keep-alive connection after the answer when the request body was
        // not read to the end; a pooling client may then reuse it and read nothing. Drain it first.
        http.getRequestBody().readAllBytes();
        byte[] payload = truncateBody ? java.util.Arrays.copyOf(body, body.length / 2) : body;
        boolean noBody = status == 204 || method.equals("HEAD");
        http.sendResponseHeaders(status, noBody ? -1 : payload.length);
        String raw = http.getRequestURI().getRawQuery();
        log.access(accessLogId != null ? accessLogId : correlationId, method, path + (raw == null ? "" : "?" + raw), status,
                noBody ? 0 : payload.length, header("User-Agent"));
        if (!noBody) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(payload);
            }
        }
        http.close();
    }

    /**
     * Drops the connection without any answer. {@code HttpExchange.close()} before
     * {@code sendResponseHeaders} closes the socket, so the client reads end-of-stream (an
     * IOException) rather than a status line.
     */
    void dropConnection() {
        http.close();
    }

    /** Django's HTML 404 page, as Pulp answers for a path no view matches. */
    void sendNotFoundPage() throws IOException {
        allow = null;
        String html = "\n<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n"
                + "  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n";
        send(404, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}

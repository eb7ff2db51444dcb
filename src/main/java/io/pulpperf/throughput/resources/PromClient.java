package io.pulpperf.throughput.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.pulp.AuthHeaders;
import io.pulpperf.throughput.pulp.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * Prometheus's HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}) over the JDK's
 * HttpClient, with the same TLS rules as the Pulp client. One request at a time, each bounded by
 * the settings' timeout; nothing is retried (the caller decides what a failure means). Every text
 * from the server is scrubbed of the credentials before it goes into a message.
 */
public final class PromClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_TEXT = 300;

    private final PromSettings settings;
    private final HttpClient http;
    private final List<String> secrets;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    public PromClient(PromSettings settings) {
        this.settings = settings;
        // HTTP/1.1: no h2c upgrade dance on plain http, which some proxies in front of Thanos reject.
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        SSLContext ssl = TlsContexts.of(settings.tls());
        if (ssl != null) b.sslContext(ssl);
        this.http = b.build();
        List<String> s = new ArrayList<>(settings.secrets());
        if (settings.password() != null) {
            s.add(basic());
            s.add(basic().substring("Basic ".length()));  // as a server may quote it
        }
        this.secrets = s.stream().filter(v -> v != null && !v.isBlank()).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Requests sent so far and the time they took, for the report's cost line. */
    public long requests() {
        return requests.get();
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }

    /**
     * The global scrape_interval of Prometheus's own configuration ({@code /api/v1/status/config}),
     * or empty where it is not answered (Thanos, Mimir, a proxy) or not readable.
     */
    public java.util.Optional<Duration> configuredScrapeInterval() {
        String interval = configuration().path("global").path("scrape_interval").asText("");
        try {
            return interval.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(io.pulpperf.throughput.config.Durations.parse(interval));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The scrape_timeout of each job in Prometheus's own configuration, by job name; empty where the
     * configuration is not answered. Tells a slow target from a dead one (issue 21).
     */
    public Map<String, Duration> scrapeTimeouts() {
        Map<String, Duration> out = new LinkedHashMap<>();
        try {
            for (JsonNode job : configuration().path("scrape_configs")) {
                String timeout = job.path("scrape_timeout").asText("");
                if (!timeout.isEmpty()) out.put(job.path("job_name").asText(), io.pulpperf.throughput.config.Durations.parse(timeout));
            }
            return out;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** Prometheus's own configuration ({@code /api/v1/status/config}) as a tree; a missing node where it is not answered or readable. */
    private JsonNode configuration() {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(settings.url() + "/api/v1/status/config")).timeout(settings.timeout()).GET();
            settings.headers().forEach(req::header);
            if (settings.token() != null) req.header("Authorization", "Bearer " + settings.token());
            else if (settings.password() != null) req.header("Authorization", basic());
            requests.incrementAndGet();
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            String yaml = JSON.readTree(r.body()).path("data").path("yaml").asText("");
            JsonNode tree = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
            return tree == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : tree;
        } catch (IOException | RuntimeException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** An instant query at now. */
    public List<PromSeries> instant(String expr) {
        return query("/api/v1/query", Map.of("query", expr));
    }

    /** A range query; Prometheus aligns nothing, so the samples fall at start + k * step. */
    public List<PromSeries> range(String expr, Instant start, Instant end, Duration step) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", expr);
        params.put("start", seconds(start));
        params.put("end", seconds(end));
        params.put("step", String.format(java.util.Locale.ROOT, "%.3f", step.toMillis() / 1000.0));
        return query("/api/v1/query_range", params);
    }

    private List<PromSeries> query(String path, Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        URI uri = URI.create(settings.url() + path + "?" + q);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET().header("Accept", "application/json");
        settings.headers().forEach(req::header);
        if (settings.token() != null) req.header("Authorization", "Bearer " + settings.token());
        else if (settings.password() != null) req.header("Authorization", basic());
        long t0 = System.nanoTime();
        HttpResponse<String> response;
        try {
            requests.incrementAndGet();
            response = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PromException(PromException.Kind.UNREACHABLE, "no answer from Prometheus at " + settings.safeUrl() + ": " + scrub(String.valueOf(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PromException(PromException.Kind.UNREACHABLE, "interrupted while querying Prometheus at " + settings.safeUrl());
        } finally {
            nanos.addAndGet(System.nanoTime() - t0);
        }
        return parse(response);
    }

    private List<PromSeries> parse(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status == 401 || status == 403) {
            throw new PromException(PromException.Kind.REFUSED, "Prometheus at " + settings.safeUrl() + " refused the credentials (HTTP " + status
                    + ", " + authKind() + "): " + excerpt(body));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.has("status")) {
            throw new PromException(PromException.Kind.FAILED, "Prometheus at " + settings.safeUrl() + " answered HTTP " + status
                    + " with a body that is not its API's JSON: " + excerpt(body));
        }
        if (!"success".equals(root.path("status").asText())) {
            String type = root.path("errorType").asText("");
            String error = root.path("error").asText("");
            boolean bad = (status == 400 || status == 422) && (type.equals("bad_data") || type.equals("execution"));
            throw new PromException(bad ? PromException.Kind.BAD_QUERY : PromException.Kind.FAILED,
                    "HTTP " + status + " " + type + ": " + excerpt(error));
        }
        return series(root.path("data"));
    }

    private static List<PromSeries> series(JsonNode data) {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        List<PromSeries> out = new ArrayList<>();
        if (type.equals("scalar")) {
            out.add(new PromSeries(Map.of(), new long[] {millis(result.get(0))}, new double[] {value(result.get(1))}));
            return out;
        }
        for (JsonNode s : result) {
            Map<String, String> labels = new LinkedHashMap<>();
            s.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            JsonNode points = s.has("values") ? s.path("values") : JSON.createArrayNode().add(s.path("value"));
            long[] t = new long[points.size()];
            double[] v = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                t[i] = millis(points.get(i).get(0));
                v[i] = value(points.get(i).get(1));
            }
            out.add(new PromSeries(labels, t, v));
        }
        return out;
    }

    private static long millis(JsonNode seconds) {
        return Math.round(seconds.asDouble() * 1000);
    }

    private static double value(JsonNode text) {
        String s = text.asText();
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static String seconds(Instant t) {
        return String.format(java.util.Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
    }

    private String authKind() {
        return settings.token() != null ? "bearer token" : settings.password() != null ? "basic auth as " + settings.username() : "no credentials given";
    }

    private String basic() {
        return AuthHeaders.basicValue(settings.username(), settings.password());
    }

    private String excerpt(String text) {
        String one = scrub(text).replaceAll("\\s+", " ").trim();
        return one.length() <= MAX_ERROR_TEXT ? one : one.substring(0, MAX_ERROR_TEXT) + "…";
    }

    /** The text with every credential replaced by ***. */
    public String scrub(String text) {
        return text == null ? "" : AuthHeaders.scrub(text, secrets);
    }
}

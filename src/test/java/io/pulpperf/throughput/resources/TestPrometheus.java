package io.pulpperf.throughput.resources;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The Prometheus of .ci/prometheus.sh: URL and scrape interval from PULP_TEST_PROMETHEUS_URL and
 * PULP_TEST_PROMETHEUS_SCRAPE_INTERVAL; PULP_REQUIRE_PROMETHEUS_TESTS=true makes its absence a failure.
 */
public final class TestPrometheus {
    public static final String REQUIRE_ENV = "PULP_REQUIRE_PROMETHEUS_TESTS";
    public final String url;
    public final Duration scrapeInterval;
    public final boolean required;

    private TestPrometheus(String url, Duration scrapeInterval, boolean required) {
        this.url = url;
        this.scrapeInterval = scrapeInterval;
        this.required = required;
    }

    public static TestPrometheus fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new TestPrometheus(env.getOrDefault("PULP_TEST_PROMETHEUS_URL", "http://127.0.0.1:9090"),
                io.pulpperf.throughput.config.Durations.parse(env.getOrDefault("PULP_TEST_PROMETHEUS_SCRAPE_INTERVAL", "1s")),
                "true".equals(env.get(REQUIRE_ENV)));
    }

    /** Why it cannot be used, or null when /-/ready answers 200 within 3 s. */
    public String unavailableReason() {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? null : "/-/ready answered " + r.statusCode();
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /**
     * The second Prometheus of .ci/prometheus.sh, which asks for basic auth (--web.config.file):
     * PULP_TEST_PROMETHEUS_GUARDED_URL, _USERNAME and _PASSWORD; null when not started.
     */
    public record Guarded(String url, String username, String password) {
        public static Guarded fromEnvironment() {
            Map<String, String> env = System.getenv();
            String url = env.get("PULP_TEST_PROMETHEUS_GUARDED_URL");
            return url == null ? null : new Guarded(url, env.get("PULP_TEST_PROMETHEUS_GUARDED_USERNAME"),
                    env.get("PULP_TEST_PROMETHEUS_GUARDED_PASSWORD"));
        }

        /** Settings for it with the given credentials (any may be null). */
        public PromSettings settings(String token, String username, String password) {
            return new PromSettings(URI.create(url), token, username, password, Map.of(),
                    io.pulpperf.throughput.config.TlsSettings.defaults(), Duration.ofSeconds(1), Duration.ofSeconds(10));
        }
    }

    /** Settings for this Prometheus, no credentials. */
    public PromSettings settings() {
        return new PromSettings(URI.create(url), null, null, null, Map.of(), io.pulpperf.throughput.config.TlsSettings.defaults(),
                scrapeInterval, Duration.ofSeconds(10));
    }
}

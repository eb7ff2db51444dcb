package io.pulpperf.throughput.resources;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The Prometheus of .ci/prometheus.sh, and only that one (issue 21): the one PULP_TEST_PROMETHEUS_URL
 * names, or else the one whose marker .ci/prometheus.sh left in its state directory, when that
 * server's own configuration carries the marker's token. A Prometheus that merely listens on 9090
 * is someone else's and is never used. PULP_REQUIRE_PROMETHEUS_TESTS=true makes its absence a failure.
 */
public final class TestPrometheus {
    public static final String REQUIRE_ENV = "PULP_REQUIRE_PROMETHEUS_TESTS";
    public static final String URL_ENV = "PULP_TEST_PROMETHEUS_URL";
    static final String DEFAULT_STATE = "/tmp/pulp-prom";
    /** Null when none was found; then {@link #notFound} says why. */
    public final String url;
    public final Duration scrapeInterval;
    public final boolean required;
    /** .ci/prometheus.sh's state directory (its file_sd targets live there), or null when unknown. */
    public final Path state;
    private final String notFound;

    private TestPrometheus(String url, Duration scrapeInterval, boolean required, Path state, String notFound) {
        this.url = url;
        this.scrapeInterval = scrapeInterval;
        this.required = required;
        this.state = state;
        this.notFound = notFound;
    }

    public static TestPrometheus fromEnvironment() {
        return from(System.getenv());
    }

    static TestPrometheus from(Map<String, String> env) {
        Duration scrape = io.pulpperf.throughput.config.Durations.parse(env.getOrDefault("PULP_TEST_PROMETHEUS_SCRAPE_INTERVAL", "1s"));
        boolean required = "true".equals(env.get(REQUIRE_ENV));
        String stateEnv = env.getOrDefault("PULP_TEST_PROMETHEUS_STATE", env.get("PULP_PROM_STATE"));
        Path state = Path.of(stateEnv != null ? stateEnv : DEFAULT_STATE);
        String named = env.get(URL_ENV);
        if (named != null && !named.isBlank()) {
            return new TestPrometheus(named, scrape, required, Files.isDirectory(state) ? state : null, null);
        }
        CiMarker.Found found = CiMarker.find(state.resolve(CiMarker.FILE));
        return found.url() != null ? new TestPrometheus(found.url(), scrape, required, state, null)
                : new TestPrometheus(null, scrape, required, null, URL_ENV + " is unset and " + found.why());
    }

    /** Why it cannot be used, or null when it is ours and /-/ready answers 200 within 3 s. */
    public String unavailableReason() {
        if (url == null) return notFound;
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

    /** Settings for this Prometheus, no credentials; fails with the reason when none of ours was found. */
    public PromSettings settings() {
        if (url == null) throw new IllegalStateException(REQUIRE_ENV + "=true but no test Prometheus: " + notFound);
        return new PromSettings(URI.create(url), null, null, null, Map.of(), io.pulpperf.throughput.config.TlsSettings.defaults(),
                scrapeInterval, Duration.ofSeconds(10));
    }
}

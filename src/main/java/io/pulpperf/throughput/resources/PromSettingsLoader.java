package io.pulpperf.throughput.resources;

import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.config.HeaderSpec;
import io.pulpperf.throughput.config.Durations;
import io.pulpperf.throughput.config.TlsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code pulp.prometheus.*}: url (none = no resource figures), token / PULP_PROMETHEUS_TOKEN,
 * username and password / PULP_PROMETHEUS_USERNAME and _PASSWORD, headers / PULP_PROMETHEUS_HEADERS,
 * tls.caBundle, tls.insecure, scrapeInterval, timeout. Secrets are never part of a message.
 */
public final class PromSettingsLoader {
    public static final String URL = "pulp.prometheus.url";
    public static final String TOKEN = "pulp.prometheus.token";
    public static final String USERNAME = "pulp.prometheus.username";
    public static final String PASSWORD = "pulp.prometheus.password";
    public static final String HEADERS = "pulp.prometheus.headers";
    public static final String CA_BUNDLE = "pulp.prometheus.tls.caBundle";
    public static final String INSECURE = "pulp.prometheus.tls.insecure";
    public static final String SCRAPE_INTERVAL = "pulp.prometheus.scrapeInterval";
    public static final String TIMEOUT = "pulp.prometheus.timeout";

    private PromSettingsLoader() {}

    public static Optional<PromSettings> load(Map<String, String> props, Map<String, String> env, Path baseDir) {
        String url = props.get(URL);
        if (url == null || url.isBlank()) return Optional.empty();
        URI uri;
        try {
            uri = new URI(url.trim().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getUserInfo() != null || uri.getQuery() != null) {
            throw new ConfigException("-D" + URL + " must be an http(s) URL without credentials or query, such as http://127.0.0.1:9090 or "
                    + "https://thanos-querier.openshift-monitoring.svc:9091 (credentials go in -D" + TOKEN + " or -D" + USERNAME + "/" + PASSWORD + ")");
        }
        String token = blankToNull(props.getOrDefault(TOKEN, env.get("PULP_PROMETHEUS_TOKEN")));
        String username = blankToNull(props.getOrDefault(USERNAME, env.get("PULP_PROMETHEUS_USERNAME")));
        String password = blankToNull(props.getOrDefault(PASSWORD, env.get("PULP_PROMETHEUS_PASSWORD")));
        if (token != null && password != null) {
            throw new ConfigException("Give Prometheus either a bearer token (-D" + TOKEN + " or PULP_PROMETHEUS_TOKEN) or a user and password, not both");
        }
        if (password != null && username == null) {
            throw new ConfigException("-D" + PASSWORD + " (or PULP_PROMETHEUS_PASSWORD) needs -D" + USERNAME + " (or PULP_PROMETHEUS_USERNAME)");
        }
        Map<String, String> headers = HeaderSpec.parse(props.getOrDefault(HEADERS, env.getOrDefault("PULP_PROMETHEUS_HEADERS", "")),
                "-D" + HEADERS + " (or PULP_PROMETHEUS_HEADERS)");
        String insecure = props.getOrDefault(INSECURE, "false");
        if (!insecure.equals("true") && !insecure.equals("false")) {
            throw new ConfigException("-D" + INSECURE + " must be 'true' or 'false', was '" + insecure + "'");
        }
        Path ca = null;
        String caText = props.get(CA_BUNDLE);
        if (caText != null && !caText.isBlank()) {
            ca = baseDir.resolve(caText.trim());
            if (!Files.isReadable(ca)) throw new ConfigException("-D" + CA_BUNDLE + " names " + ca + ", which is not a readable file");
        }
        return Optional.of(new PromSettings(uri, token, username, password, headers, new TlsSettings(ca, null, null, Boolean.parseBoolean(insecure)),
                duration(SCRAPE_INTERVAL, props.get(SCRAPE_INTERVAL), null),
                duration(TIMEOUT, props.get(TIMEOUT), Duration.ofSeconds(30))));
    }

    private static Duration duration(String key, String text, Duration fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            Duration d = Durations.parse(text);
            if (d.toMillis() >= 100) return d;
        } catch (IllegalArgumentException ignored) {
            // falls through to the error
        }
        throw new ConfigException("-D" + key + " must be a duration of at least 100ms such as 1s, 15s or 1m, was '" + text + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

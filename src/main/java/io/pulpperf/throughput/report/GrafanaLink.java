package io.pulpperf.throughput.report;

import io.pulpperf.throughput.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code -Dpulp.grafana.url}: a dashboard or Explore URL that each scenario's Allure result links
 * to, with {@code from}/{@code to} set to the scenario's window in epoch milliseconds (Grafana's own
 * time-range parameters), so one click shows the dashboards for exactly that run. An Explore URL
 * of Grafana 10+ ({@code explore?schemaVersion=1&panes={...}}, as the test plan's own) keeps its
 * range inside each pane ({@code "range":{"from":"now-30m","to":"now"}}), which wins over the
 * top-level parameters: every pane's range is set to the window too (issue 26).
 */
public final class GrafanaLink {
    public static final String PROPERTY = "pulp.grafana.url";
    /** An Explore URL of Pulp's logs, linked beside the log observer's figures (issue 26). */
    public static final String LOGS_PROPERTY = "pulp.logs.grafanaUrl";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;

    private GrafanaLink(String base) {
        this.base = base;
    }

    public static Optional<GrafanaLink> fromSystem() {
        return of(System.getProperty(PROPERTY));
    }

    public static Optional<GrafanaLink> of(String url) {
        return of(PROPERTY, url);
    }

    /** @param property the property it came from, for the message */
    public static Optional<GrafanaLink> of(String property, String url) {
        if (url == null || url.isBlank()) return Optional.empty();
        try {
            URI u = new URI(url.trim());
            if (u.getHost() != null && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) return Optional.of(new GrafanaLink(url.trim()));
        } catch (URISyntaxException ignored) {
            // falls through to the error
        }
        throw new ConfigException("-D" + property + " must be an http(s) URL of a Grafana dashboard or Explore view, e.g. "
                + "https://grafana.example/d/pulp/pulp?orgId=1, was '" + url + "'");
    }

    /**
     * Explore's panes (URL-encoded JSON, pane id to pane) with each pane's range set to the window
     * in epoch milliseconds, the form Grafana writes for an absolute range. Left as it was when it
     * is not such JSON: the top-level from/to still apply.
     */
    static String panes(String encoded, Instant from, Instant to) {
        try {
            JsonNode root = JSON.readTree(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
            if (!root.isObject()) return encoded;
            root.fields().forEachRemaining(pane -> {
                if (pane.getValue().isObject()) {
                    ObjectNode range = ((ObjectNode) pane.getValue()).putObject("range");
                    range.put("from", Long.toString(from.toEpochMilli()));
                    range.put("to", Long.toString(to.toEpochMilli()));
                }
            });
            return URLEncoder.encode(JSON.writeValueAsString(root), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            return encoded;
        }
    }

    /** The URL with from= and to= (replacing any already there) set to the window, epoch milliseconds. */
    public String url(Instant from, Instant to) {
        int hash = base.indexOf('#');
        String head = hash < 0 ? base : base.substring(0, hash);
        String fragment = hash < 0 ? "" : base.substring(hash);
        int q = head.indexOf('?');
        String path = q < 0 ? head : head.substring(0, q);
        String kept = q < 0 ? "" : Arrays.stream(head.substring(q + 1).split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("from=") && !p.startsWith("to="))
                .map(p -> p.startsWith("panes=") ? "panes=" + panes(p.substring("panes=".length()), from, to) : p)
                .collect(Collectors.joining("&"));
        return path + "?" + (kept.isEmpty() ? "" : kept + "&") + "from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli() + fragment;
    }
}

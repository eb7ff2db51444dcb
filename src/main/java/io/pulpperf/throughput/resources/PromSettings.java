package io.pulpperf.throughput.resources;

import io.pulpperf.throughput.config.TlsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where and how to query Prometheus (or Thanos, Mimir, AMP, VictoriaMetrics: anything with the
 * {@code /api/v1/query} HTTP API). Holds secrets: {@code toString} names none of them.
 *
 * @param url            base URL; queries go to {url}/api/v1/query and /api/v1/query_range
 * @param token          bearer token, or null
 * @param username       basic-auth user, or null
 * @param password       basic-auth password, or null
 * @param headers        extra headers (their values are treated as secrets)
 * @param tls            CA bundle and insecure flag, as for the Pulp client
 * @param scrapeInterval the targets' scrape interval: the window is widened by one on each side; null = ask
 *                       Prometheus's /api/v1/status/config (Thanos and Mimir do not answer it: then 15 s)
 * @param timeout        bound on each request
 */
public record PromSettings(URI url, String token, String username, String password, Map<String, String> headers,
                           TlsSettings tls, Duration scrapeInterval, Duration timeout) {
    public PromSettings {
        headers = Map.copyOf(headers);
    }

    /** Every secret value, for scrubbing text a server sends back. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        if (token != null) out.add(token);
        if (password != null) out.add(password);
        out.addAll(headers.values());
        return out;
    }

    /** The URL without user info or query (which could carry a secret). */
    public String safeUrl() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + (url.getPath() == null ? "" : url.getPath());
    }

    @Override
    public String toString() {
        return "PromSettings[url=" + safeUrl() + ", auth=" + (token != null ? "bearer" : password != null ? "basic as " + username : "none")
                + ", headers=" + headers.keySet() + ", tls=" + tls + ", scrapeInterval=" + scrapeInterval + ", timeout=" + timeout + "]";
    }
}

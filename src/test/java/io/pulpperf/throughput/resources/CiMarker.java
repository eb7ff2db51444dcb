package io.pulpperf.throughput.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The marker .ci/prometheus.sh writes (url=, token=) and puts into its Prometheus's configuration
 * as an external label: a server whose /api/v1/status/config carries the token is the one the script
 * started, not another Prometheus that happens to listen on the same port.
 */
final class CiMarker {
    static final String FILE = "marker";

    /** @param url the proven server's URL, or null; @param why why none was proven */
    record Found(String url, String why) {}

    private CiMarker() {}

    static Found find(Path marker) {
        if (!Files.isRegularFile(marker)) return new Found(null, "no marker of .ci/prometheus.sh at " + marker);
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(marker)) {
            p.load(in);
        } catch (IOException e) {
            return new Found(null, "the marker " + marker + " is unreadable: " + e.getMessage());
        }
        String url = p.getProperty("url");
        String token = p.getProperty("token");
        if (url == null || token == null || token.length() < 16) return new Found(null, "the marker " + marker + " lacks url= or token=");
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/api/v1/status/config")).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return new Found(null, url + " (from " + marker + ") answered " + r.statusCode() + " for its config");
            String yaml = new ObjectMapper().readTree(r.body()).path("data").path("yaml").asText("");
            return yaml.contains(token) ? new Found(url, null)
                    : new Found(null, "the Prometheus at " + url + " is not the one .ci/prometheus.sh started (its config lacks the marker of "
                            + marker + ")");
        } catch (IOException | RuntimeException e) {
            return new Found(null, "the Prometheus of the marker " + marker + " at " + url + " does not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Found(null, "interrupted");
        }
    }
}

package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Prometheus the self-tests read (issue 21): never one they cannot prove is theirs. */
@DisplayName("the self-tests' Prometheus")
class TestPrometheusTest {
    private static final String TOKEN = "a1b2c3d4e5f6a7b8c9d0";
    @TempDir
    Path state;
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    /** A server that answers /-/ready and /api/v1/status/config with the given YAML. */
    private String serve(String yaml) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = ex.getRequestURI().getPath().equals("/api/v1/status/config")
                    ? "{\"status\":\"success\",\"data\":{\"yaml\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(yaml) + "}}"
                    : "Prometheus Server is Ready.";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void marker(String url) throws IOException {
        Files.writeString(state.resolve("marker"), "url=" + url + "\ntoken=" + TOKEN + "\n");
    }

    @Test
    @DisplayName("without the variable or a marker, a Prometheus that answers is not used: the tests skip with the reason")
    void unrelatedServerIsNotUsed() throws IOException {
        serve("global:\n  scrape_interval: 15s\n");
        TestPrometheus p = TestPrometheus.from(Map.of("PULP_TEST_PROMETHEUS_STATE", state.toString()));
        assertThat(p.url).isNull();
        assertThat(p.unavailableReason()).contains("PULP_TEST_PROMETHEUS_URL is unset").contains("no marker of .ci/prometheus.sh");
    }

    @Test
    @DisplayName("a marker pointing at a server whose config lacks its token is not ours")
    void markerOfAnotherServer() throws IOException {
        marker(serve("global:\n  scrape_interval: 15s\n  external_labels:\n    pulp_selftest_marker: someone-else\n"));
        TestPrometheus p = TestPrometheus.from(Map.of("PULP_TEST_PROMETHEUS_STATE", state.toString()));
        assertThat(p.url).isNull();
        assertThat(p.unavailableReason()).contains("is not the one .ci/prometheus.sh started");
    }

    @Test
    @DisplayName("a marker whose token the server's config carries is ours, state directory included")
    void markerProven() throws IOException {
        String url = serve("global:\n  scrape_interval: 1s\n  external_labels:\n    pulp_selftest_marker: " + TOKEN + "\n");
        marker(url);
        TestPrometheus p = TestPrometheus.from(Map.of("PULP_TEST_PROMETHEUS_STATE", state.toString()));
        assertThat(p.url).isEqualTo(url);
        assertThat(p.state).isEqualTo(state);
        assertThat(p.unavailableReason()).isNull();
    }

    @Test
    @DisplayName("the variable names the server: it is used as named")
    void variableNamesIt() throws IOException {
        String url = serve("global: {}\n");
        TestPrometheus p = TestPrometheus.from(Map.of("PULP_TEST_PROMETHEUS_URL", url, "PULP_TEST_PROMETHEUS_STATE", state.toString()));
        assertThat(p.url).isEqualTo(url);
        assertThat(p.unavailableReason()).isNull();
    }
}

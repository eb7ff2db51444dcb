package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A node exporter of a test's own, listed in .ci/prometheus.sh's {@code selftest} file_sd job under
 * a label of its own, so pausing it (SIGSTOP) makes holes in no series but the test's. Closing it
 * resumes, stops and unlists it; the shared exporters are never touched.
 */
final class OwnExporter implements AutoCloseable {
    final String id;
    final int port;
    private final Process process;
    private final Path target;

    private OwnExporter(String id, int port, Process process, Path target) {
        this.id = id;
        this.port = port;
        this.process = process;
        this.target = target;
    }

    /** Started and listed; skipped (or failed, when required) without the script's file_sd directory. */
    static OwnExporter start(TestPrometheus prom, String prefix) throws IOException {
        Path fileSd = prom.state == null ? null : prom.state.resolve("file-sd");
        if (fileSd == null || !Files.isDirectory(fileSd)) {
            Assumptions.assumeTrue(prom.required, "no file_sd directory of .ci/prometheus.sh (" + fileSd + "): restart it with this version");
            throw new AssertionError(TestPrometheus.REQUIRE_ENV + "=true but .ci/prometheus.sh's file_sd directory is missing: " + fileSd);
        }
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        Process p = new ProcessBuilder("prometheus-node-exporter", "--web.listen-address=127.0.0.1:" + port, "--collector.disable-defaults",
                "--collector.time").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path target = fileSd.resolve(id + ".json");
        Path tmp = fileSd.resolve("." + id + ".tmp");
        Files.writeString(tmp, "[{\"targets\":[\"127.0.0.1:" + port + "\"],\"labels\":{\"selftest\":\"" + id + "\"}}]");
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return new OwnExporter(id, port, p, target);
    }

    /** Its series' matchers: {job="selftest",selftest="..."}. */
    String selector() {
        return "{job=\"selftest\",selftest=\"" + id + "\"}";
    }

    String instance() {
        return "127.0.0.1:" + port;
    }

    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** Bounded: 30 s for the file_sd list to be read and the exporter scraped up twice in a row. */
    void awaitUp(PromClient client) throws InterruptedException {
        awaitUp(client, 1, "up");
    }

    /** Bounded: 30 s until Prometheus has recorded a failed scrape of it (up 0), so its series are stale from then. */
    void awaitDown(PromClient client) throws InterruptedException {
        awaitUp(client, 0, "down");
    }

    private void awaitUp(PromClient client, double wanted, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            Instant now = Instant.now();
            List<PromSeries> up = client.range("up" + selector(), now.minusSeconds(2), now, Duration.ofSeconds(1));
            if (!up.isEmpty() && up.get(0).size() >= 2 && up.get(0).values()[up.get(0).size() - 1] == wanted
                    && up.get(0).values()[up.get(0).size() - 2] == wanted) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the test's exporter " + instance() + " was not scraped " + what + " within 30 s (up" + selector()
                + "): does .ci/prometheus.sh's config have the selftest file_sd job?");
    }

    private void signal(String sig) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + sig, String.valueOf(process.pid())).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).as("kill -" + sig + " returned").isTrue();
    }

    @Override
    public void close() throws Exception {
        try {
            signal("CONT");  // a stopped process would hold SIGTERM until resumed
        } finally {
            try {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
            } finally {
                Files.deleteIfExists(target);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

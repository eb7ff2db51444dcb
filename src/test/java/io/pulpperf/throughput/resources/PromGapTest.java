package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Coverage and gaps on the real Prometheus of .ci/prometheus.sh (issue 21): the test starts a node
 * exporter of its own, adds it to the script's file_sd target list, pauses it (SIGSTOP) for six of
 * the window's eighteen seconds, and reads the window through the observer as a scenario would.
 * Nothing shared is paused; the exporter is resumed, stopped and unlisted whatever happens.
 */
@RequiresPrometheus
@DisplayName("coverage and gaps on a real Prometheus with a paused exporter")
class PromGapTest {
    private static final Duration PHASE = Duration.ofSeconds(6);
    private Process exporter;
    private Path target;

    @AfterEach
    void cleanUp() throws Exception {
        if (exporter != null) {
            signal("CONT");
            exporter.destroy();
            if (!exporter.waitFor(10, TimeUnit.SECONDS)) exporter.destroyForcibly();
        }
        if (target != null) Files.deleteIfExists(target);
    }

    @Test
    @DisplayName("a series whose exporter was paused for 6 s of 18 is partial, with the gap's times and the target's down time")
    void pausedExporterLeavesAPartialSeries() throws Exception {
        TestPrometheus prom = TestPrometheus.fromEnvironment();
        PromSettings settings = prom.settings();  // with PULP_REQUIRE_PROMETHEUS_TESTS and none of ours: fails here, saying why
        Path fileSd = prom.state == null ? null : prom.state.resolve("file-sd");
        if (fileSd == null || !Files.isDirectory(fileSd)) {
            Assumptions.assumeTrue(prom.required, "no file_sd directory of .ci/prometheus.sh (" + fileSd + "): restart it with this version");
            throw new AssertionError(TestPrometheus.REQUIRE_ENV + "=true but .ci/prometheus.sh's file_sd directory is missing: " + fileSd);
        }
        String id = "gap-" + UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        exporter = new ProcessBuilder("prometheus-node-exporter", "--web.listen-address=127.0.0.1:" + port, "--collector.disable-defaults",
                "--collector.time").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        target = fileSd.resolve(id + ".json");
        Path tmp = fileSd.resolve("." + id + ".tmp");
        Files.writeString(tmp, "[{\"targets\":[\"127.0.0.1:" + port + "\"],\"labels\":{\"selftest\":\"" + id + "\"}}]");
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);

        String selector = "{job=\"selftest\",selftest=\"" + id + "\"}";
        PromClient client = new PromClient(settings);
        awaitUp(client, "up" + selector);

        Instant start = Instant.now();
        Thread.sleep(PHASE.toMillis());
        Instant paused = Instant.now();
        signal("STOP");
        Thread.sleep(PHASE.toMillis());
        signal("CONT");
        Instant resumed = Instant.now();
        Thread.sleep(PHASE.toMillis());
        Instant end = Instant.now();

        ResourcesConfig config = new ResourcesConfig("test", List.of(), List.of(new ResourceQuery("exporter clock",
                "node_time_seconds" + selector, ResourceUnit.COUNT, ResourceRole.DATABASE, null, null, "file")), Map.of(), Map.of());
        PromObserver observer = new PromObserver(settings, config);
        Observed o = observer.start("gap", Duration.ofMinutes(1)).stop(new ScenarioWindow(start, end, start, end));

        double pausedAt = Duration.between(start, paused).toMillis() / 1000.0;
        double resumedAt = Duration.between(start, resumed).toMillis() / 1000.0;
        System.out.println("paused at +" + pausedAt + " s, resumed at +" + resumedAt + " s: " + o.observation() + " | notes " + o.figures().get("notes"));
        ResourceStats s = (ResourceStats) ((List<?>) o.figures().get("series")).get(0);
        // 6 s of 18 paused: about a third missing; scrapes in flight at the edges move it by a second or two.
        assertThat(s.coverage()).as("coverage").isBetween(0.45, 0.85);
        assertThat(s.partial()).isTrue();
        assertThat(s.gaps()).as("gaps").singleElement().satisfies(g -> {
            assertThat(g.from()).as("gap start").isCloseTo(pausedAt + 1, within(2.0));
            assertThat(g.to()).as("gap end").isCloseTo(resumedAt, within(2.0));
        });
        assertThat(o.observation()).contains("exporter clock peak").contains("(partial: ");
        assertThat(o.figures().get("notes")).asList().singleElement().asString()
                .startsWith("series 'exporter clock' partial: ")
                .contains("target 127.0.0.1:" + port + " (job selftest) down from +")
                .containsPattern("its scrapes took up to 1\\.0\\d s \\(scrape timeout 1 s: scrapes ran into it\\)");
        String html = o.attachments().stream().filter(a -> a.name().equals("Resources peak, mean, p95")).findFirst().orElseThrow().content();
        assertThat(html).contains("exporter clock (partial)").containsPattern(">\\d+% partial<");
        String json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().writeValueAsString(o.figures().get("series"));
        assertThat(json).contains("\"coverage\":").contains("\"gaps\":[{\"from\":");
    }

    private void signal(String sig) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + sig, String.valueOf(exporter.pid())).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).as("kill -" + sig + " returned").isTrue();
    }

    /** Bounded: 30 s for the file_sd list to be read and the exporter scraped up twice. */
    private static void awaitUp(PromClient client, String expr) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int i = 0; i < 300 && System.nanoTime() < end; i++) {
            Instant now = Instant.now();
            List<PromSeries> up = client.range(expr, now.minusSeconds(2), now, Duration.ofSeconds(1));
            if (!up.isEmpty() && up.get(0).size() >= 2 && up.get(0).values()[up.get(0).size() - 1] == 1) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the test's exporter was not scraped up within 30 s (" + expr + "): does .ci/prometheus.sh's config have the selftest file_sd job?");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

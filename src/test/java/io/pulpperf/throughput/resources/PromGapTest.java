package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Coverage and gaps on the real Prometheus of .ci/prometheus.sh (issue 21): the test starts a node
 * exporter of its own, adds it to the script's file_sd target list, pauses it (SIGSTOP) for six of
 * the window's eighteen seconds, and reads the window through the observer as a scenario would.
 * Nothing shared is paused; the exporter is resumed, stopped and unlisted whatever happens.
 */
@RequiresPrometheus
@DisplayName("coverage and gaps on a real Prometheus with a paused exporter")
@Execution(ExecutionMode.CONCURRENT)  // only waits, shares nothing: runs beside the other test classes (junit-platform.properties)
class PromGapTest {
    private static final Duration PHASE = Duration.ofSeconds(6);
    private OwnExporter exporter;

    @AfterEach
    void cleanUp() throws Exception {
        if (exporter != null) exporter.close();
    }

    @Test
    @DisplayName("a series whose exporter was paused for 6 s of 18 is partial, with the gap's times and the target's down time")
    void pausedExporterLeavesAPartialSeries() throws Exception {
        TestPrometheus prom = TestPrometheus.fromEnvironment();
        PromSettings settings = prom.settings();  // with PULP_REQUIRE_PROMETHEUS_TESTS and none of ours: fails here, saying why
        exporter = OwnExporter.start(prom, "gap");
        int port = exporter.port;
        String selector = exporter.selector();
        PromClient client = new PromClient(settings);
        exporter.awaitUp(client);

        Instant start = Instant.now();
        Thread.sleep(PHASE.toMillis());
        Instant paused = Instant.now();
        exporter.pause();
        Thread.sleep(PHASE.toMillis());
        exporter.resume();
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
}

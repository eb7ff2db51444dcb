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

        // Two series of the one exporter (it runs the time collector alone): one gap, one note (issue 27). The second, a
        // constant 0.5% wherever the exporter answered, is in percent, so it is a bottleneck candidate far from its limit.
        ResourcesConfig config = new ResourcesConfig("test", List.of(), List.of(new ResourceQuery("exporter clock",
                "node_time_seconds" + selector, ResourceUnit.COUNT, ResourceRole.DATABASE, null, null, "file"),
                new ResourceQuery("exporter constant", "node_time_seconds" + selector + " * 0 + 0.5", ResourceUnit.PERCENT, ResourceRole.DATABASE, null, null,
                        "file")),
                Map.of(), Map.of());
        PromObserver observer = new PromObserver(settings, config);
        // Two fleet holds: the whole window, and one inside the pause.
        ScenarioWindow.Hold whole = new ScenarioWindow.Hold("whole", start, end);
        ScenarioWindow.Hold inPause = new ScenarioWindow.Hold("in the pause", paused.plusSeconds(2), resumed.minusSeconds(1));
        Observed o = observer.start("gap", Duration.ofMinutes(1)).stop(new ScenarioWindow(start, end, start, end, List.of(whole, inPause)));

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
                .startsWith("target 127.0.0.1:" + port + " (job selftest) down from +")
                .containsPattern("its scrapes took up to 1\\.[01]\\d s \\(scrape timeout 1 s: scrapes ran into it\\): 2 series partial \\(\\d+(-\\d+)?% of samples\\): "
                        + "exporter clock, exporter constant$");
        // The one note is what results.md's Observations and the console say after the figures, once.
        String note = (String) ((List<?>) o.figures().get("notes")).get(0);
        assertThat(o.observation()).endsWith("; " + note);
        assertThat(o.console().split(java.util.regex.Pattern.quote(note), -1)).hasSize(2);
        // The fleet row of each hold (issue 27): the whole hold's peak says it rests on part of the hold and why; the hold
        // inside the pause names nothing and says it had no sample.
        String rows = io.pulpperf.throughput.report.FleetTable.csv(List.of(count(o, whole), count(o, inPause)), 0.8);
        System.out.println(rows);
        assertThat(rows.lines().skip(1).toList()).satisfiesExactly(
                wholeRow -> assertThat(wholeRow).containsPattern("none near its limit \\(highest: exporter constant 0\\.50% of 100%, partial: \\d+% of this hold; "
                        + "target 127\\.0\\.0\\.1:" + port + " \\(job selftest\\) down from \\+"),
                pausedRow -> assertThat(pausedRow).contains("no bottleneck named: no sample in this hold: exporter constant (target 127.0.0.1:" + port
                        + " (job selftest) down from +"));
        String html = o.attachments().stream().filter(a -> a.name().equals("Resources peak, mean, p95")).findFirst().orElseThrow().content();
        assertThat(html).contains("exporter clock (partial)").containsPattern(">\\d+% partial<");
        String json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().writeValueAsString(o.figures().get("series"));
        assertThat(json).contains("\"coverage\":").contains("\"gaps\":[{\"from\":");
    }

    private static io.pulpperf.throughput.run.FleetCount count(Observed o, ScenarioWindow.Hold h) {
        return new io.pulpperf.throughput.run.FleetCount(1, 1, 1, 1, null, null, null, 0, 0, 0.0, List.of(), 1, h.from(), h.to(),
                io.pulpperf.throughput.observe.HoldPeaks.of(List.of(o), h.from(), h.to()));
    }
}

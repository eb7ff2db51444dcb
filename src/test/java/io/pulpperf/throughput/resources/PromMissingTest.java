package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Missing series on the real Prometheus of .ci/prometheus.sh (issue 21): an exporter of the test's
 * own is paused (SIGSTOP) before the window and stays paused through it and its reading, so its
 * series has no sample at all, as the worker series had when process-exporter ran into its scrape
 * timeout. The series must be named missing, with its target down and its scrapes at the timeout.
 */
@RequiresPrometheus
@DisplayName("missing series on a real Prometheus with an exporter paused all window")
@Execution(ExecutionMode.CONCURRENT)  // only waits, shares nothing: runs beside the other test classes (junit-platform.properties)
class PromMissingTest {
    private static final Duration WINDOW = Duration.ofSeconds(8);
    private static final Duration LOOKBACK_PAST = Duration.ofSeconds(64);
    // "target 127.0.0.1:1234 (job selftest) down from +0.3 s to +8.3 s;"
    private static final Pattern DOWN = Pattern.compile("down from ([-+][\\d.]+) s to ([-+][\\d.]+) s(;|$)");
    private final List<OwnExporter> exporters = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (OwnExporter e : exporters) e.close();
    }

    @Test
    @DisplayName("a query answering nothing all window is missing, with its target down, whether the preflight found it or not")
    void emptyAnswerNamesTheDownTarget() throws Exception {
        TestPrometheus prom = TestPrometheus.fromEnvironment();
        PromSettings settings = prom.settings();
        OwnExporter e = own(prom, "missing");
        PromClient client = new PromClient(settings);
        e.awaitUp(client);
        // No job or instance in the answer: the targets must come from the raw metric.
        ResourcesConfig config = config(new ResourceQuery("exporter clock", "max(node_time_seconds" + e.selector() + ")",
                ResourceUnit.COUNT, ResourceRole.DATABASE, null, null, "file"));
        PromObserver preflighted = new PromObserver(settings, config);
        assertThat(preflighted.preflight()).doesNotContain("WARNING");
        PromObserver cold = new PromObserver(settings, config);  // no preflight: the query merely answered nothing

        ScenarioWindow w = pausedWindow(client, e);
        for (PromObserver observer : List.of(preflighted, cold)) {
            Observed o = observer.start("missing", Duration.ofMinutes(1)).stop(w);
            System.out.println(o.observation() + " | notes " + o.figures().get("notes"));
            ResourceStats s = (ResourceStats) ((List<?>) o.figures().get("series")).get(0);
            assertThat(s.name()).isEqualTo("exporter clock");
            assertThat(s.coverage()).isEqualTo(0.0);
            assertThat(s.samples()).isZero();
            assertThat(o.observation()).as("the line, then its gap note").isEqualTo("Resources: missing (no samples in the window): exporter clock; "
                + String.join("; ", ((List<?>) o.figures().get("notes")).stream().map(String::valueOf).toList()));
            String note = (String) ((List<?>) o.figures().get("notes")).get(0);
            assertThat(o.figures().get("notes")).asList().hasSize(1);
            assertThat(note).startsWith("series 'exporter clock' missing: 0% of the expected samples (0 of ");
            assertDownAllWindow(note, e);
        }
    }

    @Test
    @DisplayName("a series the preflight found but a window's answer lacks is named missing beside those it holds")
    void seriesDroppedFromAnAnswerIsNamed() throws Exception {
        TestPrometheus prom = TestPrometheus.fromEnvironment();
        PromSettings settings = prom.settings();
        OwnExporter kept = own(prom, "kept");
        OwnExporter lost = own(prom, "lost");
        PromClient client = new PromClient(settings);
        kept.awaitUp(client);
        lost.awaitUp(client);
        ResourcesConfig config = config(new ResourceQuery("clocks", "node_time_seconds{job=\"selftest\",selftest=~\"" + kept.id + "|" + lost.id
                + "\"}", ResourceUnit.COUNT, ResourceRole.DATABASE, null, "{selftest} clock", "file"));
        PromObserver observer = new PromObserver(settings, config);
        assertThat(observer.preflight()).doesNotContain("WARNING");

        Observed o = observer.start("dropped", Duration.ofMinutes(1)).stop(pausedWindow(client, lost));
        System.out.println(o.observation() + " | notes " + o.figures().get("notes"));
        List<?> series = (List<?>) o.figures().get("series");
        assertThat(series).extracting(x -> ((ResourceStats) x).name()).containsExactly(kept.id + " clock", lost.id + " clock");
        assertThat(((ResourceStats) series.get(0)).coverage()).isGreaterThanOrEqualTo(SeriesCoverage.PARTIAL_BELOW);
        assertThat(((ResourceStats) series.get(1)).coverage()).isEqualTo(0.0);
        assertThat(o.observation()).contains("missing (no samples in the window): " + lost.id + " clock");
        assertThat(o.figures().get("notes")).asList().hasSize(1);
        String note = (String) ((List<?>) o.figures().get("notes")).get(0);
        assertThat(note).startsWith("series '" + lost.id + " clock' missing: 0% of the expected samples (0 of ");
        assertDownAllWindow(note, lost);
    }

    @Test
    @DisplayName("a series missing since over a minute before the window finds its target where the preflight saw it")
    void longMissingSeriesFindsItsTargetAtThePreflight() throws Exception {
        TestPrometheus prom = TestPrometheus.fromEnvironment();
        PromSettings settings = prom.settings();
        OwnExporter e = own(prom, "long");
        PromClient client = new PromClient(settings);
        e.awaitUp(client);
        ResourcesConfig config = config(new ResourceQuery("exporter clock", "max(node_time_seconds" + e.selector() + ")",
                ResourceUnit.COUNT, ResourceRole.DATABASE, null, null, "file"));
        PromObserver observer = new PromObserver(settings, config);
        assertThat(observer.preflight()).doesNotContain("WARNING");
        e.pause();
        e.awaitDown(client);
        // Past the reader's look-back (the window and the minute before it): only the preflight instant still has the metric.
        Thread.sleep(LOOKBACK_PAST.toMillis());
        Instant start = Instant.now();
        Thread.sleep(WINDOW.toMillis());
        Instant end = Instant.now();

        Observed o = observer.start("long", Duration.ofMinutes(1)).stop(new ScenarioWindow(start, end, start, end));
        System.out.println(o.observation() + " | notes " + o.figures().get("notes"));
        assertThat(o.figures().get("notes")).asList().hasSize(1);
        String note = (String) ((List<?>) o.figures().get("notes")).get(0);
        assertThat(note).startsWith("series 'exporter clock' missing: 0% of the expected samples (0 of ");
        assertDownAllWindow(note, e);
    }

    private OwnExporter own(TestPrometheus prom, String prefix) throws Exception {
        OwnExporter e = OwnExporter.start(prom, prefix);
        exporters.add(e);
        return e;
    }

    /**
     * Pauses the exporter, waits until Prometheus has recorded it down (its series stale from then),
     * one more scrape so the range's first step (a scrape interval before the window) is past it,
     * then holds an 8 s window. It stays paused until cleanup, so the reading after it sees nothing.
     */
    private static ScenarioWindow pausedWindow(PromClient client, OwnExporter e) throws Exception {
        e.pause();
        e.awaitDown(client);
        Thread.sleep(1500);
        Instant start = Instant.now();
        Thread.sleep(WINDOW.toMillis());
        Instant end = Instant.now();
        return new ScenarioWindow(start, end, start, end);
    }

    /** The note names the target down over the whole window, in one stretch, with its scrapes at the 1 s timeout. */
    private static void assertDownAllWindow(String note, OwnExporter e) {
        assertThat(note).contains("target " + e.instance() + " (job selftest) down from ")
                .containsPattern("its scrapes took up to 1\\.[01]\\d s \\(scrape timeout 1 s: scrapes ran into it\\)")
                .doesNotContain("was up throughout").doesNotContain("(+");
        Matcher m = DOWN.matcher(note);
        assertThat(m.find()).as("down stretch in " + note).isTrue();
        // The window's first and last grid points (one step of 1 s each side at most).
        assertThat(Double.parseDouble(m.group(1))).as("down from").isBetween(0.0, 1.0);
        assertThat(Double.parseDouble(m.group(2))).as("down to").isBetween(WINDOW.toSeconds() - 1.0, WINDOW.toSeconds() + 1.0);
    }

    private static ResourcesConfig config(ResourceQuery q) {
        return new ResourcesConfig("test", List.of(), List.of(q), Map.of(), Map.of());
    }
}

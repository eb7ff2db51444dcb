package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pulpperf.throughput.config.ConfigLoader;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.Observers;
import io.pulpperf.throughput.observe.ScenarioWindow;
import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.run.Clients;
import io.pulpperf.throughput.run.Phases;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.ScenarioRunner;
import io.pulpperf.throughput.run.StatusWorkers;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reader against the real Prometheus, process-exporter and postgres-exporter of
 * .ci/prometheus.sh (see {@link RequiresPrometheus}), scraped every second.
 */
@RequiresPrometheus
@DisplayName("Prometheus reader on a real Prometheus")
class PromRealTest {
    private TestPrometheus prom;

    @BeforeEach
    void setUp() {
        prom = TestPrometheus.fromEnvironment();
    }

    @Test
    @DisplayName("a scenario against the simulator's own JVM: its CPU is above 0 and below the core count, DB series present, table = CSV")
    void scenarioAgainstSimulatorJvm() throws Exception {
        String group = "pulp-sim-" + UUID.randomUUID().toString().substring(0, 8);
        // Every database of the CI server (db_name's default): postgres-exporter's own session is on `postgres`.
        ResourcesConfig config = new ResourcesConfig("test", List.of("process-exporter", "postgres-exporter"), List.of(),
                Map.of("process_groups", group), Map.of());
        PromObserver observer = new PromObserver(prom.settings(), config);
        try (ExternalSimulator sim = new ExternalSimulator(group, 2, "3ms")) {
            awaitGroupScraped(group);
            System.out.println(observer.preflight());
            SuiteSettings settings = new ConfigLoader(Map.of("pulp.apiRoot", sim.baseUrl, "pulp.scenarios", "repo-delete-2w",
                    "pulp.tasks", "1500", "pulp.output", "target/prom-real-test", "pulp.username", "admin", "pulp.password", "password"),
                    Map.of(), Path.of("")).load();
            Clients clients = Clients.connect(settings);
            ScenarioRunner runner = new ScenarioRunner(settings, clients.api(), clients.dispatcher(), new StatusWorkers(clients.api()),
                    new PrintStream(OutputStream.nullOutputStream()), sim.baseUrl);
            Observers.Running observing = new Observers(List.of(observer)).start("repo-delete-2w", Duration.ofMinutes(2));
            ScenarioResult result = runner.run(settings.scenarios().get(0), Phases.silent());
            Instant first = PromFailuresTest.micros(result.metrics().firstCreated());
            Instant last = PromFailuresTest.micros(result.metrics().lastFinished());
            Observed o = observing.stop(first, last).get(0);
            System.out.println(o.console());

            assertThat(result.metrics().completed()).isEqualTo(1500);
            @SuppressWarnings("unchecked")
            List<ResourceStats> stats = (List<ResourceStats>) o.figures().get("series");
            ResourceStats cpu = stats.stream().filter(s -> s.name().equals(group + " CPU")).findFirst().orElseThrow();
            int cores = Runtime.getRuntime().availableProcessors();
            assertThat(cpu.samples()).as("samples in the tasks' window").isGreaterThanOrEqualTo(2);
            assertThat(cpu.peak()).as("the simulator's CPU during the run").isGreaterThan(0.0)
                    // process-exporter's counter over a 4 s rate window: a scrape late by a few ms can lift it a hair over the truth
                    .isLessThan(cores * 1.05);
            assertThat(stats).extracting(ResourceStats::name).contains(group + " memory", "DB connections", "DB transactions/s", "DB locks");
            ResourceStats mem = stats.stream().filter(s -> s.name().equals(group + " memory")).findFirst().orElseThrow();
            assertThat(mem.peak()).as("resident memory of a JVM with -Xmx256m").isBetween(10e6, 1.5e9);
            ResourceStats conns = stats.stream().filter(s -> s.name().equals("DB connections")).findFirst().orElseThrow();
            assertThat(conns.peak()).as("postgres-exporter's own session at least").isGreaterThanOrEqualTo(1);
            assertThat(o.observation()).startsWith("Resources: " + group + " CPU peak ");
            assertTableMatchesCsv(o, new ScenarioWindow(Instant.EPOCH, Instant.now(), first, last));
            long requests = (long) o.figures().get("requests");
            assertThat(requests).as("one range query per query").isEqualTo(observer.queries().size());
        }
    }

    @Test
    @DisplayName("without -Dpulp.prometheus.scrapeInterval the scrape interval is Prometheus's own (1 s here): rate window 4 s")
    void scrapeIntervalComesFromPrometheus() {
        PromSettings s = prom.settings();
        PromSettings unset = new PromSettings(s.url(), null, null, null, Map.of(), s.tls(), null, s.timeout());
        PromObserver observer = new PromObserver(unset, new ResourcesConfig("test", List.of("postgres-exporter"), List.of(), Map.of(), Map.of()));
        assertThat(observer.preflight()).contains("scrape interval 1000 ms (Prometheus's global scrape_interval)");
        assertThat(observer.queries().get(0).expr()).as("DB transactions/s").contains("[4s]");
    }

    @Test
    @DisplayName("a PromQL syntax error stops the run before load, naming the query")
    void syntaxErrorStopsBeforeLoad() {
        PromObserver observer = new PromObserver(prom.settings(), own(new ResourceQuery("broken", "sum(rate(up[1m])", ResourceUnit.COUNT,
                null, null, null, "file")));
        assertThatThrownBy(observer::preflight).isInstanceOf(PromUnavailableException.class)
                .hasMessageContaining("cannot run query 'broken' (resources.series)").hasMessageContaining("bad_data")
                .hasMessageContaining("parse error").hasMessageContaining("sum(rate(up[1m])");
    }

    @Test
    @DisplayName("a query that returns nothing is noted, not fatal")
    void emptyQueryIsNoted() {
        PromObserver observer = new PromObserver(prom.settings(), own(new ResourceQuery("nothing", "up{job=\"no-such-job\"}",
                ResourceUnit.COUNT, null, 1.0, null, "file")));
        assertThat(observer.preflight()).contains("WARNING: no data right now for [nothing]");
        Instant now = Instant.now();
        Observed o = observer.start("empty", Duration.ofMinutes(1)).stop(new ScenarioWindow(now.minusSeconds(6), now, now.minusSeconds(5), now));
        assertThat(o.figures().get("notes")).asList().singleElement().asString()
                .startsWith("series 'nothing' missing: 0% of the expected samples (0 of ")
                .endsWith(": no scrape target found for it (no job and instance among its labels, and its raw metrics had no samples in "
                        + "the window, the minute before it or at the preflight)");
        assertThat(o.figures().get("problems")).asList().isEmpty();
        // Named as missing, with coverage 0 in results.json, never dropped (issue 21).
        assertThat(o.observation()).as("the line, then its gap note").isEqualTo("Resources: missing (no samples in the window): nothing; "
                + String.join("; ", ((List<?>) o.figures().get("notes")).stream().map(String::valueOf).toList()));
        assertThat(o.figures().get("series")).asList().singleElement().satisfies(x -> {
            ResourceStats s = (ResourceStats) x;
            assertThat(s.coverage()).isEqualTo(0.0);
            assertThat(s.gaps()).isNotEmpty();
        });
        assertThat(o.checks()).singleElement().satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Check.Verdict.NOTE);
            assertThat(c.detail()).isEqualTo("no samples from Prometheus; not judged");
        });
    }

    @Test
    @DisplayName("a threshold breach is a failed check with both values")
    void thresholdBreachFails() {
        PromObserver observer = new PromObserver(prom.settings(), own(
                new ResourceQuery("DB CPU", "vector(97)", ResourceUnit.PERCENT, ResourceRole.DATABASE, 90.0, null, "file"),
                new ResourceQuery("API CPU", "vector(1.5)", ResourceUnit.CORES, ResourceRole.API, 2.0, null, "file")));
        observer.preflight();
        Instant now = Instant.now();
        Observed o = observer.start("breach", Duration.ofMinutes(1)).stop(new ScenarioWindow(now.minusSeconds(6), now, now.minusSeconds(5), now));
        assertThat(o.checks()).hasSize(2);
        Check db = o.checks().get(0);
        assertThat(db.failed()).isTrue();
        assertThat(db.message()).isEqualTo("threshold: DB CPU peak: expected at most 90% but was 97% (from Prometheus over the tasks' window, "
                + db.detail().replaceAll(".*, ", "") + ")");
        assertThat(o.checks().get(1).failed()).as("1.5 cores is within 2").isFalse();
        assertThat(o.observation()).startsWith("Resources: DB CPU peak 97%, API CPU peak 1.50 cores");
    }

    private static ResourcesConfig own(ResourceQuery... queries) {
        return new ResourcesConfig("test", List.of(), List.of(queries), Map.of(), Map.of());
    }

    /** Waits (bounded: 30 s) until process-exporter's group has two CPU samples in Prometheus, so rate() has a value. */
    private void awaitGroupScraped(String group) throws InterruptedException {
        PromClient client = new PromClient(prom.settings());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!client.instant("rate(namedprocess_namegroup_cpu_seconds_total{groupname=\"" + group + "\"}[4s])").isEmpty()) return;
            Thread.sleep(250);
        }
        throw new AssertionError("process-exporter did not report group " + group + " within 30 s: is .ci/prometheus.sh's process-exporter running?");
    }

    /** Peak, mean and p95 in the stats CSV are those of the samples CSV's rows inside the tasks' window. */
    private static void assertTableMatchesCsv(Observed o, ScenarioWindow window) {
        String samples = attachment(o, "Resources samples (CSV)");
        String table = attachment(o, "Resources peak, mean, p95 (CSV)");
        Map<String, List<Double>> bySeries = new HashMap<>();
        samples.lines().skip(1).forEach(line -> {
            String[] f = line.split(",");
            long at = Long.parseLong(f[f.length - 2]);
            if (at >= window.firstCreated().toEpochMilli() && at <= window.lastFinished().toEpochMilli() && !f[f.length - 1].isEmpty()) {
                bySeries.computeIfAbsent(f[0], k -> new java.util.ArrayList<>()).add(Double.parseDouble(f[f.length - 1]));
            }
        });
        List<String> rows = table.lines().skip(1).toList();
        assertThat(rows).isNotEmpty();
        for (String row : rows) {
            String[] f = row.split(",");
            List<Double> values = bySeries.get(f[0]);
            assertThat(values).as("samples of %s in the window", f[0]).isNotNull();
            double peak = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(Double.parseDouble(f[3])).as("peak of %s", f[0]).isCloseTo(peak, within(Math.abs(peak) * 1e-5 + 1e-9));
            assertThat(Double.parseDouble(f[4])).as("mean of %s", f[0]).isCloseTo(mean, within(Math.abs(mean) * 1e-5 + 1e-9));
            assertThat(Integer.parseInt(f[6])).as("samples of %s", f[0]).isEqualTo(values.size());
        }
    }

    private static String attachment(Observed o, String name) {
        return o.attachments().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().content();
    }
}

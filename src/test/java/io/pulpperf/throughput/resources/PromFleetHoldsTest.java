package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.ConfigLoader;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.observe.HoldPeaks;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.Observers;
import io.pulpperf.throughput.observe.ResourcePeak;
import io.pulpperf.throughput.observe.ScenarioWindow;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Per-hold figures (issue 20's fleet bottleneck) from the real Prometheus and process-exporter of
 * .ci/prometheus.sh: a simulator JVM of its own busy during one hold and idle during the next; each
 * hold's range query must show its own CPU, not the run's peak spread over both.
 */
@RequiresPrometheus
@DisplayName("Prometheus per hold: each hold's own range query and peak")
class PromFleetHoldsTest {
    @Test
    void aBusyHoldAndAnIdleHoldGetTheirOwnCpuPeaks() throws Exception {
        TestPrometheus prom = TestPrometheus.fromEnvironment();
        String group = "pulp-sim-" + UUID.randomUUID().toString().substring(0, 8);
        ResourcesConfig config = new ResourcesConfig("test", List.of("process-exporter", "postgres-exporter"), List.of(),
                Map.of("process_groups", group), Map.of());
        PromObserver observer = new PromObserver(prom.settings(), config);
        try (ExternalSimulator sim = new ExternalSimulator(group, 2, "3ms")) {
            awaitGroupScraped(prom, group);
            SuiteSettings settings = new ConfigLoader(Map.of("pulp.apiRoot", sim.baseUrl, "pulp.scenarios", "repo-delete-2w",
                    "pulp.tasks", "1500", "pulp.output", "target/prom-fleet-holds-test", "pulp.username", "admin", "pulp.password", "password"),
                    Map.of(), Path.of("")).load();
            Clients clients = Clients.connect(settings);
            ScenarioRunner runner = new ScenarioRunner(settings, clients.api(), clients.dispatcher(), new StatusWorkers(clients.api()),
                    new PrintStream(OutputStream.nullOutputStream()), sim.baseUrl);
            Observers.Running observing = new Observers(List.of(observer)).start("fleet-holds", Duration.ofMinutes(2));
            Instant busyFrom = Instant.now();
            ScenarioResult result = runner.run(settings.scenarios().get(0), Phases.silent());
            ScenarioWindow.Hold busy = new ScenarioWindow.Hold("busy", busyFrom, Instant.now());
            // Past the 4 s rate window, so the idle hold's rates hold none of the busy seconds.
            Thread.sleep(6000);
            Instant idleFrom = Instant.now();
            Thread.sleep(4000);
            ScenarioWindow.Hold idle = new ScenarioWindow.Hold("idle", idleFrom, Instant.now());
            Observed o = observing.stop(null, null, List.of(busy, idle)).get(0);
            System.out.println(o.console());

            assertThat(result.metrics().completed()).isEqualTo(1500);
            @SuppressWarnings("unchecked")
            List<HoldPeaks> holds = (List<HoldPeaks>) o.figures().get(HoldPeaks.FIGURE);
            assertThat(holds).extracting(HoldPeaks::label).containsExactly("busy", "idle");
            assertThat(holds.get(0).from()).isEqualTo(busy.from());
            assertThat(holds.get(1).to()).isEqualTo(idle.to());
            ResourcePeak busyCpu = cpu(holds.get(0), group);
            ResourcePeak idleCpu = cpu(holds.get(1), group);
            System.out.println("busy hold: " + holds.get(0).peaks() + "\nidle hold: " + holds.get(1).peaks());
            int cores = Runtime.getRuntime().availableProcessors();
            assertThat(busyCpu.peak()).as("the simulator draining 1500 tasks").isGreaterThan(0.0).isLessThan(cores * 1.05);
            // An idle JVM beats its heartbeats and little else: a fraction of the busy hold's peak.
            assertThat(idleCpu.peak()).as("idle hold, busy peak %s", busyCpu.peak()).isLessThan(busyCpu.peak() / 2);
            assertThat(busyCpu.score()).as("cores score as the share of one core").isEqualTo(busyCpu.peak());
            assertThat(HoldPeaks.highest(holds.get(0).peaks())).map(ResourcePeak::resource).contains(group + " CPU");
            assertThat(o.figures().get("holdProblems")).isNull();
        }
    }

    private static ResourcePeak cpu(HoldPeaks hold, String group) {
        return hold.peaks().stream().filter(p -> p.resource().equals(group + " CPU")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + group + " CPU in hold " + hold.label() + ": " + hold.peaks()));
    }

    private static void awaitGroupScraped(TestPrometheus prom, String group) throws InterruptedException {
        PromClient client = new PromClient(prom.settings());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!client.instant("rate(namedprocess_namegroup_cpu_seconds_total{groupname=\"" + group + "\"}[4s])").isEmpty()) return;
            Thread.sleep(250);
        }
        throw new AssertionError("process-exporter did not report group " + group + " within 30 s");
    }
}

package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.TlsSettings;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.Observers;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Prometheus failures that a real one will not produce on demand: a closed port, a refused token, a server gone mid-run. */
@DisplayName("Prometheus reader: unreachable, refused, lost mid-run")
class PromFailuresTest {
    private static final ResourcesConfig ONE_QUERY = new ResourcesConfig("test", List.of(),
            List.of(new ResourceQuery("API CPU", "sum(rate(process_cpu_seconds_total[1m]))", ResourceUnit.CORES, ResourceRole.API, null, null, "file")),
            Map.of(), Map.of());

    static PromSettings settings(String url, String token) {
        return new PromSettings(URI.create(url), token, null, null, Map.of(), TlsSettings.defaults(), Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("an unreachable URL stops the run before load, naming the query and the setting")
    void unreachableStopsBeforeLoad() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PromObserver observer = new PromObserver(settings("http://127.0.0.1:" + port, null), ONE_QUERY);
        assertThatThrownBy(observer::preflight).isInstanceOf(PromUnavailableException.class)
                .hasMessageContaining("no answer from Prometheus at http://127.0.0.1:" + port)
                .hasMessageContaining("query 'API CPU' (resources.series)").hasMessageContaining("-Dpulp.prometheus.url");
    }

    @Test
    @DisplayName("a refused token stops the run before load, without the token in the message")
    void refusedTokenStopsBeforeLoad() throws Exception {
        String token = "tok-" + UUID.randomUUID();
        // As an OAuth proxy in front of thanos-querier may: 403 quoting what it was sent.
        try (StubPrometheus stub = new StubPrometheus(headers -> new StubPrometheus.Answer(403, "Forbidden: " + headers))) {
            PromObserver observer = new PromObserver(settings(stub.url(), token), ONE_QUERY);
            assertThatThrownBy(observer::preflight).isInstanceOf(PromUnavailableException.class)
                    .hasMessageContaining("refused the credentials (HTTP 403, bearer token)")
                    .hasMessageContaining("query 'API CPU'").hasMessageContaining("PULP_PROMETHEUS_TOKEN")
                    .hasMessageContaining("Authorization: Bearer ***").satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
            assertThat(stub.requests.get()).as("one request, no retries").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("Prometheus stopped mid-run: noted as a problem, the scenario's tasks are measured")
    void lostMidRunIsNotedAndTasksStand() throws Exception {
        StubPrometheus stub = new StubPrometheus(auth -> new StubPrometheus.Answer(200, StubPrometheus.ONE_SAMPLE));
        PromObserver observer = new PromObserver(settings(stub.url(), null), ONE_QUERY);
        assertThat(observer.preflight()).contains("Reading 1 resource queries");
        Observers observers = new Observers(List.of(observer));
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withWorkers(1).withDefaultServiceTime("2ms"),
                Path.of("target/prom-failures-test"))) {
            Observers.Running observing = observers.start("lost-mid-run", Duration.ofMinutes(1));
            ScenarioResult result = run.run(SimulatedRun.scenario("lost-mid-run", Workload.DISTRIBUTION_CREATE, 1, 20, 4));
            stub.close();  // Prometheus goes away before the scenario's figures are read
            List<Observed> observed = observing.stop(micros(result.metrics().firstCreated()), micros(result.metrics().lastFinished()));

            assertThat(result.metrics().completed()).as("the tasks are measured all the same").isEqualTo(20);
            Observed o = observed.get(0);
            assertThat(o.observation()).startsWith("Resources: no data, resource problem: query 'API CPU' failed: no answer from Prometheus");
            assertThat(o.figures().get("problems")).asList().hasSize(1);
            assertThat(o.checks()).isEmpty();
            assertThat(o.attachments()).extracting(Observed.Attachment::name).contains("Resources peak, mean, p95 (CSV)");
        }
    }

    @Test
    @DisplayName("a lost Prometheus ends the reading: the remaining queries are named as not run instead of each timing out")
    void lostPrometheusStopsTheRemainingQueries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PromClient client = new PromClient(settings("http://127.0.0.1:" + port, null));
        List<ResourceQuery> three = List.of(ONE_QUERY.own().get(0), ONE_QUERY.own().get(0).withExpr("up"), ONE_QUERY.own().get(0).withExpr("vector(1)"));
        Instant now = Instant.now();
        ResourceReport r = new PromReader(client, three, Duration.ofMillis(100)).read(
                new io.pulpperf.throughput.observe.ScenarioWindow(now.minusSeconds(5), now, now.minusSeconds(4), now.minusSeconds(1)));
        assertThat(r.problems()).hasSize(2);
        assertThat(r.problems().get(1)).isEqualTo("2 more queries not run: Prometheus is unreachable");
        assertThat(r.requests()).isEqualTo(1);
    }

    static Instant micros(Long epochMicros) {
        return epochMicros == null ? null : Instant.EPOCH.plus(epochMicros, java.time.temporal.ChronoUnit.MICROS);
    }
}

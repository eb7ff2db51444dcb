package io.pulpperf.throughput.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.load.Dispatcher;
import io.pulpperf.throughput.pulp.AuthHeaders;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmarks' code paths at toy sizes (bench/run.sh runs them at full size): dispatch
 * capacity (the own client and the libraries it is compared with), and a dispatched run waited for and collected, with every request the suite sends
 * seen on the way (a recording proxy in front of the simulator).
 */
@DisplayName("Benchmarks: smoke test of their code paths at toy sizes")
class BenchSmokeTest {
    @TempDir
    Path out;

    private static SimulatorConfig config() {
        return SimulatorConfig.defaults().withServiceTime("no_op_task", "1ms")
                .withTestEndpointDuration(Duration.ofMillis(500)).withTestDispatchInterval(Duration.ofSeconds(1));
    }

    @Test
    void dispatchBenchCountsAnsweredRequestsAndCpu() {
        try (PulpSimulator sim = PulpSimulator.start(config())) {
            Dispatcher d = new Dispatcher(Dispatcher.newHttpClient(Duration.ofSeconds(5)), AuthHeaders.none(), Duration.ofSeconds(10));
            DispatchBench.Result r = DispatchBench.measure(d, URI.create(sim.baseUrl() + "/pulp/test/tasks/"), 2, 0.5);
            assertThat(r.requests()).isPositive();
            assertThat(r.errors()).isZero();
            assertThat(r.requestsPerSecond()).isPositive();
            assertThat(r.line()).startsWith("java concurrency=2 requests=").contains(" rps=", " cpu_s=");
            assertThat(r.cut()).isLessThanOrEqualTo(2);  // at most one in flight per client when the window closed
            // one request of the test view in this set-up dispatches exactly one task (a cut one may have, too)
            assertThat((long) sim.engine().taskCount()).isBetween(r.requests(), r.requests() + r.cut());
        }
    }

    /** Each library client LibraryClientBench compares with the own one (issue 15) still answers, so the bench cannot rot. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"apache", "jetty", "netty"})
    void libraryClientBenchCountsAnsweredRequestsAndCpu(String library) throws Exception {
        try (PulpSimulator sim = PulpSimulator.start(config()); LibraryClient client = LibraryClient.create(library, 2)) {
            URI url = URI.create(sim.baseUrl() + "/pulp/test/tasks/");
            // A library's first request loads its classes (can take longer than the window); the bench warms up too.
            assertThat(client.get(url, java.util.Map.of()).status()).isEqualTo(200);
            long warmUpTasks = sim.engine().taskCount();
            DispatchBench.Result r = ClosedLoop.measure(library, client, url, 2, 0.5);
            assertThat(r.errors()).as(r.line()).isZero();
            assertThat(r.requests()).as(r.line()).isPositive();
            assertThat(r.line()).startsWith(library + " concurrency=2 requests=").contains(" rps=", " cpu_s=");
            assertThat(r.cut()).isLessThanOrEqualTo(2);
            assertThat((long) sim.engine().taskCount() - warmUpTasks).isBetween(r.requests(), r.requests() + r.cut());
        }
    }

    @Test
    void aLiveRunIsWaitedForAndCollectedWithFewNarrowRequests() throws Exception {
        try (PulpSimulator sim = PulpSimulator.start(config()); Recorder proxy = new Recorder(sim.baseUrl())) {
            Target target = new Target(URI.create(proxy.baseUrl()), "/pulp/", null, new Credentials("admin", "password"));
            String cid = io.pulpperf.throughput.pulp.CorrelationIds.newRun();
            long dispatched = CollectBench.dispatch(target, cid, 2_500);
            assertThat(dispatched).isGreaterThanOrEqualTo(2_500);
            proxy.seen.clear();

            CollectBench.Result r = CollectBench.run(target, cid, out, 1000, Duration.ofMillis(100), Duration.ofSeconds(60));

            assertThat(r.tasks()).isEqualTo(dispatched);
            assertThat(r.completed()).isEqualTo(dispatched);
            assertThat(r.pages()).isLessThanOrEqualTo((int) (dispatched / 1000) + 1);
            assertThat(r.polls()).isLessThanOrEqualTo((int) r.pollIntervals() + 1);
            assertThat(Files.size(out.resolve("tasks.csv"))).isEqualTo(r.csvBytes()).isPositive();
            List<String> taskLists = proxy.seen.stream().filter(q -> q.startsWith("GET /pulp/api/v3/tasks/?")).toList();
            assertThat(taskLists).hasSize(r.pages() + r.polls());
            // every page and every poll is narrowed by fields= and limited
            assertThat(taskLists).allMatch(q -> q.contains("fields=") && q.contains("limit="));
            assertThat(taskLists.stream().filter(q -> q.contains("ordering=pulp_created"))).hasSize(r.pages())
                    .allMatch(q -> !q.contains("offset="));
            assertThat(r.line()).contains("tasks=" + dispatched, "pages=" + r.pages(), "peak_heap_mb=");
        }
    }

    @Test
    void aWholeRunKeepsItsDispatchRecordsAndLosesNoTask() throws Exception {
        try (PulpSimulator sim = PulpSimulator.start(config().withDefaultServiceTime("0ms"))) {
            Target target = new Target(URI.create(sim.baseUrl()), "/pulp/", null, new Credentials("admin", "password"));
            String cid = io.pulpperf.throughput.pulp.CorrelationIds.newRun();
            var records = CollectBench.dispatchDistributions(target, cid, 300);
            assertThat(records).hasSize(300).allMatch(r -> r.taskHref() != null && r.status() == 202);
            CollectBench.Result r = CollectBench.run(target, cid, out, 1000, Duration.ofMillis(100), Duration.ofSeconds(60),
                    io.pulpperf.throughput.run.ScenarioRunner.hrefsOf(records), null);
            assertThat(r.tasks()).isEqualTo(300);
            assertThat(r.completed()).isEqualTo(300);
            assertThat(r.lost()).isZero();
            assertThat(r.line()).contains("lost=0");
        }
    }

    /** A forwarding proxy that records each request line (method, path and query). */
    private static final class Recorder implements AutoCloseable {
        private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "expect", "upgrade");
        final List<String> seen = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String upstream;

        Recorder(String upstream) throws IOException {
            this.upstream = upstream;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/", this::forward);
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void forward(HttpExchange ex) throws IOException {
            String pathAndQuery = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            seen.add(ex.getRequestMethod() + " " + pathAndQuery);
            byte[] body = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + pathAndQuery))
                    .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((k, vs) -> {
                if (!HOP.contains(k.toLowerCase())) vs.forEach(v -> b.header(k, v));
            });
            try {
                HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                r.headers().map().forEach((k, vs) -> {
                    if (!HOP.contains(k.toLowerCase()) && !k.startsWith(":")) vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                });
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(r.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.close();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}

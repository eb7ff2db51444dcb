package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.measure.LatencySummary;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The suite's numbers against a server of exactly known capacity, through the whole pipeline
 * (dispatch over HTTP, wait, collection by pages, analysis): with a fixed service time s, tasks
 * that share one exclusive lock complete at 1/s whatever the worker count, and tasks with
 * distinct locks at W/s, whichever simulator entry point dispatched them; measured within 1%,
 * and every latency percentile equals an exact recomputation from the raw task data to
 * HdrHistogram's precision (3 significant digits).
 *
 * <p>The backlog shape queues every task before workers start, so no worker ever idles waiting
 * for a dispatch and capacity is what is measured, however loaded this machine is. (In the
 * steady shape the measured rate equals capacity only while dispatch keeps ahead of the workers.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroundTruthTest {
    private static final long SERVICE_MILLIS = 10;

    @TempDir
    static Path out;
    private SimulatedRun sim;

    @BeforeAll
    void start() {
        // no_op_task has its own default (0.3 s, as pulp-service's sleeps): set it like the rest.
        sim = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime(SERVICE_MILLIS + "ms")
                .withServiceTime("no_op_task", SERVICE_MILLIS + "ms")
                .withTestEndpointDuration(Duration.ofMillis(300)).withTestDispatchInterval(Duration.ofMillis(1)), out);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @ParameterizedTest(name = "{0} workers, distinct locks: W/s within 1%")
    @ValueSource(ints = {1, 2, 4, 8})
    void parallelTasksRunAtWorkersOverServiceTime(int workers) throws Exception {
        ScenarioResult r = sim.run(SimulatedRun.scenario("fidelity-" + workers, Workload.REPOSITORY_DELETE, workers, 80 * workers, 16)
                .withShape(Shape.BACKLOG));
        assertThat(r.metrics().completed()).as("by state %s, problems %s", r.metrics().byState(), r.problems()).isEqualTo(80L * workers);
        assertThat(r.metrics().throughput()).isCloseTo(workers * 1000.0 / SERVICE_MILLIS, withPercentage(1));
        assertPercentilesMatchRawData(r);
    }

    @ParameterizedTest(name = "serialized lane with {0} workers: 1/s within 1%")
    @ValueSource(ints = {1, 4})
    void serializedLaneRunsAtOneOverServiceTime(int workers) throws Exception {
        ScenarioResult r = sim.run(SimulatedRun.scenario("lane-" + workers, Workload.DISTRIBUTION_CREATE, workers, 100, 8)
                .withShape(Shape.BACKLOG));
        assertThat(r.metrics().completed()).as("by state %s, problems %s", r.metrics().byState(), r.problems()).isEqualTo(100);
        assertThat(r.metrics().throughput()).isCloseTo(1000.0 / SERVICE_MILLIS, withPercentage(1));
        assertPercentilesMatchRawData(r);
    }

    @ParameterizedTest(name = "pulp-service test view with {0} workers: W/s within 1%")
    @ValueSource(ints = {2, 4})
    void ingestedTasksRunAtWorkersOverServiceTime(int workers) throws Exception {
        ScenarioResult r = sim.run(Scenario.of("ingest-" + workers, Workload.TASK_INGESTION, workers, 200, 1,
                Duration.ofSeconds(60), new Thresholds(0, 0, 0)).withShape(Shape.BACKLOG));
        assertThat(r.metrics().lost()).as("problems %s", r.problems()).isZero();
        assertThat(r.metrics().completed()).isEqualTo(r.dispatch().tasks()).isGreaterThanOrEqualTo(200);
        // N tasks on W workers take ceil(N/W) service times: the exact capacity for a count not divisible by W.
        long n = r.metrics().completed();
        double capacity = n / (Math.ceil((double) n / workers) * SERVICE_MILLIS / 1000.0);
        assertThat(r.metrics().throughput()).isCloseTo(capacity, withPercentage(1));
    }

    /** Recomputes each part's percentiles from tasks.csv by nearest rank and compares. */
    private static void assertPercentilesMatchRawData(ScenarioResult r) throws Exception {
        List<String[]> rows = Files.readAllLines(r.rawTasksCsv()).stream().skip(1).map(l -> l.split(",", -1)).toList();
        check(r.metrics().latency().get(LatencyPart.QUEUE_WAIT), column(rows, 10));
        check(r.metrics().latency().get(LatencyPart.RUN), column(rows, 11));
        check(r.metrics().latency().get(LatencyPart.TOTAL), column(rows, 12));
    }

    private static long[] column(List<String[]> rows, int index) {
        return rows.stream().filter(f -> !f[index].isEmpty())
                .mapToLong(f -> Math.round(Double.parseDouble(f[index]) * 1000)).sorted().toArray();
    }

    private static void check(LatencySummary s, long[] exact) {
        assertThat(s.count()).isEqualTo(exact.length);
        for (double[] p : new double[][] {{50, s.p50()}, {90, s.p90()}, {95, s.p95()}, {99, s.p99()}, {99.9, s.p999()}, {100, s.max()}}) {
            long expected = exact[Math.max(0, (int) Math.ceil(p[0] / 100 * exact.length) - 1)];
            // HdrHistogram with 3 significant digits: within 0.1% (plus 1 µs for values near zero)
            assertThat(Math.abs(p[1] - expected)).as("p%s: histogram %s vs exact %s", p[0], (long) p[1], expected)
                    .isLessThanOrEqualTo(expected * 0.001 + 1);
        }
        assertThat(s.mean()).isCloseTo(Arrays.stream(exact).average().orElse(0), withPercentage(0.1));
    }
}

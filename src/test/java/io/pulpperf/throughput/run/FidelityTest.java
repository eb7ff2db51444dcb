package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.measure.LatencySummary;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fidelity across the matrix: against a simulator of exactly known capacity (fixed service
 * time, backlog shape so no worker ever waits for a dispatch), the measured throughput is within
 * 1% of capacity, and every latency percentile equals an exact recomputation from the raw task
 * data to HdrHistogram's precision (3 significant digits).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FidelityTest {
    private static final long SERVICE_MILLIS = 10;

    @TempDir
    static Path out;
    private SimulatedRun sim;

    @BeforeAll
    void start() {
        sim = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime(SERVICE_MILLIS + "ms"), out);
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

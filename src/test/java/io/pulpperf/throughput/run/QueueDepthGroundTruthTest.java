package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.measure.DepthBand;
import io.pulpperf.throughput.measure.QueueDepth;
import io.pulpperf.throughput.measure.QueueDepthCsv;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.report.QueueDepthReport;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion rate by queue depth against the simulator's known service times (issue 21). A backlog
 * of N tasks drains on W workers; with sim.serviceTime.perWaiting = p a task that starts while d
 * others wait runs base + p x d. Each completion lowers the queue by one, so a band whose depths a..b
 * were all passed holds completions at W / (base + p x (a + b) / 2) per second and run times around
 * base + p x (a + b) / 2.
 */
@DisplayName("completion rate by queue depth on the simulator")
class QueueDepthGroundTruthTest {
    private static final int WORKERS = 2;
    private static final int TASKS = 600;
    private static final double BASE_MS = 20;
    @TempDir
    Path out;

    @Test
    @DisplayName("service time growing 0.04 ms per waiting task: each band's rate and run p50 within 5% of ground truth; the fall is noted")
    void growingServiceTime() throws Exception {
        double perWaitingMs = 0.04;
        List<DepthBand> bands = drain(perWaitingMs);
        System.out.println("backlog of " + TASKS + ", 2 workers, 20 ms + 0.04 ms per waiting task: " + QueueDepthReport.observed("q", bands).console());
        assertBandsMatch(bands, perWaitingMs);
        Observed o = QueueDepthReport.observed("q", bands);
        assertThat(o.observation()).startsWith("Queue depth: throughput falls ").contains("from 10-99 to 100-999 waiting");
        assertThat(o.figures().get("bands")).isEqualTo(bands);
    }

    @Test
    @DisplayName("a fixed service time: every band with enough data at W / service within 5%, and no fall noted")
    void fixedServiceTime() throws Exception {
        List<DepthBand> bands = drain(0);
        assertBandsMatch(bands, 0);
        assertThat(QueueDepth.fallNote(bands)).isNull();
    }

    private List<DepthBand> drain(double perWaitingMs) throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults().withDefaultServiceTime((int) BASE_MS + "ms");
        if (perWaitingMs > 0) config = config.withServiceTime("perWaiting", Math.round(perWaitingMs * 1000) + "us");
        try (SimulatedRun sim = new SimulatedRun(config, out)) {
            ScenarioResult r = sim.run(SimulatedRun.scenario("depth", Workload.REPOSITORY_DELETE, WORKERS, TASKS, 16).withShape(Shape.BACKLOG));
            assertThat(r.metrics().completed()).as("problems %s", r.problems()).isEqualTo(TASKS);
            return QueueDepthCsv.read(r.rawTasksCsv()).bands();
        }
    }

    private static void assertBandsMatch(List<DepthBand> bands, double perWaitingMs) {
        long deepest = TASKS - WORKERS;  // waiting when the drain starts
        List<DepthBand> judged = bands.stream().filter(b -> b.completed() >= QueueDepth.ENOUGH_COMPLETIONS).toList();
        assertThat(judged).as("bands with enough completions: %s", bands).extracting(DepthBand::from).containsExactly(10L, 100L);
        for (DepthBand b : judged) {
            double middle = (b.from() + Math.min(b.to(), deepest)) / 2.0;
            double serviceMs = BASE_MS + perWaitingMs * middle;
            assertThat(b.completionRate()).as("rate in %s", b.label()).isCloseTo(WORKERS * 1000 / serviceMs, withPercentage(5));
            assertThat(b.runP50Micros() / 1000.0).as("run p50 in %s", b.label()).isCloseTo(serviceMs, withPercentage(5));
            assertThat(b.completed()).as("completions in %s", b.label()).isCloseTo(Math.min(b.to(), deepest) - b.from() + 1,
                    withPercentage(5));
        }
    }
}

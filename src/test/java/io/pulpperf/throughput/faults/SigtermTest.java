package io.pulpperf.throughput.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGTERM) in the middle of dispatch: the dispatch log written so far is on disk. The
 * suite runs in a child JVM against a slow simulator in this one, and is stopped once it has
 * dispatched 20 tasks. Fewer than 100 rows are never flushed by the log itself (it flushes every
 * 100, and its buffer holds far more), so rows on disk prove the shutdown hook wrote them.
 */
@DisplayName("Ctrl-C mid-dispatch keeps the dispatch log")
class SigtermTest {
    private static final int KILL_AT = 20;

    @TempDir
    Path dir;

    @Test
    void sigtermMidDispatchLeavesTheRowsSentSoFarOnDisk() throws Exception {
        // 20 ms per answer and one client: about 50 requests a second, so the JVM stops long before 100.
        try (PulpSimulator sim = PulpSimulator.start(SimulatorConfig.defaults().withApiLatency(Duration.ofMillis(20))
                .withDefaultServiceTime("1ms"))) {
            Path matrix = dir.resolve("matrix.yaml");
            Files.writeString(matrix, """
                    scenarios:
                      - name: sigterm
                        workload: distribution-create
                        workers: 2
                        tasks: 5000
                        concurrency: 1
                        timeout: 5m
                    """);
            Path output = dir.resolve("out");
            Path log = dir.resolve("child.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SigtermChild.class.getName(),
                    sim.baseUrl(), matrix.toString(), output.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                await("the child to dispatch " + KILL_AT + " tasks").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                        .until(() -> sim.engine().taskCount() >= KILL_AT || !child.isAlive());
                assertThat(child.isAlive()).as("still dispatching; its output: %s", Files.readString(log)).isTrue();
                child.destroy();  // SIGTERM, as Ctrl-C or a CI cancel sends
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(child.exitValue()).isEqualTo(128 + 15);

            List<String> rows = Files.readAllLines(output.resolve("sigterm").resolve("dispatch.csv"));
            assertThat(rows).as("dispatch.csv (without the shutdown hook not even its header reaches the disk)").isNotEmpty();
            assertThat(rows.get(0)).startsWith("seq,intended_at,sent_at");
            assertThat(rows.size() - 1).as("requests answered before the stop, as the log shows them")
                    .isBetween(KILL_AT - 1, 99);
            assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).contains(",202,1,/pulp/api/v3/tasks/"));
        }
    }
}

package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.config.WorkerScaling;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's scale command is run with {workers} filled in, then status/ is awaited, within bounds. */
class ScaleCommandWorkersTest {
    @TempDir
    Path dir;
    private PulpSimulator sim;
    private PulpClient client;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        sim = PulpSimulator.start(SimulatorConfig.defaults().withWorkers(2));
        client = new PulpClient(new Target(URI.create(sim.baseUrl()), "/pulp/", null, Credentials.none()),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private ScaleCommandWorkers workers(String command, Duration timeout) {
        return new ScaleCommandWorkers(new WorkerScaling(command, timeout), client, new PrintStream(console, true));
    }

    @Test
    void runsTheCommandWithTheCountThenReadsStatus() throws Exception {
        Path marker = dir.resolve("scaled");
        assertThat(workers("echo {workers} > " + marker, Duration.ofSeconds(10)).ensure(2)).isEqualTo(2);
        assertThat(Files.readString(marker).trim()).isEqualTo("2");
        assertThat(console.toString()).contains("[workers] echo 2 > ");
    }

    @Test
    void aCountThatNeverAppearsFailsWithTheLastSeenCount() {
        assertThatThrownBy(() -> workers("true {workers}", Duration.ofSeconds(2)).ensure(5))
                .isInstanceOf(ScaleCommandWorkers.ScalingFailedException.class)
                .hasMessageContaining("did not show exactly 5 online workers within 2 s; last seen: 2");
    }

    @Test
    void aFailingCommandSaysItsExitCodeAndOutput() {
        assertThatThrownBy(() -> workers("echo no cluster for {workers} >&2; exit 3", Duration.ofSeconds(5)).ensure(1))
                .isInstanceOf(ScaleCommandWorkers.ScalingFailedException.class)
                .hasMessageContaining("exited with 3").hasMessageContaining("no cluster for 1");
    }

    @Test
    void aHangingCommandIsStoppedAtTheBound() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> workers("sleep 30 # {workers}", Duration.ofSeconds(1)).ensure(1))
                .hasMessageContaining("did not finish within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aCommandWithoutThePlaceholderIsRefused() {
        assertThatThrownBy(() -> new WorkerScaling("oc scale deployment/pulp-worker --replicas=3", Duration.ofMinutes(1)))
                .hasMessageContaining("must contain {workers}");
    }
}

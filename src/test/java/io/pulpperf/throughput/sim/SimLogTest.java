package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's pulpcore-format task lines, and the cleanup of a worker whose heartbeats stopped for longer than the TTL. */
class SimLogTest {
    @TempDir
    Path dir;

    @Test
    void taskLinesAndAMissingWorkersCleanup() throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults().withWorkers(2).withDefaultServiceTime("1ms")
                .withHeartbeats(HeartbeatPlan.defaults().withTtl(Duration.ofMillis(60)).withOutage(1, Duration.ZERO, Duration.ofMillis(500))
                        .withOutage(2, Duration.ZERO, Duration.ofMillis(30)));
        SimLog log = SimLog.in(dir, null);
        try (PulpSimulator sim = PulpSimulator.start(config, log)) {
            sim.engine().dispatch(new TaskEngine.TaskRequest("pulpcore.app.tasks.base.ageneral_delete", Domains.DEFAULT,
                    "0123456789abcdef0123456789abcdef", null, List.of("r1"), List.of(), finish -> SimTask.Outcome.ok()));
            Path worker = dir.resolve("worker.log");
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(worker).contains("Cleanup record of missing worker process")
                    && Files.readString(worker).contains("Task completed"));
            Thread.sleep(100);  // the other worker's 30 ms outage (shorter than the TTL) must not be logged
            String text = Files.readString(worker);
            assertThat(text).containsOnlyOnce("pulp [None]: pulpcore.tasking.worker:WARNING: Cleanup record of missing worker process ")
                    .contains("pulp [0123456789abcdef0123456789abcdef]: pulpcore.tasking.tasks:INFO: Starting task id: ")
                    .contains(", task_type: pulpcore.app.tasks.base.ageneral_delete, immediate: False, deferred: True, execution_time: ");
        }
    }

    @Test
    void settingsOfTheSimulatorOnItsOwn() {
        java.util.Properties p = new java.util.Properties();
        assertThat(SimLog.fromProperties(p)).isSameAs(SimLog.NONE);
        p.setProperty("sim.apiTimeout", "2s");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimLog.fromProperties(p)).hasMessageContaining("sim.apiTimeout needs sim.logDir");
        p.setProperty("sim.logDir", dir.resolve("logs").toString());
        try (SimLog log = SimLog.fromProperties(p)) {
            assertThat(log.apiTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(log.files()).containsExactly(dir.resolve("logs/api.access.log"), dir.resolve("logs/api.error.log"), dir.resolve("logs/worker.log"));
        }
        p.setProperty("sim.apiTimeout", "soon");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimLog.fromProperties(p))
                .hasMessage("sim.apiTimeout must be a duration such as 2s or 30s, was 'soon'");
    }
}

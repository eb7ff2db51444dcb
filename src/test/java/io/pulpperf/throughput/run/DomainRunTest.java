package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole scenario against a Pulp laid out like pulp-service: API_ROOT {@code /api/pulp/},
 * domains on, so every call goes to {@code /api/pulp/<domain>/api/v3/...} and status stays at
 * {@code /api/pulp/api/v3/status/}.
 */
class DomainRunTest {
    @TempDir
    Path out;

    @Test
    void aScenarioInADomainUnderAnotherApiRoot() throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults().withApiPath("/api/pulp/", true).withDefaultServiceTime("10ms");
        try (SimulatedRun sim = new SimulatedRun(config, out, SimulatedRun.TEST_LIMITS, "perf")) {
            assertThat(sim.settings.target().v3Root().getPath()).isEqualTo("/api/pulp/perf/api/v3/");
            ScenarioResult r = sim.run(SimulatedRun.scenario("domain-lane", Workload.DISTRIBUTION_CREATE, 2, 40, 4)
                    .withShape(Shape.BACKLOG));
            assertThat(r.problems()).isEmpty();
            assertThat(r.metrics().completed()).isEqualTo(40);
            assertThat(r.metrics().lostHrefs()).isEmpty();
            assertThat(java.nio.file.Files.readAllLines(r.rawTasksCsv()).get(1)).startsWith("/api/pulp/perf/api/v3/tasks/");
            // distribution creates serialize within the domain: one lane
            assertThat(r.metrics().throughput()).isCloseTo(100.0, withPercentage(1));
        }
    }
}

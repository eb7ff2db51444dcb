package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.pulp.CorrelationIds;
import io.pulpperf.throughput.sim.SimulatorConfig;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulp replaces a Correlation-ID that is not a UUID (recorded on 3.105.16); the simulator does
 * the same, and no request of a whole run (dispatch, the backlog's wake-up, cleanup) is affected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrelationIdsOfARunTest {
    @TempDir
    static Path out;
    private SimulatedRun sim;

    @BeforeAll
    void start() {
        sim = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("5ms"), out);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private Response createDistribution(String name, String cid) {
        return RestAssured.given().auth().preemptive().basic("admin", "password").header("Correlation-ID", cid)
                .contentType(ContentType.JSON).body(Map.of("name", name, "base_path", name))
                .post(sim.simulator.v3Root().resolve("distributions/file/file/"));
    }

    @Test
    void theSimulatorReplacesAnIdThatIsNotAUuidAsPulpDoes() {
        long before = sim.simulator.replacedCorrelationIds();
        String notAUuid = "69e30c5f5c4649c78c0d36e839b5897ac";
        Response answer = createDistribution("cid-not-uuid", notAUuid);
        String replaced = answer.header("Correlation-ID");
        assertThat(replaced).matches("[0-9a-f]{32}").isNotEqualTo(notAUuid);
        assertThat(sim.simulator.replacedCorrelationIds()).isEqualTo(before + 1);
        assertThat(sim.client.tasks(Map.of("logging_cid", notAUuid, "limit", "1")).count()).isZero();
        assertThat(sim.client.tasks(Map.of("logging_cid", replaced, "limit", "1")).count()).isEqualTo(1);

        String dashed = "20a6c3ae-6814-414b-b57c-16b4af3e04f6";
        assertThat(createDistribution("cid-dashed", dashed).header("Correlation-ID")).isEqualTo(dashed);
        assertThat(sim.simulator.replacedCorrelationIds()).isEqualTo(before + 1);
    }

    @Test
    void noRequestOfAWholeRunHasItsIdReplaced() throws Exception {
        long before = sim.simulator.replacedCorrelationIds();
        ScenarioResult steady = sim.run(SimulatedRun.scenario("cid-delete", Workload.REPOSITORY_DELETE, 2, 30, 4));
        ScenarioResult backlog = sim.run(SimulatedRun.scenario("cid-create-backlog", Workload.DISTRIBUTION_CREATE, 1, 20, 4)
                .withShape(Shape.BACKLOG));
        assertThat(backlog.notes()).anyMatch(n -> n.contains("one extra task of its own"));
        assertThat(sim.simulator.replacedCorrelationIds()).as("requests whose Correlation-ID Pulp would replace").isEqualTo(before);
        for (ScenarioResult r : java.util.List.of(steady, backlog)) {
            assertThat(r.metrics().completed()).isEqualTo(r.scenario().tasks());
            // the cleanup's delete tasks are found under the id the suite meant
            int cleanupTasks = sim.client.tasks(Map.of("logging_cid", CorrelationIds.derived(r.runId(), "cleanup"), "limit", "1")).count();
            // deletes of what the run created: the deleted repositories are gone already; the
            // distributions are its 20 and the wake-up's one
            assertThat(cleanupTasks).as(r.scenario().name()).isEqualTo(r.scenario().workload() == Workload.REPOSITORY_DELETE ? 0 : 21);
        }
    }
}

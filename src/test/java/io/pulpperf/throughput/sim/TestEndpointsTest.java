package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** pulp-service's {@code test/tasks/} and {@code test/random_lock_tasks/} views. */
@DisplayName("pulp-service test views dispatch no-op tasks for a while")
class TestEndpointsTest {
    private static final SimulatorConfig SHORT = SimulatorConfig.defaults().withWorkers(2)
            .withServiceTime("no_op_task", "1ms")
            .withTestEndpointDuration(Duration.ofMillis(150)).withTestDispatchInterval(Duration.ofMillis(5));

    @Test
    void testTasksDispatchesOneFreshLockPerTaskAtTheConfiguredPace() {
        try (SimHttp s = SimHttp.fast(SHORT)) {
            Response r = s.anonymous().header("Correlation-ID", "1a9e0c3b5d7f4e21a3c5e7f9b1d3f5a7").get("/pulp/test/tasks/");
            assertThat(r.statusCode()).isEqualTo(200);
            int n = r.jsonPath().getInt("tasks_executed");
            assertThat(n).isBetween(1, 150 / 5 + 1);
            s.awaitIdle();
            JsonNode page = s.get("tasks/?logging_cid=1a9e0c3b5d7f4e21a3c5e7f9b1d3f5a7&limit=1000");
            assertThat(page.path("count").asInt()).isEqualTo(n);
            Set<String> locks = new HashSet<>();
            page.path("results").forEach(t -> {
                assertThat(t.path("name").asText()).isEqualTo(TestTaskViews.NO_OP_TASK);
                assertThat(t.path("created_by").isNull()).isTrue();
                locks.add(t.path("reserved_resources_record").get(0).asText());
            });
            assertThat(locks).hasSize(n).allMatch(l -> l.matches("[0-9a-f-]{36}") && l.charAt(14) == '4');
        }
    }

    @Test
    void randomLockTasksUseOneOfThreeLocks() {
        try (SimHttp s = SimHttp.fast(SHORT)) {
            int n = s.anonymous().header("Correlation-ID", "2b8f1d4c6e8a4f32b4d6f8a0c2e4a6b8").get("/pulp/test/random_lock_tasks/").jsonPath().getInt("tasks_executed");
            s.awaitIdle();
            Set<String> locks = new HashSet<>();
            s.get("tasks/?logging_cid=2b8f1d4c6e8a4f32b4d6f8a0c2e4a6b8&limit=1000").path("results")
                    .forEach(t -> locks.add(t.path("reserved_resources_record").get(0).asText()));
            assertThat(n).isPositive();
            assertThat(locks).hasSizeBetween(1, 3);
        }
    }

    @Test
    void underPulpServicesApiRootWithDomainsTheViewsAreAtApiRootTest() {
        try (SimHttp s = SimHttp.fast(SHORT.withApiPath("/api/pulp/", true))) {
            int n = s.anonymous().header("Correlation-ID", "3c7a2e5d7f9b4a43c5e7a9b1d3f5b7c9").get("/api/pulp/test/tasks/").jsonPath().getInt("tasks_executed");
            assertThat(s.get("/api/pulp/default/api/v3/tasks/?logging_cid=3c7a2e5d7f9b4a43c5e7a9b1d3f5b7c9").path("count").asInt()).isEqualTo(n);
        }
    }

    @Test
    void switchedOffTheyAnswerDjangosNotFoundPage() {
        try (SimHttp s = SimHttp.fast(SHORT.withTestEndpoints(false))) {
            for (String path : List.of("/pulp/test/tasks/", "/pulp/test/random_lock_tasks/")) {
                Response r = s.anonymous().get(path);
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.contentType()).isEqualTo("text/html; charset=utf-8");
            }
            assertThat(s.sim.engine().taskCount()).isZero();
        }
    }
}

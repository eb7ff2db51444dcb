package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code status/} and {@code workers/} as the worker count changes while running. */
@DisplayName("Status and workers follow the worker count")
class StatusAndWorkersTest {

    @Test
    void statusNeedsNoAuthAndShowsVersionsAppsAndConnections() {
        try (SimHttp s = SimHttp.fast()) {
            s.anonymous().get("/pulp/api/v3/status/").then().statusCode(200)
                    .body("versions.component", org.hamcrest.Matchers.contains("core", "certguard", "file"))
                    .body("versions[0].version", equalTo("3.105.16"))
                    .body("online_workers", hasSize(2))
                    .body("online_api_apps", hasSize(2))
                    .body("online_content_apps", hasSize(1))
                    .body("database_connection.connected", equalTo(true))
                    .body("redis_connection.connected", equalTo(false))
                    .body("domain_enabled", equalTo(false));
        }
    }

    @Test
    void heartbeatsAppearAndDisappearAsWorkersStartAndStop() {
        try (SimHttp s = SimHttp.fast()) {
            s.sim.setWorkers(3);
            JsonNode status = s.get("/pulp/api/v3/status/");
            assertThat(status.path("online_workers")).hasSize(3);
            status.path("online_workers").forEach(w -> {
                assertThat(w.path("name").asText()).matches("\\d+@pulp-sim");
                assertThat(w.path("last_heartbeat").asText()).matches(JsonShape.TIMESTAMP);
            });
            assertThat(s.get("workers/?online=true").path("count").asInt()).isEqualTo(3);
            s.sim.setWorkers(0);
            assertThat(s.get("/pulp/api/v3/status/").path("online_workers")).isEmpty();
            assertThat(s.get("workers/?online=true").path("count").asInt()).isZero();
        }
    }

    @Test
    void offlineWorkersAreNotListedBecauseAStoppedWorkerDeletesItsRow() {
        try (SimHttp s = SimHttp.fast()) {
            s.as().get(s.v3 + "workers/?online=false").then().statusCode(200).body("count", equalTo(0)).body("results", hasSize(0));
            s.as().get(s.v3 + "workers/?bogus=1").then().statusCode(400).body("errors[0]", equalTo("Invalid Filter: 'bogus'"));
        }
    }

    @Test
    void aBusyWorkerShowsItsCurrentTask() {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(1).withServiceTime("ageneral_delete", "1h"))) {
            String task = s.deleteRepository(s.createRepository("busy"));
            s.awaitTask(task, "running");
            assertThat(s.get("workers/").path("results").get(0).path("current_task").asText()).isEqualTo(task);
            s.cancel(task);
        }
    }
}

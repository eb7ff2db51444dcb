package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code DOMAIN_ENABLED} with pulp-service's {@code API_ROOT=/api/pulp/}. */
@DisplayName("Domains: per-domain paths, tasks and locks")
class DomainsTest {
    private static final SimulatorConfig DOMAINS = SimulatorConfig.defaults().withApiPath("/api/pulp/", true).withWorkers(0)
            .withServiceTime("general_create", "5ms");

    private static String createIn(SimHttp s, String domain, String name) {
        return s.as().contentType(ContentType.JSON).body(Map.of("name", name, "base_path", name))
                .post("/api/pulp/" + domain + "/api/v3/distributions/file/file/").then().statusCode(202)
                .extract().path("task");
    }

    @Test
    void statusStaysAtTheRootAndEverythingElseMovesUnderTheDomain() {
        try (SimHttp s = SimHttp.fast(DOMAINS)) {
            s.anonymous().get("/api/pulp/api/v3/status/").then().statusCode(200);
            s.anonymous().get("/api/pulp/team-a/api/v3/status/").then().statusCode(200);
            s.as().get("/api/pulp/api/v3/tasks/").then().statusCode(404);
            s.as().get("/api/pulp/team-a/api/v3/tasks/").then().statusCode(200);
            assertThat(s.sim.v3Root().getPath()).isEqualTo("/api/pulp/default/api/v3/");
        }
    }

    @Test
    void tasksAreListedOnlyInTheirDomainAndHrefsCarryIt() {
        try (SimHttp s = SimHttp.fast(DOMAINS)) {
            String task = createIn(s, "team-a", "a1");
            assertThat(task).startsWith("/api/pulp/team-a/api/v3/tasks/");
            assertThat(s.get("/api/pulp/team-a/api/v3/tasks/").path("count").asInt()).isEqualTo(1);
            assertThat(s.get("/api/pulp/team-b/api/v3/tasks/").path("count").asInt()).isZero();
            s.as().get(task.replace("team-a", "team-b")).then().statusCode(404);
        }
    }

    @Test
    void distributionCreatesInTwoDomainsDoNotSerializeAgainstEachOther() {
        try (SimHttp s = SimHttp.fast(DOMAINS)) {
            String a = createIn(s, "team-a", "same-name");
            String b = createIn(s, "team-b", "same-name");
            s.sim.setWorkers(2);
            JsonNode ta = s.awaitTask(a, "completed");
            JsonNode tb = s.awaitTask(b, "completed");
            assertThat(ta.path("started_at")).isEqualTo(tb.path("started_at"));
            assertThat(ta.path("reserved_resources_record").get(0)).isNotEqualTo(tb.path("reserved_resources_record").get(0));
            assertThat(ta.path("created_by").asText()).isEqualTo("/api/pulp/team-a/api/v3/users/1/");
        }
    }
}

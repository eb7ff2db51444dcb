package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** results.json holds each scenario's worker health beside its metrics (issue 20). */
class WorkerHealthJsonTest {
    @Test
    void workerHealthSitsAtTheScenariosTopLevel() throws Exception {
        ScenarioResult r = RunFixture.of("repo-2w", 2, 10).build();
        Map<String, Object> health = Map.of("onlineAtStart", List.of("w1", "w2"), "onlineAtEnd", List.of("w1"), "left", List.of(),
                "heartbeatAgeMaxMillis", 14500, "allAlive", false);
        JsonNode s = new ObjectMapper().readTree(ResultsJson.json(Map.of("date", "d"), List.of(new JudgedScenario(r, List.of())),
                Map.of(r.runId(), Map.of("workerHealth", health)))).path("scenarios").get(0);
        assertThat(s.path("workerHealth").path("heartbeatAgeMaxMillis").asLong()).isEqualTo(14500);
        assertThat(s.path("workerHealth").path("allAlive").asBoolean(true)).isFalse();
        assertThat(s.path("workerHealth").path("onlineAtEnd").get(0).asText()).isEqualTo("w1");
    }
}

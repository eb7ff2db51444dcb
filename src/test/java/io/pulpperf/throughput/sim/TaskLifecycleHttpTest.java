package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The tasks the suite's workloads dispatch, through the API: locks, cancel, failure, records. */
@DisplayName("Dispatched tasks lock, cancel and fail like pulpcore 3.105")
class TaskLifecycleHttpTest {

    @Test
    void distributionCreatesInOneDomainRunOneAtATimeWhateverTheWorkers() {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(0).withServiceTime("general_create", "3ms"))) {
            List<String> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) tasks.add(s.createDistribution("d" + i, null));
            s.sim.setWorkers(3);
            List<JsonNode> done = tasks.stream().map(t -> s.awaitTask(t, "completed")).toList();
            for (int i = 1; i < done.size(); i++) {
                assertThat(micros(done.get(i), "started_at")).isGreaterThanOrEqualTo(micros(done.get(i - 1), "finished_at"));
            }
            String domain = done.get(0).path("reserved_resources_record").get(2).asText().replace("shared:prn:core.domain:", "");
            assertThat(strings(done.get(0).path("reserved_resources_record"))).containsExactly(
                    "pdrn:" + domain + ":distribution.base_path", "shared:pdrn:" + domain + ":distributions",
                    "shared:prn:core.domain:" + domain);
            assertThat(done.get(0).path("created_resources").get(0).asText()).startsWith(s.v3 + "distributions/file/file/");
            assertThat(done.get(0).path("result").path("name").asText()).isEqualTo("d0");
        }
    }

    @Test
    void repositoryDeletesAreExclusivePerRepositoryAndASecondDeleteFails() {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(0).withServiceTime("ageneral_delete", "3ms"))) {
            String repo1 = s.createRepository("one");
            String repo2 = s.createRepository("two");
            String first = s.deleteRepository(repo1);
            String other = s.deleteRepository(repo2);
            String again = s.deleteRepository(repo1);
            s.sim.setWorkers(3);
            JsonNode a = s.awaitTask(first, "completed");
            JsonNode b = s.awaitTask(other, "completed");
            JsonNode c = s.awaitTask(again, "failed");
            assertThat(micros(b, "started_at")).isEqualTo(micros(a, "started_at"));
            assertThat(micros(c, "unblocked_at")).isEqualTo(micros(a, "finished_at"));
            assertThat(fieldNames(c.path("error"))).containsExactly("traceback", "description");
            assertThat(c.path("error").path("description").asText()).isEqualTo("FileRepository matching query does not exist.");
            assertThat(strings(a.path("reserved_resources_record")))
                    .containsExactly("prn:file.filerepository:" + SimHttp.idOf(repo1), a.path("reserved_resources_record").get(1).asText());
            assertThat(a.path("reserved_resources_record").get(1).asText()).startsWith("shared:prn:core.domain:");
        }
    }

    @Test
    void cancelingAWaitingTaskGoesThroughCancelingToCanceledWithoutStarting() {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(0))) {
            String task = s.deleteRepository(s.createRepository("r"));
            s.cancel(task).then().statusCode(200)
                    .body("state", equalTo("canceling")).body("created_by", nullValue()).body("unblocked_at", nullValue());
            assertThat(s.get(task).path("state").asText()).isEqualTo("canceling");
            s.sim.setWorkers(1);
            JsonNode done = s.awaitTask(task, "canceled");
            assertThat(done.path("started_at").isNull()).isTrue();
            assertThat(done.path("finished_at").isTextual()).isTrue();
            assertThat(done.path("created_by").asText()).isEqualTo(s.v3 + "users/1/");
            s.cancel(task).then().statusCode(409).body("state", equalTo("canceled"));
        }
    }

    @Test
    void cancelingARunningTaskStopsItAndFreesTheWorker() {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(1).withServiceTime("ageneral_delete", "1h"))) {
            String running = s.deleteRepository(s.createRepository("r1"));
            s.awaitTask(running, "running");
            s.cancel(running).then().statusCode(200).body("state", equalTo("canceling"));
            JsonNode done = s.awaitTask(running, "canceled");
            assertThat(done.path("started_at").isTextual()).isTrue();
            assertThat(micros(done, "finished_at")).isGreaterThanOrEqualTo(micros(done, "started_at"));
            assertThat(s.sim.engine().onlineWorkers()).allMatch(w -> w.currentTask() == null || !w.currentTask().toString().equals(SimHttp.idOf(running)));
        }
    }

    @Test
    void cancelAcceptsOnlyStateCanceled() {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(0))) {
            String task = s.deleteRepository(s.createRepository("r"));
            s.as().contentType(ContentType.JSON).body(Map.of("state", "completed")).patch(task)
                    .then().statusCode(400).body("[0]", equalTo("The only acceptable value for 'state' is 'canceled'."));
            s.as().patch(s.v3 + "tasks/01a21ba4-0000-7000-8000-000000000000/")
                    .then().statusCode(404).body("detail", equalTo("No Task matches the given query."));
        }
    }

    @Test
    void finishedTasksCanBeDeletedButIncompleteOnesConflict() {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(0))) {
            String task = s.deleteRepository(s.createRepository("r"));
            s.as().delete(task).then().statusCode(409);
            s.sim.setWorkers(1);
            s.awaitTask(task, "completed");
            s.as().delete(task).then().statusCode(204);
            s.as().get(task).then().statusCode(404);
        }
    }

    static long micros(JsonNode task, String field) {
        return io.pulpperf.throughput.pulp.PulpTime.parseMicros(task.path(field).asText());
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

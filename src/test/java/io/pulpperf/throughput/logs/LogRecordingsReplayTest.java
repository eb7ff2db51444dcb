package io.pulpperf.throughput.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioObserver;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pulpcore 3.105.16 / gunicorn 25.1.0 lines of pulp-recordings/logs, replayed into files
 * during a scenario: every class counted as the README there lists, and the run's own lines (its
 * Correlation-ID) told from the others. Each file already holds one copy before the scenario
 * starts, so a reader that ignored the start position would count everything twice.
 */
class LogRecordingsReplayTest {
    private static final Path RECORDINGS = Path.of("src/test/resources/pulp-recordings/logs");
    private static final ObjectMapper JSON = new ObjectMapper();
    // The Correlation-ID of the request whose 366 tasks failed in task-failed-pr535.worker.log.
    private static final String PR535_CID = "83dbcdd8a2dd4f699abb08ee8052fb77";

    @TempDir
    Path dir;

    @Test
    @DisplayName("Each recording alone: its classes counted exactly as the recordings' README lists")
    void eachRecording() throws IOException {
        assertThat(counts("api-worker-timeout.error.log", null)).containsExactlyInAnyOrderEntriesOf(
                expected(Map.of("api-timeout", 2L, "traceback", 2L, "error", 2L)));
        assertThat(counts("api-worker-timeout.access.log", null)).containsExactlyInAnyOrderEntriesOf(expected(Map.of("http-5xx", 2L)));
        assertThat(counts("worker-missing-cleanup.worker.log", null)).containsExactlyInAnyOrderEntriesOf(expected(Map.of("worker-lost", 2L)));
        assertThat(counts("task-failed-pr535.worker.log", null)).containsExactlyInAnyOrderEntriesOf(
                expected(Map.of("task-failed", 12L, "traceback", 12L)));
        // 5 tracebacks; their 5 exception lines are database errors (2 AdminShutdown, 3 OperationalError; the other 2
        // lines naming OperationalError are "raise" frames inside the tracebacks, not errors of their own).
        assertThat(counts("db-connections-terminated.worker.log", null)).containsExactlyInAnyOrderEntriesOf(
                expected(Map.of("traceback", 5L, "db-error", 5L)));
    }

    @Test
    @DisplayName("All five recordings in one scenario: the run's own failed tasks told from the others' by Correlation-ID")
    void allTogether() throws IOException {
        List<String> names = List.of("api-worker-timeout.error.log", "api-worker-timeout.access.log", "worker-missing-cleanup.worker.log",
                "task-failed-pr535.worker.log", "db-connections-terminated.worker.log");
        for (String n : names) Files.copy(RECORDINGS.resolve(n), dir.resolve(n));
        Observed o = replay(List.of(dir + "/*.log"), names, PR535_CID);
        JsonNode classes = JSON.valueToTree(o.figures()).path("classes");
        Map<String, long[]> byName = new LinkedHashMap<>();
        classes.forEach(c -> byName.put(c.path("name").asText(), new long[] {c.path("count").asLong(), c.path("ownCount").asLong()}));
        assertThat(byName.get("api-timeout")).containsExactly(2, 0);
        assertThat(byName.get("worker-lost")).containsExactly(2, 0);
        assertThat(byName.get("task-failed")).containsExactly(12, 12);
        assertThat(byName.get("db-error")).containsExactly(5, 0);
        assertThat(byName.get("http-5xx")).containsExactly(2, 0);
        assertThat(byName.get("traceback")).containsExactly(2 + 12 + 5, 12);
        assertThat(byName.get("error")).containsExactly(2, 0);
        JsonNode failed = classes.get(2);
        assertThat(failed.path("first").asText()).startsWith("pulp [" + PR535_CID + "]: pulpcore.tasking.tasks:INFO: Task[");
        assertThat(JSON.valueToTree(o.figures()).path("sources")).hasSize(5);
        assertThat(o.observation()).contains("2 API worker timeouts (first at ", "2 workers lost", "12 failed tasks (all the run's own)",
                "12 of the run's own tasks logged a failure");
        Observed.Attachment tasks = o.attachments().stream().filter(a -> a.name().equals("Logs: the run's failed tasks")).findFirst().orElseThrow();
        // Each failed task with its message's second line and its header-less traceback.
        assertThat(tasks.content()).contains("IntegrityError in task 01a24e9c-492f-70cf-ac62-117be1a5f471",
                "DETAIL:  Key (base_path, pulp_domain_id)", "in create_distribution_task");
    }

    @Test
    @DisplayName("A failed task's own lines: those naming its id, then its message's rest and its traceback; bounded and redacted")
    void aFailedTasksOwnLines() throws IOException {
        String recording = "task-failed-pr535.worker.log";
        String id = "01a24e9c-49ac-709f-8bbd-08f9ec8f98d2";  // started at line 71, failed at 72, its traceback up to line 141
        String retried = "0193e4b2-0000-7000-8000-000000000002";
        String absent = "/pulp/api/v3/tasks/0193e4b2-0000-7000-8000-000000000001/";
        Files.copy(RECORDINGS.resolve(recording), dir.resolve(recording));
        ScenarioObserver.Observing observing = new LogObserver(LogSettings.files(List.of(dir.resolve(recording).toString())))
                .start("replay", Duration.ofMinutes(1));
        Instant started = Instant.now();
        Files.write(dir.resolve(recording), Files.readAllBytes(RECORDINGS.resolve(recording)), StandardOpenOption.APPEND);
        // A secret on a line naming a task (its id without dashes, as some exports write it): shown as ***.
        Files.writeString(dir.resolve(recording), "pulp [None]: app:INFO: retry of " + retried.replace("-", "") + " with password=hunter22\n",
                StandardOpenOption.APPEND);
        Observed o = observing.stop(new ScenarioWindow(started, Instant.now(), null, null, List.of(),
                new ScenarioWindow.Run(PR535_CID, List.of(), List.of("/pulp/api/v3/tasks/" + id + "/", "/pulp/default/api/v3/tasks/" + retried + "/", absent)), List.of()));
        JsonNode tasks = JSON.valueToTree(o.figures()).path("failedTasks");
        assertThat(tasks).hasSize(3);
        JsonNode own = tasks.get(0);
        assertThat(own.path("task").asText()).isEqualTo("/pulp/api/v3/tasks/" + id + "/");
        List<String> lines = new java.util.ArrayList<>();
        own.path("lines").forEach(l -> lines.add(l.asText()));
        assertThat(lines.get(0)).endsWith("Starting task id: " + id + " in domain: default, task_type: pulp_perftest.tasks.create_distribution_task, "
                + "immediate: False, deferred: True");
        assertThat(lines.get(1)).contains("] " + id + " failed (IntegrityError: duplicate key value");
        assertThat(lines.get(2)).startsWith("DETAIL:  Key (base_path, pulp_domain_id)=(, ");
        assertThat(lines.get(3)).contains("pulpcore.tasking.tasks:INFO:   File ", "in _execute_task");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("in create_distribution_task"))
                .as("no line of the next task").noneSatisfy(l -> assertThat(l).contains("01a24e9c-49cb"));
        // Its start, 2 message lines and a 68-line traceback (lines 71 to 141 of the recording): the first 60 kept, the rest counted.
        assertThat(lines).hasSize(TaskLines.MAX_LINES);
        assertThat(own.path("moreLines").asLong()).isEqualTo(71 - TaskLines.MAX_LINES);
        assertThat(tasks.get(1).path("lines")).singleElement().satisfies(l -> assertThat(l.asText()).endsWith("with password=***"));
        assertThat(tasks.get(2).path("task").asText()).isEqualTo(absent);
        assertThat(tasks.get(2).path("lines")).as("the logs were read; no line named it").isEmpty();
        assertThat(JSON.writeValueAsString(o.figures())).doesNotContain("hunter22");
    }

    private Map<String, Long> counts(String recording, String runId) throws IOException {
        Files.copy(RECORDINGS.resolve(recording), dir.resolve(recording));
        Observed o = replay(List.of(dir.resolve(recording).toString()), List.of(recording), runId);
        Map<String, Long> out = new LinkedHashMap<>();
        JSON.valueToTree(o.figures()).path("classes").forEach(c -> out.put(c.path("name").asText(), c.path("count").asLong()));
        assertThat(o.checks()).as("no source problems").isEmpty();
        Files.delete(dir.resolve(recording));
        return out;
    }

    /** Starts the observer (the files hold one copy), appends one more copy of each, stops. */
    private Observed replay(List<String> files, List<String> names, String runId) throws IOException {
        ScenarioObserver observer = new LogObserver(LogSettings.files(files));
        Instant started = Instant.now();
        ScenarioObserver.Observing observing = observer.start("replay", Duration.ofMinutes(1));
        for (String n : names) Files.write(dir.resolve(n), Files.readAllBytes(RECORDINGS.resolve(n)), StandardOpenOption.APPEND);
        return observing.stop(new ScenarioWindow(started, Instant.now(), null, null, List.of(), new ScenarioWindow.Run(runId, List.of()), List.of()));
    }

    private static Map<String, Long> expected(Map<String, Long> nonZero) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (String c : LogClass.PRESETS.keySet()) all.put(c, nonZero.getOrDefault(c, 0L));
        return all;
    }
}

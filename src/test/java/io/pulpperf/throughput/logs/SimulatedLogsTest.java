package io.pulpperf.throughput.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.config.Limits;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.Observers;
import io.pulpperf.throughput.observe.ScenarioWindow;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.measure.FailureReason;
import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.report.Charts;
import io.pulpperf.throughput.report.FailedTaskLogs;
import io.pulpperf.throughput.report.ScenarioSummary;
import io.pulpperf.throughput.report.TimelineChart;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.SimLog;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the simulator's pulpcore-format logs: pulp-service's ingestion view runs longer
 * than gunicorn's timeout, so every request is answered 500 by gunicorn (pulp [-]) after the
 * timeout, and the logs' WORKER TIMEOUT lines are matched by time to the run's failed requests and
 * explained beside them in one Observation.
 */
class SimulatedLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @DisplayName("gunicorn timeout shorter than the view: the dispatch errors and the API timeouts in one Observation")
    void gunicornTimeoutShorterThanTheRequests() throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults().withWorkers(2).withDefaultServiceTime("1ms")
                .withTestEndpointDuration(Duration.ofMillis(600)).withTestDispatchInterval(Duration.ofMillis(50));
        try (SimulatedRun sim = simulator(config, Duration.ofMillis(300))) {
            Observers observers = logObserver(sim);
            Scenario s = Scenario.of("ingest-timeout", Workload.TASK_INGESTION, 2, 20, 2, Duration.ofSeconds(1), new Thresholds(0, 0, 0));
            Observers.Running running = observers.start(s.name(), s.timeout());
            ScenarioResult r = sim.run(s);
            Observed o = stop(running, r, List.of());
            System.out.println(o.console());
            // Every request is killed at gunicorn's timeout: answered 500, or (open at the scenario's deadline) left by the client first,
            // in which case its WORKER TIMEOUT may come after the logs were read.
            long answered500 = r.dispatch().byStatus().getOrDefault(500, 0L);
            assertThat(answered500 + r.dispatch().byStatus().getOrDefault(-1, 0L)).isEqualTo(r.dispatch().requests());
            JsonNode classes = JSON.valueToTree(o.figures()).path("classes");
            JsonNode timeouts = classes.get(0);
            long n = timeouts.path("count").asLong();
            assertThat(timeouts.path("name").asText()).isEqualTo("api-timeout");
            assertThat(n).isPositive().isBetween(answered500, r.dispatch().requests());
            assertThat(timeouts.path("ownCount").asLong()).as("matched by time to the run's failed requests").isEqualTo(n);
            JsonNode http = classes.get(4);
            assertThat(http.path("name").asText()).isEqualTo("http-5xx");
            assertThat(http.path("count").asLong()).isEqualTo(n);
            assertThat(classes.get(5).path("ownCount").asLong()).as("gunicorn's tracebacks, dated by the line above them").isEqualTo(n);
            // The timeline chart marks them where they happened.
            var marks = TimelineChart.logMarks(o.figures(), r.metrics().firstCreated());
            assertThat(marks).hasSize((int) (3 * n));  // timeout, 5xx answer, "Error handling request" per request; tracebacks are not marked
            assertThat(Charts.svg(TimelineChart.of(s.name(), r.metrics(), List.of(), marks), 960, 680)).contains("log: api-timeout", "http-5xx");
            // One Observation puts the client's dispatch errors and the API's timeouts side by side.
            assertThat(o.observation()).contains(n + " API worker timeouts (all the run's own", " of the run's "
                    + (r.dispatch().requests() - r.dispatch().accepted()) + " dispatch errors came while gunicorn killed an API worker at its timeout");
        }
    }

    @Test
    @DisplayName("The run's failed tasks: counted as its own by Correlation-ID, each with its lines beside its error")
    void failedTasksAreTheRunsOwn() throws Exception {
        // Fixture creates and cleanup deletes fail as well (other Correlation-IDs): only the run's own are "own".
        SimulatorConfig config = SimulatorConfig.defaults().withWorkers(2).withDefaultServiceTime("1ms").withFailureRate(0.3);
        try (SimulatedRun sim = simulator(config, null)) {
            Observers observers = logObserver(sim);
            Scenario s = Scenario.of("some-fail", Workload.REPOSITORY_DELETE, 2, 20, 2, Duration.ofSeconds(30), new Thresholds(0, 0, 0));
            Observers.Running running = observers.start(s.name(), s.timeout());
            ScenarioResult r = sim.run(s);
            Observed o = stop(running, r, List.of());
            long own = r.metrics().failed();
            assertThat(own).isPositive();
            JsonNode failed = JSON.valueToTree(o.figures()).path("classes").get(2);
            assertThat(failed.path("name").asText()).isEqualTo("task-failed");
            assertThat(failed.path("ownCount").asLong()).isEqualTo(own);
            assertThat(failed.path("count").asLong()).isGreaterThanOrEqualTo(own);
            assertThat(o.observation()).contains(own + " of the run's own tasks logged a failure");
            assertThat(o.attachments()).anySatisfy(a -> assertThat(a.content()).startsWith("The run's own failed tasks as Pulp logged them")
                    .contains("RuntimeError in task ", "Simulated failure", "in _execute_task"));
        }
    }

    @Test
    @DisplayName("Failed tasks by reason: each reason's first task with its own log lines beside its error (PR #535's view)")
    void eachReasonsFirstTaskHasItsLogLinesBesideItsError() throws Exception {
        // PR #535's view as written (every create after the first fails on the empty base_path) and random failures: two reasons.
        SimulatorConfig config = SimulatorConfig.defaults().withDefaultServiceTime("1ms").withServiceTime("create_distribution_task", "5ms")
                .withFailureRate(0.4).withTestEndpointDuration(Duration.ofMillis(300)).withTestDispatchInterval(Duration.ofMillis(10));
        try (SimulatedRun sim = simulator(config, null)) {
            Observers observers = logObserver(sim);
            Scenario s = new Scenario("pr535", Workload.TASK_INGESTION, 2, 20, 1, null, Shape.STEADY, Duration.ofSeconds(60),
                    new Thresholds(0, 0, 0), null, "test/task_throughput/");
            Observers.Running running = observers.start(s.name(), s.timeout());
            ScenarioResult r = sim.run(s);
            List<FailureReason> reasons = r.metrics().failures();
            Observed o = stop(running, r, reasons.stream().map(FailureReason::firstTask).toList());
            assertThat(reasons).hasSize(2);
            String csv = ScenarioSummary.failuresCsv(r.metrics(), o.figures());
            assertThat(csv).startsWith("count,reason,first_task,example,log_lines\n");
            FailedTaskLogs logs = FailedTaskLogs.of(o.figures());
            for (FailureReason f : reasons) {
                String id = f.firstTask().replaceAll(".*/tasks/([^/]+)/$", "$1");
                String lines = logs.text(f.firstTask());
                // Its start, its failure with the error the tasks API gave, and the top of the traceback; no other task's line.
                assertThat(lines).contains("Starting task id: " + id + " in domain: default",
                        "] " + id + " failed (RuntimeError: " + f.example().lines().findFirst().orElseThrow(), "in _execute_task");
                assertThat(lines.lines().filter(l -> l.contains("task id: ") || l.contains(" failed (")))
                        .as("every id-bearing line names this task").allSatisfy(l -> assertThat(l).contains(id));
                // In the CSV row of its reason, beside its error.
                assertThat(csv).contains(String.join(",", RawTaskCsv.quote(f.reason()), RawTaskCsv.quote(f.firstTask()),
                        RawTaskCsv.quote(f.example()), RawTaskCsv.quote(lines)) + "\n");
            }
            // Without a log source the CSV is as before: no column, nothing said.
            assertThat(ScenarioSummary.failuresCsv(r.metrics(), null)).startsWith("count,reason,first_task,example\n").doesNotContain("Starting task");
        }
    }

    /** The simulator writing pulpcore-format logs; with a gunicorn timeout, its API answers 500 after it. */
    private SimulatedRun simulator(SimulatorConfig config, Duration gunicornTimeout) throws Exception {
        return new SimulatedRun(config, dir.resolve("out"), new Limits(Duration.ofSeconds(5), Duration.ofSeconds(30), 4, 5, Duration.ofSeconds(2)),
                null, SimLog.in(dir.resolve("sim-logs"), gunicornTimeout));
    }

    private static Observers logObserver(SimulatedRun sim) {
        return new Observers(List.of(new LogObserver(LogSettings.files(sim.simulator.logFiles().stream().map(Path::toString).toList()))));
    }

    /** Stops the log observer as the suite does: the run's id, failed requests and the failed tasks to look up. */
    private static Observed stop(Observers.Running running, ScenarioResult r, List<String> failedTasks) {
        return running.stop(micros(r.metrics().firstCreated()), micros(r.metrics().lastFinished()), List.of(),
                new ScenarioWindow.Run(r.runId(), FailedRequests.read(r.dispatchCsv()), failedTasks), List.of()).get(0);
    }

    private static Instant micros(Long epochMicros) {
        return epochMicros == null ? null : Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }
}

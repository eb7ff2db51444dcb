package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.measure.RunMetrics;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one scenario produced, complete or not.
 *
 * @param scenario      what was asked for
 * @param runId         the Correlation-ID every request carried
 * @param workersOnline task workers online when dispatch started
 * @param dispatch      the client side
 * @param metrics       the figures from the tasks
 * @param finished      whether every task of the run reached a final state before the timeout
 * @param problems      what went wrong along the way (timeout, dead API, cleanup errors), in plain words
 * @param notes         what a reader must know to read the numbers
 * @param rawTasksCsv   the per-task raw data
 * @param dispatchCsv   the per-request dispatch log
 * @param target        which server was measured ("embedded simulator" or its URL)
 * @param capacity      what a capacity search found; null for the other shapes
 * @param fleet         the fleet shape's figures, one per worker count; null for the other shapes
 * @param ingestion     the task-ingestion workload's ingestion rate (plan 0002); null for the other workloads
 * @param disruptions   what each of the scenario's disruptions did and cost (issue 28); empty without disruptions
 */
public record ScenarioResult(Scenario scenario, String runId, int workersOnline, DispatchSummary dispatch,
                             RunMetrics metrics, boolean finished, List<String> problems, List<String> notes,
                             Path rawTasksCsv, Path dispatchCsv, String target, CapacityResult capacity, List<FleetCount> fleet,
                             IngestionResult ingestion, List<DisruptionResult> disruptions) {
    public ScenarioResult {
        disruptions = disruptions == null ? List.of() : List.copyOf(disruptions);
    }

    /** The result of a scenario without disruptions. */
    public ScenarioResult(Scenario scenario, String runId, int workersOnline, DispatchSummary dispatch, RunMetrics metrics,
                          boolean finished, List<String> problems, List<String> notes, Path rawTasksCsv, Path dispatchCsv,
                          String target, CapacityResult capacity, List<FleetCount> fleet, IngestionResult ingestion) {
        this(scenario, runId, workersOnline, dispatch, metrics, finished, problems, notes, rawTasksCsv, dispatchCsv, target, capacity, fleet,
                ingestion, List.of());
    }

    /** The result of a scenario with no ingestion figures. */
    public ScenarioResult(Scenario scenario, String runId, int workersOnline, DispatchSummary dispatch, RunMetrics metrics,
                          boolean finished, List<String> problems, List<String> notes, Path rawTasksCsv, Path dispatchCsv,
                          String target, CapacityResult capacity, List<FleetCount> fleet) {
        this(scenario, runId, workersOnline, dispatch, metrics, finished, problems, notes, rawTasksCsv, dispatchCsv, target, capacity, fleet, null);
    }

    /** The result of a scenario of any shape but fleet. */
    public ScenarioResult(Scenario scenario, String runId, int workersOnline, DispatchSummary dispatch, RunMetrics metrics,
                          boolean finished, List<String> problems, List<String> notes, Path rawTasksCsv, Path dispatchCsv,
                          String target, CapacityResult capacity) {
        this(scenario, runId, workersOnline, dispatch, metrics, finished, problems, notes, rawTasksCsv, dispatchCsv, target, capacity, null);
    }

    /** The result of a scenario of any shape but search. */
    public ScenarioResult(Scenario scenario, String runId, int workersOnline, DispatchSummary dispatch, RunMetrics metrics,
                          boolean finished, List<String> problems, List<String> notes, Path rawTasksCsv, Path dispatchCsv,
                          String target) {
        this(scenario, runId, workersOnline, dispatch, metrics, finished, problems, notes, rawTasksCsv, dispatchCsv, target, null);
    }
}

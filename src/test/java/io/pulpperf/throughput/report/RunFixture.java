package io.pulpperf.throughput.report;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.measure.RunAnalyzer;
import io.pulpperf.throughput.pulp.PulpTask;
import io.pulpperf.throughput.run.DispatchSummary;
import io.pulpperf.throughput.run.ScenarioResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scenario result built from made-up tasks whose figures are known by construction: tasks run
 * back to back, one every 1/tps seconds, so throughput is exactly {@code tps}.
 *
 * @param name           scenario name
 * @param workload       which workload
 * @param workers        workers online (and asked for)
 * @param completed      tasks that complete
 * @param failed         tasks that fail (with error "boom"), run after the completed ones
 * @param tps            tasks per second of the back-to-back run
 * @param thresholds     the scenario's thresholds
 * @param extraStatuses  dispatch answers other than 202, by status
 * @param finished       whether the wait ended with everything finished
 * @param problems       problems the run reports
 */
record RunFixture(String name, Workload workload, int workers, int completed, int failed, double tps,
                  Thresholds thresholds, Map<Integer, Integer> extraStatuses, boolean finished, List<String> problems) {
    static final long T0 = 1_800_000_000_000_000L;

    static RunFixture of(String name, int workers, double tps) {
        return new RunFixture(name, Workload.REPOSITORY_DELETE, workers, 100, 0, tps, new Thresholds(1, 0.99, 0), Map.of(),
                true, List.of());
    }

    RunFixture workload(Workload value) {
        return new RunFixture(name, value, workers, completed, failed, tps, thresholds, extraStatuses, finished, problems);
    }

    RunFixture failed(int value) {
        return new RunFixture(name, workload, workers, completed, value, tps, thresholds, extraStatuses, finished, problems);
    }

    RunFixture thresholds(Thresholds value) {
        return new RunFixture(name, workload, workers, completed, failed, tps, value, extraStatuses, finished, problems);
    }

    RunFixture dispatchErrors(Map<Integer, Integer> value) {
        return new RunFixture(name, workload, workers, completed, failed, tps, thresholds, value, finished, problems);
    }

    RunFixture incomplete(String problem) {
        return new RunFixture(name, workload, workers, completed, failed, tps, thresholds, extraStatuses, false,
                List.of(problem));
    }

    ScenarioResult build() {
        long period = Math.round(1e6 / tps);
        RunAnalyzer analyzer = new RunAnalyzer();
        List<String> hrefs = new ArrayList<>();
        List<DispatchRecord> records = new ArrayList<>();
        int n = completed + failed;
        for (int i = 0; i < n; i++) {
            String href = "/pulp/api/v3/tasks/" + name + "-" + i + "/";
            hrefs.add(href);
            boolean ok = i < completed;
            analyzer.accept(new PulpTask(href, "pulpcore.app.tasks.base.general_delete", ok ? "completed" : "failed", "cid",
                    T0, T0, T0 + i * period, T0 + (i + 1) * period, ok ? null : "boom"));
            records.add(new DispatchRecord(i, T0 + i * 1000L, T0 + i * 1000L, 2000, 202, href, 1, true, null, null));
        }
        int seq = n;
        for (Map.Entry<Integer, Integer> e : extraStatuses.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                records.add(new DispatchRecord(seq, T0 + seq * 1000L, T0 + seq * 1000L, e.getKey() < 0 ? -1 : 3000, e.getKey(),
                        null, 0, false, null, "HTTP " + e.getKey()));
                seq++;
            }
        }
        Scenario scenario = Scenario.of(name, workload, workers, n, 8, Duration.ofMinutes(2), thresholds);
        return new ScenarioResult(scenario, "run-" + name, workers, DispatchSummary.of(records), analyzer.result(hrefs),
                finished, problems, List.of("a note"), Path.of("target/none/tasks.csv"), Path.of("target/none/dispatch.csv"),
                "embedded Pulp simulator (not a real Pulp)");
    }
}

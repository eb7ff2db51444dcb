package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.history.EDivisive;
import io.pulpperf.throughput.history.FigureCatalog;
import io.pulpperf.throughput.history.FigureJudgement;
import io.pulpperf.throughput.history.HistoryChecks;
import io.pulpperf.throughput.history.HistoryFile;
import io.pulpperf.throughput.history.HistoryRecord;
import io.pulpperf.throughput.history.HistorySettings;
import io.pulpperf.throughput.history.HistoryTable;
import io.pulpperf.throughput.history.Judge;
import io.pulpperf.throughput.history.JudgeSettings;
import io.pulpperf.throughput.history.NightlyHistory;
import io.pulpperf.throughput.history.SeriesJudgement;
import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.workers.WorkerHealth;
import io.pulpperf.throughput.workers.WorkerHealthObserver;
import io.pulpperf.throughput.workers.WorkersAlive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20 in the history: a run that lost a worker is kept, never a reference, and never judged silently. */
class WorkerHealthHistoryTest {
    private static final WorkersAlive DROPPED = new WorkersAlive(false, List.of("1001@pulp-sim"));
    @TempDir
    Path dir;

    private static HistoryRecord night(int i, double tps, String verdict, WorkersAlive workers) {
        return new HistoryRecord(1, "n" + i, "run-" + i, "s", "s@0", HistoryRecord.OK, verdict, Map.of(), "test", Map.of(), 1,
                Map.of(FigureCatalog.THROUGHPUT, tps), null, workers);
    }

    private static SeriesJudgement judge(List<HistoryRecord> earlier, double tps, WorkersAlive workers) {
        return new Judge(JudgeSettings.defaults(), EDivisive.defaults()).judge("s@0", earlier,
                new Judge.Tonight("tonight", "now", Map.of(FigureCatalog.THROUGHPUT, new double[] {tps}), workers), "");
    }

    private static FigureJudgement throughput(SeriesJudgement j) {
        return j.figures().stream().filter(f -> f.name().equals(FigureCatalog.THROUGHPUT)).findFirst().orElseThrow();
    }

    @Test
    void anEarlierRunThatLostAWorkerIsNotInTheReference() {
        WorkersAlive alive = new WorkersAlive(true, List.of());
        List<HistoryRecord> earlier = new ArrayList<>(List.of(night(0, 100, "not judged", alive), night(1, 101, "not judged", alive),
                night(2, 99, "not judged", null), night(3, 70, "not judged", DROPPED), night(4, 100.5, "no change", alive),
                night(5, 99.5, "no change", alive)));
        FigureJudgement f = throughput(judge(earlier, 100, alive));
        // With the drop-out's 70 the median of six would be 99.75.
        assertThat(f.referenceRuns()).isEqualTo(5);
        assertThat(f.reference()).isEqualTo(100.0);
        assertThat(judge(earlier, 100, alive).runs()).isEqualTo(5);
    }

    @Test
    void slowerNightsThatLostAWorkerDoNotHideARegression() {
        List<HistoryRecord> earlier = new ArrayList<>();
        double[] fast = {100, 101, 99, 100.5};
        for (int i = 0; i < fast.length; i++) earlier.add(night(i, fast[i], "no change", null));
        double[] dropped = {70, 69, 71, 70};
        for (int i = 0; i < dropped.length; i++) earlier.add(night(4 + i, dropped[i], "not judged", DROPPED));
        SeriesJudgement j = judge(earlier, 70, null);
        assertThat(j.verdict()).isEqualTo("regression");
        assertThat(throughput(j).reference()).isEqualTo(100.25);
        assertThat(j.points()).extracting(SeriesJudgement.TrendPoint::runId).doesNotContain("run-4", "run-5", "run-6", "run-7");
    }

    @Test
    void tonightWithADropOutIsNotJudgedAndSaysWhyEverywhere() {
        List<HistoryRecord> earlier = new ArrayList<>();
        for (int i = 0; i < 6; i++) earlier.add(night(i, 100 + (i % 2), "no change", null));
        SeriesJudgement j = judge(earlier, 60, DROPPED);
        assertThat(j.verdict()).isEqualTo("not judged");
        FigureJudgement f = throughput(j);
        assertThat(f.verdict()).isEqualTo("not judged");
        assertThat(f.reference()).as("shown for information").isEqualTo(100.5);
        assertThat(f.change()).isNotNull();

        List<Check> checks = HistoryChecks.of(j);
        assertThat(checks).noneMatch(Check::failed);
        assertThat(checks).singleElement().extracting(Check::detail).asString()
                .startsWith("not judged: workers not all alive (1001@pulp-sim left the online set) tonight");
        assertThat(HistoryTable.markdown(Map.of("s", j)))
                .contains("| s | throughput | 100.50 | 60.00 | -40.3% |")
                .contains("| not judged: workers not all alive (1001@pulp-sim left the online set) |");
        assertThat(HistoryHtml.of(Map.of("s", j))).contains("not judged: workers not all alive (1001@pulp-sim left the online set)");
        Map<String, Object> json = HistoryTable.forResults(j);
        assertThat(json).containsEntry("verdict", "not judged").containsEntry("workerHealth", DROPPED);
        assertThat((String) json.get("notJudged")).contains("1001@pulp-sim").contains("not compared with runs whose workers all stayed");
        assertThat(HistoryTable.observation(j)).startsWith("vs history: not judged (workers not all alive (1001@pulp-sim");
    }

    @Test
    void theRecordCarriesTheWorkersHealthAndTheNextNightLeavesItOut() throws Exception {
        Path file = dir.resolve("h.jsonl");
        Map<String, String> props = Map.of(HistorySettings.PATH_PROPERTY, file.toString());
        Map<String, Object> left = Map.of(WorkerHealthObserver.SOURCE, Map.of("allAlive", false,
                "left", List.of(new WorkerHealth.Left("1001@pulp-sim", 7.0, 12.5, true))));
        Map<String, Object> stayed = Map.of(WorkerHealthObserver.SOURCE, Map.of("allAlive", true, "left", List.of()));
        for (int i = 0; i < 3; i++) nightOf(props, 100, stayed);
        SeriesJudgement dropped = nightOf(props, 60, left);
        assertThat(dropped.verdict()).isEqualTo("not judged");
        assertThat(dropped.whyNotJudged()).startsWith("workers not all alive (1001@pulp-sim left the online set) tonight");

        HistoryRecord kept = HistoryFile.read(file).records().get(3);
        assertThat(kept.status()).as("the run itself finished").isEqualTo("ok");
        assertThat(kept.workerHealth()).isEqualTo(DROPPED);
        assertThat(kept.usableAsReference()).isFalse();
        assertThat(HistoryFile.read(file).records().get(0).workerHealth()).isEqualTo(new WorkersAlive(true, List.of()));

        SeriesJudgement next = nightOf(props, 100, stayed);
        assertThat(next.runs()).isEqualTo(3);
        assertThat(next.verdict()).isEqualTo("no change");
    }

    private static SeriesJudgement nightOf(Map<String, String> props, double tps, Map<String, Object> observed) throws Exception {
        NightlyHistory h = NightlyHistory.load(null, props, null).orElseThrow();
        SeriesJudgement j = h.judge(RunFixture.of("a", 2, tps).build(), observed, false);
        h.append();
        return j;
    }
}

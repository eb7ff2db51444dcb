package io.pulpperf.throughput.history;

import java.util.ArrayList;
import java.util.List;

/**
 * One figure of one series: its usable runs (status ok, workers all alive, a positive value) since
 * the last accepted change of that figure, in file order, as log values.
 *
 * @param runs     the runs of the current level
 * @param accepted the accepted change the level starts at, or null
 */
record LevelRuns(List<Run> runs, AcceptedChanges.Change accepted) {

    /**
     * @param number    1-based place of the run among all records of the series ("run #12")
     * @param runId     its run id
     * @param when      when it ran
     * @param value     the figure
     * @param log       its log
     * @param regressed judged a regression, so never a reference (except the accepted change's own nights)
     */
    record Run(int number, String runId, String when, double value, double log, boolean regressed) {}

    static LevelRuns of(List<HistoryRecord> seriesRecords, String series, String figure, AcceptedChanges accepted) {
        int start = 0;
        AcceptedChanges.Change change = accepted.latest(series, figure, seriesRecords).orElse(null);
        if (change != null) start = change.matchIn(seriesRecords);
        List<Run> runs = new ArrayList<>();
        // The nights of an accepted change were judged regressions before it was accepted: they are its new level.
        boolean leading = change != null;
        for (int i = start; i < seriesRecords.size(); i++) {
            HistoryRecord r = seriesRecords.get(i);
            Double v = r.figures() == null ? null : r.figures().get(figure);
            if (!r.usableAsReference() || v == null || !(v > 0) || Double.isInfinite(v)) continue;
            boolean regressed = FigureJudgement.REGRESSION.equals(r.verdict());
            if (!regressed) leading = false;
            runs.add(new Run(i + 1, r.runId(), r.when(), v, Math.log(v), regressed && !leading));
        }
        return new LevelRuns(runs, change);
    }

    /** The values a reference may use, as measured. */
    double[] referenceValues() {
        return runs.stream().filter(r -> !r.regressed()).mapToDouble(Run::value).toArray();
    }

    /** The log values a reference or the noise may use: runs not judged a regression. */
    double[] referenceLogs() {
        return runs.stream().filter(r -> !r.regressed()).mapToDouble(Run::log).toArray();
    }
}

package io.pulpperf.throughput.history;

import io.pulpperf.throughput.workers.WorkersAlive;
import java.util.List;

/**
 * A scenario's run judged against its series.
 *
 * @param verdict      regression (any figure regressed), improvement, no change, or not judged (fewer than 3 earlier runs)
 * @param series       the series key ({@link SeriesKey})
 * @param runs         earlier runs of the series usable as references (status ok)
 * @param note         what the reader must know: a new series and why, lines of the history that were skipped
 * @param figures      every figure with a direction
 * @param changePoints change points found over the whole series, tonight included
 * @param points       the series of the main figures, tonight last (for the trend chart and CSV)
 * @param workers      tonight's worker health, null when not observed; not all alive: not judged (see {@link Judge})
 */
public record SeriesJudgement(String verdict, String series, int runs, String note, List<FigureJudgement> figures,
                              List<ChangePointAt> changePoints, List<TrendPoint> points, WorkersAlive workers) {

    /**
     * @param figure the figure that shifted
     * @param index  index in {@code points} of the first run of the new level
     * @param runId  that run's id
     * @param when   when it ran
     * @param pValue E-divisive's permutation p-value
     */
    public record ChangePointAt(String figure, int index, String runId, String when, double pValue) {}

    /**
     * One run of the series.
     *
     * @param when    when it ran
     * @param runId   its run id
     * @param tonight whether it is this run
     * @param verdict the verdict it got
     * @param figures its figures
     */
    public record TrendPoint(String when, String runId, boolean tonight, String verdict, java.util.Map<String, Double> figures) {}

    /** Tonight's workers were not all alive, so nothing was judged (the figures are shown for information). */
    public boolean workersLeft() {
        return !WorkersAlive.alive(workers);
    }

    /** Why the verdict is "not judged": "workers not all alive (...): ..." or "2 earlier runs in series a@..., 3 needed". */
    public String whyNotJudged() {
        if (workersLeft()) return workers.describe() + " tonight: not compared with runs whose workers all stayed";
        return runs + " earlier run" + (runs == 1 ? "" : "s") + " in series " + series + ", " + JudgeSettings.MIN_RUNS + " needed";
    }

    public boolean regressed() {
        return FigureJudgement.REGRESSION.equals(verdict);
    }
}

package io.pulpperf.throughput.history;

import io.pulpperf.throughput.workers.WorkersAlive;
import java.util.List;

/**
 * A scenario's run judged against its series.
 *
 * @param verdict      the primary figure's: regression, improvement, no change, or not judged (fewer than 2 earlier runs, no noise estimate)
 * @param series       the series key ({@link SeriesKey})
 * @param runs         earlier runs of the series usable as references (status ok)
 * @param note         what the reader must know: a new series and why, lines of the history that were skipped
 * @param figures      every figure with a direction
 * @param changePoints change points found over the whole series, tonight included
 * @param points       the series of the main figures, tonight last (for the trend chart and CSV)
 * @param workers      tonight's worker health, null when not observed; not all alive: not judged (see {@link Judge})
 * @param primary      the figure that gates the verdict (the others are notes), null when none was measured
 */
public record SeriesJudgement(String verdict, String series, int runs, String note, List<FigureJudgement> figures,
                              List<ChangePointAt> changePoints, List<TrendPoint> points, WorkersAlive workers, String primary) {

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

    /** Why the verdict is "not judged": "workers not all alive (...): ..." or "throughput: 1 earlier run at this level, 2 needed (series a@...)". */
    public String whyNotJudged() {
        if (workersLeft()) return workers.describe() + " tonight: not compared with runs whose workers all stayed";
        FigureJudgement gate = gate();
        if (gate != null && gate.why() != null) return gate.name() + ": " + gate.why() + " (series " + series + ")";
        if (gate == null && primary == null) return "no gating figure measured (series " + series + ")";
        return runs + " earlier run" + (runs == 1 ? "" : "s") + " in series " + series + ", " + JudgeSettings.MIN_RUNS + " needed";
    }

    /** The gating figure's judgement, or null. */
    public FigureJudgement gate() {
        return figures.stream().filter(FigureJudgement::gating).findFirst().orElse(null);
    }

    public boolean regressed() {
        return FigureJudgement.REGRESSION.equals(verdict);
    }
}

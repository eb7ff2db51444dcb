package io.pulpperf.throughput.history;

import java.util.Locale;

/**
 * One figure of tonight against its series.
 *
 * @param name             the figure ({@link FigureCatalog})
 * @param direction        "higher is better" or "lower is better"
 * @param reference        median of the reference runs; null when not judged for want of them
 * @param value            tonight (the median of its rounds)
 * @param change           (value - reference) / reference; null when not judged
 * @param significance     one-sided p-value of tonight against the reference (t with the noise's degrees of
 *                         freedom), in the direction of the change; null when not judged
 * @param verdict          regression, improvement, no change or not judged
 * @param referenceRuns    runs the reference was taken from
 * @param tolerance        the change that had to be exceeded, as a fraction
 * @param spread           tonight's rounds, null with one round
 * @param gating           the scenario's primary figure: only its regression fails the scenario; the others are notes
 * @param noise            the noise it was judged with; null when none could be estimated
 * @param detectableChange smallest change in the bad direction tonight's single-night test could flag (fraction); null when not judged
 * @param detectableRepeat3 the same with repeat 3 (rounds independent), for a series of single runs; else null
 * @param lasting          a lasting regression found by the persistence test, or null
 * @param accepted         the accepted change the reference starts at, or null
 * @param why              why it is not judged, or null
 */
public record FigureJudgement(String name, String direction, Double reference, double value, Double change, Double significance,
                              String verdict, int referenceRuns, double tolerance, Spread spread, boolean gating,
                              NoiseEstimate noise, Double detectableChange, Double detectableRepeat3, Lasting lasting,
                              AcceptedChanges.Change accepted, String why) {
    public static final String REGRESSION = "regression";
    public static final String IMPROVEMENT = "improvement";
    public static final String NO_CHANGE = "no change";
    public static final String NOT_JUDGED = "not judged";

    /**
     * A level that stayed worse: the mean of the last {@code runs} runs (tonight the last) against
     * the reference before them.
     *
     * @param sinceRun 1-based number of the first run at the new level among the series' records
     * @param runId    that run's id
     * @param when     when it ran
     * @param change   the new level's change against the reference (fraction)
     * @param runs     runs at the new level, tonight included
     * @param p        one-sided p-value of the persistence test (before the Bonferroni split)
     */
    public record Lasting(int sinceRun, String runId, String when, double change, int runs, double p) {
        /** "regression since run #12 (2026-12-09): throughput -18.0%, 4 runs at the new level". */
        public String describe(String figure) {
            String day = when == null ? "" : " (" + (when.length() >= 10 ? when.substring(0, 10) : when) + ")";
            return String.format(Locale.ROOT, "regression since run #%d%s: %s %+.1f%%, %d runs at the new level", sinceRun, day, figure,
                    change * 100, runs);
        }
    }

    /** "could flag a throughput drop of 24% or more; repeat 3 would bring it to 14%", or "" when not judged. */
    public String detectable() {
        if (detectableChange == null) return "";
        String move = direction.equals(Direction.HIGHER_IS_BETTER.label()) ? "drop" : "rise";
        String out = String.format(Locale.ROOT, "could flag a %s %s of %.0f%% or more", name, move, detectableChange * 100);
        if (detectableRepeat3 != null && detectableRepeat3 < detectableChange - 0.005) {
            out += String.format(Locale.ROOT, "; repeat 3 would bring it to %.0f%%", detectableRepeat3 * 100);
        }
        return out;
    }
}

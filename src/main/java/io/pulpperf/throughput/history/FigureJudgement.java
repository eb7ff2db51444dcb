package io.pulpperf.throughput.history;

/**
 * One figure of tonight against its series.
 *
 * @param name          the figure ({@link FigureCatalog})
 * @param direction     "higher is better" or "lower is better"
 * @param reference     median of the reference runs; null when not judged for want of them
 * @param value         tonight (the median of its rounds)
 * @param change        (value - reference) / reference; null when not judged
 * @param significance  p-value of the two-sided pooled t-test, Holm-adjusted over the scenario's figures; null when not judged
 * @param verdict       regression, improvement, no change or not judged
 * @param referenceRuns runs the reference was taken from
 * @param tolerance     the change that had to be exceeded, as a fraction
 * @param spread        tonight's rounds, null with one round
 */
public record FigureJudgement(String name, String direction, Double reference, double value, Double change, Double significance,
                              String verdict, int referenceRuns, double tolerance, Spread spread) {
    public static final String REGRESSION = "regression";
    public static final String IMPROVEMENT = "improvement";
    public static final String NO_CHANGE = "no change";
    public static final String NOT_JUDGED = "not judged";
}

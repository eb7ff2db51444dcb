package io.pulpperf.throughput.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pulpperf.throughput.workers.WorkersAlive;
import java.util.Map;

/**
 * One scenario of one run, as one line of the history file (JSON Lines, see README "Nightly history
 * and regressions").
 *
 * @param schema       the line's format version, {@link #SCHEMA}
 * @param when         when the scenario ended, ISO-8601 UTC
 * @param runId        the run id (Correlation-ID) of the scenario; with repetitions, the rounds' ids joined by ','
 * @param scenario     the scenario's name
 * @param series       the series: name plus a digest of the parameters ({@link SeriesKey})
 * @param status       {@code ok}, {@code failed} (incomplete, errors, thresholds) or {@code interrupted}; only ok runs are references
 * @param verdict      what the judgement against the history said: regression, improvement, no change, not judged
 * @param pulp         Pulp's component versions from status/ (the simulator says so in its own)
 * @param suiteVersion this suite's version
 * @param parameters   the scenario's parameters that define its series
 * @param rounds       how many rounds the figures are the median of
 * @param figures      every figure by name (see {@link FigureCatalog}), the median of the rounds
 * @param spread       with rounds > 1: each figure's min and max over the rounds
 * @param workerHealth whether the workers were all alive throughout (any round) and who left; absent in older
 *                     records and without the worker-health observer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryRecord(int schema, String when, String runId, String scenario, String series, String status,
                            String verdict, Map<String, String> pulp, String suiteVersion, Map<String, Object> parameters,
                            int rounds, Map<String, Double> figures, Map<String, Spread> spread,
                            WorkersAlive workerHealth) {
    public static final int SCHEMA = 1;
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";

    /**
     * Only ok runs whose workers all stayed: a run that lost a worker measured a smaller fleet than
     * its parameters say, so as a reference it would drag the median down and hide a real regression.
     */
    public boolean usableAsReference() {
        return OK.equals(status) && WorkersAlive.alive(workerHealth);
    }
}

package io.pulpperf.throughput.history;

import io.pulpperf.throughput.workers.WorkersAlive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.inference.TTest;

/**
 * Judges one run of a scenario against the earlier runs of its series. A figure regressed (or
 * improved) only when its change against the reference median exceeds the tolerance AND a test
 * says the change is larger than the series' own noise.
 *
 * <p>The test is the t-test of one new observation against a sample (the prediction interval):
 * tonight's value (the median of its rounds) against the reference runs' values (each the median
 * of their rounds), two-sided, through Apache Commons Statistics' {@code TTest}. Why not
 * Mann-Whitney U: with one value tonight its smallest p-value is 1/(n+1), 0.048 against 20 runs
 * and 0.25 against 3, so it could never flag a single night against a short series however quiet.
 * The t-test takes the series' own spread as the noise, so a quiet series catches a small change
 * early and a noisy one needs a big change; repetitions make every value of the series a median of
 * k rounds, which narrows that spread (k is part of the series, {@link SeriesKey}). Run-level
 * figures (rates, percentiles of hundreds of tasks) are close to normal from run to run, which is
 * what the test assumes. The p-values of a scenario's figures are Holm-adjusted, so the chance of
 * any false alarm for a scenario in a run stays at or under {@code significance}, however many
 * figures it has.
 *
 * <p>The reference: the series' last {@code window} runs with status ok whose workers all stayed
 * online ({@link HistoryRecord#usableAsReference()}). Once a change point
 * (E-divisive, {@link EDivisive}) has at least 3 runs after it, only those count: the new level is
 * then established and judged against itself. Until then, runs judged a regression are left out,
 * so a lasting regression keeps failing until it is confirmed as a change point (3 nights) or fixed.
 */
public final class Judge {
    private final JudgeSettings settings;
    private final EDivisive changePoints;

    public Judge(JudgeSettings settings, EDivisive changePoints) {
        this.settings = settings;
        this.changePoints = changePoints;
    }

    /**
     * Tonight as measured: each figure's rounds, who it is, and its workers' health (null when not observed).
     */
    public record Tonight(String runId, String when, Map<String, double[]> rounds, WorkersAlive workers) {
        public Tonight(String runId, String when, Map<String, double[]> rounds) {
            this(runId, when, rounds, null);
        }
    }

    /**
     * @param series  the series key
     * @param earlier every earlier record of the series, in file order, any status
     * @param tonight this run
     * @param note    what the caller knows the reader must know (new series, skipped lines), or ""
     */
    public SeriesJudgement judge(String series, List<HistoryRecord> earlier, Tonight tonight, String note) {
        List<HistoryRecord> usable = earlier.stream().filter(HistoryRecord::usableAsReference).toList();
        Map<String, Spread> tonightSpread = new LinkedHashMap<>();
        tonight.rounds().forEach((k, v) -> tonightSpread.put(k, Spread.of(v)));

        List<SeriesJudgement.TrendPoint> points = new ArrayList<>();
        for (HistoryRecord r : usable) points.add(new SeriesJudgement.TrendPoint(r.when(), r.runId(), false, r.verdict(), r.figures()));
        Map<String, Double> tonightFigures = new LinkedHashMap<>();
        tonightSpread.forEach((k, s) -> tonightFigures.put(k, s.median()));

        List<SeriesJudgement.ChangePointAt> found = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        List<FigureJudgement> notJudged = new ArrayList<>();
        for (var e : tonightSpread.entrySet()) {
            String figure = e.getKey();
            Direction dir = FigureCatalog.direction(figure);
            if (dir == Direction.NONE) continue;
            double tol = settings.toleranceOf(figure);
            Spread now = e.getValue();
            Spread shown = now.n() > 1 ? now : null;
            // The series of this figure: earlier usable runs that measured it, then tonight.
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < usable.size(); i++) if (usable.get(i).figures().get(figure) != null) at.add(i);
            double[] whole = new double[at.size() + 1];
            for (int i = 0; i < at.size(); i++) whole[i] = usable.get(at.get(i)).figures().get(figure);
            whole[at.size()] = now.median();
            List<EDivisive.ChangePoint> cps = changePoints.changePoints(whole);
            for (EDivisive.ChangePoint cp : cps) {
                int idx = cp.index() < at.size() ? at.get(cp.index()) : usable.size();
                String runId = idx < usable.size() ? usable.get(idx).runId() : tonight.runId();
                String when = idx < usable.size() ? usable.get(idx).when() : tonight.when();
                found.add(new SeriesJudgement.ChangePointAt(figure, idx, runId, when, cp.pValue()));
            }
            double[] reference = reference(usable, at, whole, cps);
            if (usable.size() < JudgeSettings.MIN_RUNS || reference.length < JudgeSettings.MIN_RUNS) {
                notJudged.add(new FigureJudgement(figure, dir.label(), null, now.median(), null, null, FigureJudgement.NOT_JUDGED,
                        reference.length, tol, shown));
                continue;
            }
            double refMedian = Spread.of(reference).median();
            if (refMedian == 0) {
                // A relative change from 0 has no size; an error rate leaving 0 is the thresholds' job.
                notJudged.add(new FigureJudgement(figure, dir.label(), refMedian, now.median(), null, null, FigureJudgement.NOT_JUDGED,
                        reference.length, tol, shown));
                continue;
            }
            candidates.add(new Candidate(figure, dir, tol, refMedian, now, reference, pValue(now.median(), reference)));
        }
        boolean workersLeft = !WorkersAlive.alive(tonight.workers());
        double[] adjusted = holm(candidates.stream().mapToDouble(Candidate::p).toArray());
        List<FigureJudgement> figures = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            double change = (c.now.median() - c.refMedian) / Math.abs(c.refMedian);
            String verdict = FigureJudgement.NO_CHANGE;
            if (workersLeft) {
                // Reference, change and p stay for the reader; the verdict is withheld (see below).
                verdict = FigureJudgement.NOT_JUDGED;
            } else if (Math.abs(change) > c.tol && adjusted[i] < settings.significance()) {
                verdict = Math.signum(change) == c.dir.sign() ? FigureJudgement.IMPROVEMENT : FigureJudgement.REGRESSION;
            }
            figures.add(new FigureJudgement(c.figure, c.dir.label(), c.refMedian, c.now.median(), change, adjusted[i], verdict,
                    c.reference.length, c.tol, c.now.n() > 1 ? c.now : null));
        }
        figures.addAll(notJudged);
        points.add(new SeriesJudgement.TrendPoint(tonight.when(), tonight.runId(), true, null, tonightFigures));

        String verdict;
        // Tonight lost a worker: its figures measured a smaller fleet than the series did, so a
        // "regression" would blame Pulp for the fleet (worker health already names the drop-out)
        // and a "no change" would claim a comparison that did not hold. Not judged, said why.
        if (workersLeft || usable.size() < JudgeSettings.MIN_RUNS) verdict = FigureJudgement.NOT_JUDGED;
        else if (figures.stream().anyMatch(f -> f.verdict().equals(FigureJudgement.REGRESSION))) verdict = FigureJudgement.REGRESSION;
        else if (figures.stream().anyMatch(f -> f.verdict().equals(FigureJudgement.IMPROVEMENT))) verdict = FigureJudgement.IMPROVEMENT;
        else if (candidates.isEmpty()) verdict = FigureJudgement.NOT_JUDGED;
        else verdict = FigureJudgement.NO_CHANGE;
        found.sort(Comparator.comparingInt(SeriesJudgement.ChangePointAt::index));
        return new SeriesJudgement(verdict, series, usable.size(), note, figures, found, points, tonight.workers());
    }

    private record Candidate(String figure, Direction dir, double tol, double refMedian, Spread now, double[] reference, double p) {}

    /** The reference values of one figure; see the class comment. */
    private double[] reference(List<HistoryRecord> usable, List<Integer> at, double[] whole, List<EDivisive.ChangePoint> cps) {
        int earlierCount = at.size();
        int start = 0;
        boolean afterChange = false;
        for (EDivisive.ChangePoint cp : cps) {
            if (cp.index() < earlierCount && earlierCount - cp.index() >= JudgeSettings.MIN_RUNS) {
                start = cp.index();
                afterChange = true;
            }
        }
        List<Double> ref = new ArrayList<>();
        for (int i = start; i < earlierCount; i++) {
            boolean regressed = FigureJudgement.REGRESSION.equals(usable.get(at.get(i)).verdict());
            if (afterChange || !regressed) ref.add(whole[i]);
        }
        int from = Math.max(0, ref.size() - settings.window());
        return ref.subList(from, ref.size()).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Two-sided p-value of tonight's value against the reference runs: the t-test of a new
     * observation against a sample, whose statistic is (x - mean) / (s sqrt(1 + 1/n)) with n - 1
     * degrees of freedom (the prediction interval). Commons' TTest refuses a sample of one, so this
     * asks its one-sample test, with mu = tonight, for a variance scaled by (n + 1): its statistic
     * (mean - x) / sqrt(s^2 (n + 1) / n) is the same number.
     */
    static double pValue(double tonight, double[] reference) {
        int n = reference.length;
        double mean = mean(reference);
        double v = variance(reference, mean);
        if (v == 0) return tonight == mean ? 1 : 0;
        double p = TTest.withDefaults().withMu(tonight).test(mean, v * (n + 1), n).getPValue();
        return Double.isNaN(p) ? 1 : p;
    }

    /** Holm's step-down adjustment: adjusted p-values, in the input's order. */
    static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] out = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            out[i] = running;
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return s / (v.length - 1);
    }
}

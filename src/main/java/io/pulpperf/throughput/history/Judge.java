package io.pulpperf.throughput.history;

import io.pulpperf.throughput.workers.WorkersAlive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Judges one run of a scenario against the earlier runs of its series, in log space (a relative
 * change is a difference, the noise is relative), with the target's noise ({@link TargetNoise}).
 *
 * <p><b>One primary figure gates.</b> A scenario's figures move together (throughput, steady rate
 * and the wait percentiles of one run), so a multiplicity correction that treats them as independent
 * throws power away (Holm over six figures needed p &lt; 0.0017). As in clinical trials' "primary
 * endpoint" (ICH E9, section 2.2.2; FDA, Multiple Endpoints in Clinical Trials, 2022), one figure
 * per scenario is named in advance and only it decides the verdict: sustainedRate for a capacity
 * search, else throughput. The other figures are judged the same way and reported as notes. With
 * one gating figure no multiplicity correction is needed.
 *
 * <p><b>Two one-sided tests, significance split between them (Bonferroni).</b> Only the bad
 * direction alarms; two thirds of the significance go to the single night, one third to the
 * persistence test (more to the single night bought first-night power at the same measured false
 * alarms, VerdictMethodComparisonTest), so a scenario-night's false-alarm rate
 * stays at or under {@code significance}:
 * <ul>
 *   <li>Single night: tonight's log value against the reference median, statistic
 *       d / (sigma sqrt(1 + v(n))) on the t distribution with the noise's degrees of freedom, where
 *       v(n) = pi / (2n) is the variance of a median of n (1/n for n = 2, a mean).</li>
 *   <li>Persistence (a lasting shift): the mean of the last m runs (tonight the last, m = 3 and 5
 *       and the length of the current run of regression nights plus tonight) against the reference
 *       before them, sigma sqrt(1/m + v(n)); the significance is split over the m tried
 *       (Bonferroni). Two fixed windows, not 2..5: the split over four correlated windows cost more
 *       power than the extra windows gave (measured side by side, VerdictMethodComparisonTest). A
 *       window-limited test of the last m means is the window-limited GLR for a shift of unknown
 *       size (Lai 1995, JRSS B 57, "Sequential changepoint detection in quality control and
 *       dynamical systems"). A shift no single night can flag is then flagged once a few nights share it,
 *       and keeps failing every night (nights judged a regression never enter a reference) until
 *       it is accepted ({@link AcceptedChanges}) or the level returns: tonight and the run before
 *       both within the tolerance of the reference.</li>
 * </ul>
 * Both also need the change to exceed the tolerance. The reference: the median of the last
 * {@code window} usable runs of the current level (since the last accepted change) not judged a
 * regression. The power and false alarms are measured in NightlyVerdictTest (README table).
 */
public final class Judge {
    /** Earlier runs the reference needs (the pooled noise makes a new series judgeable from its third run). */
    static final int MIN_REFERENCE = JudgeSettings.MIN_RUNS;
    /** How unlikely under the old level tonight must be for a shift already found to go on failing. */
    static final double CONTINUES = 0.05;
    /** Variance of the median of 3 normal values, in units of one value's (Teichroew 1956 tables): repeat 3. */
    private static final double MEDIAN_OF_3 = 0.4487;

    private final JudgeSettings settings;
    private final EDivisive changePoints;
    private final AcceptedChanges accepted;
    private final VerdictMethod method;

    public Judge(JudgeSettings settings, EDivisive changePoints) {
        this(settings, changePoints, AcceptedChanges.none());
    }

    /** @param changePoints E-divisive for the report's change points, or null to skip them (they do not decide) */
    public Judge(JudgeSettings settings, EDivisive changePoints, AcceptedChanges accepted) {
        this(settings, changePoints, accepted, VerdictMethod.defaults());
    }

    /** With another method, for measuring alternatives side by side (VerdictMethodComparisonTest). */
    Judge(JudgeSettings settings, EDivisive changePoints, AcceptedChanges accepted, VerdictMethod method) {
        this.settings = settings;
        this.changePoints = changePoints;
        this.accepted = accepted;
        this.method = method;
    }

    /**
     * Tonight as measured: each figure's rounds, who it is, and its workers' health (null when not observed).
     */
    public record Tonight(String runId, String when, Map<String, double[]> rounds, WorkersAlive workers) {
        public Tonight(String runId, String when, Map<String, double[]> rounds) {
            this(runId, when, rounds, null);
        }
    }

    /** Judged with the noise of this series alone (a lone scenario). */
    public SeriesJudgement judge(String series, List<HistoryRecord> earlier, Tonight tonight, String note) {
        return judge(series, earlier, tonight, note, new TargetNoise(earlier, accepted));
    }

    /**
     * @param series the series key
     * @param earlier every earlier record of the series, in file order, any status
     * @param tonight this run
     * @param note    what the caller knows the reader must know (new series, skipped lines), or ""
     * @param noise   the target's noise, from every record of the history file
     */
    public SeriesJudgement judge(String series, List<HistoryRecord> earlier, Tonight tonight, String note, TargetNoise noise) {
        List<HistoryRecord> usable = earlier.stream().filter(HistoryRecord::usableAsReference).toList();
        Map<String, Spread> tonightSpread = new LinkedHashMap<>();
        tonight.rounds().forEach((k, v) -> tonightSpread.put(k, Spread.of(v)));
        int rounds = tonightSpread.values().stream().mapToInt(Spread::n).max().orElse(1);
        String primary = primary(tonightSpread.keySet());

        List<SeriesJudgement.TrendPoint> points = new ArrayList<>();
        for (HistoryRecord r : usable) points.add(new SeriesJudgement.TrendPoint(r.when(), r.runId(), false, r.verdict(), r.figures()));
        Map<String, Double> tonightFigures = new LinkedHashMap<>();
        tonightSpread.forEach((k, s) -> tonightFigures.put(k, s.median()));

        List<SeriesJudgement.ChangePointAt> found = new ArrayList<>();
        List<FigureJudgement> figures = new ArrayList<>();
        boolean workersLeft = !WorkersAlive.alive(tonight.workers());
        for (var e : tonightSpread.entrySet()) {
            String figure = e.getKey();
            Direction dir = FigureCatalog.direction(figure);
            if (dir == Direction.NONE) continue;
            changePointsOf(figure, usable, e.getValue().median(), tonight, found);
            FigureJudgement f = judgeFigure(series, earlier, figure, dir, e.getValue(), rounds, figure.equals(primary), noise, tonight);
            if (workersLeft && !f.verdict().equals(FigureJudgement.NOT_JUDGED)) {
                // Reference, change and p stay for the reader; the verdict is withheld (see below).
                f = withVerdict(f, FigureJudgement.NOT_JUDGED, "workers not all alive tonight");
            }
            figures.add(f);
        }
        figures.sort(Comparator.comparing((FigureJudgement f) -> !f.gating()));
        points.add(new SeriesJudgement.TrendPoint(tonight.when(), tonight.runId(), true, null, tonightFigures));

        FigureJudgement gate = figures.stream().filter(FigureJudgement::gating).findFirst().orElse(null);
        String verdict;
        // Tonight lost a worker: its figures measured a smaller fleet than the series did, so a
        // "regression" would blame Pulp for the fleet (worker health already names the drop-out)
        // and a "no change" would claim a comparison that did not hold. Not judged, said why.
        if (workersLeft || gate == null) verdict = FigureJudgement.NOT_JUDGED;
        else verdict = gate.verdict();
        found.sort(Comparator.comparingInt(SeriesJudgement.ChangePointAt::index));
        return new SeriesJudgement(verdict, series, usable.size(), note, figures, found, points, tonight.workers(), primary);
    }

    /** The figure that gates: sustainedRate for a capacity search, else throughput, else the first main figure measured. */
    static String primary(Set<String> measured) {
        for (String f : FigureCatalog.MAIN) if (measured.contains(f)) return f;
        return null;
    }

    private FigureJudgement judgeFigure(String series, List<HistoryRecord> earlier, String figure, Direction dir, Spread now, int rounds,
                                        boolean gating, TargetNoise noises, Tonight tonight) {
        double tol = settings.toleranceOf(figure);
        Spread shown = now.n() > 1 ? now : null;
        LevelRuns level = LevelRuns.of(earlier, series, figure, accepted);
        List<LevelRuns.Run> runs = level.runs();
        double[] ref = last(runs.stream().filter(r -> !r.regressed()).mapToDouble(LevelRuns.Run::log).toArray(), settings.window());
        double[] refValues = last(level.referenceValues(), settings.window());
        Double refMedian = ref.length == 0 ? null : TargetNoise.median(refValues);
        Optional<NoiseEstimate> noise = noises.of(series, figure, rounds);
        String why = null;
        if (ref.length < MIN_REFERENCE) {
            // Runs whose value was 0 do not count: a change from 0 has no relative size.
            why = ref.length + " earlier run" + (ref.length == 1 ? "" : "s") + " at this level with a value above 0, " + MIN_REFERENCE + " needed";
        } else if (!(now.median() > 0)) {
            why = "tonight's value is " + now.median() + ": a relative change needs a positive value";
        } else if (noise.isEmpty()) {
            why = "no noise estimate yet (no series of this target with 2 runs of " + figure + ")";
        }
        if (why != null) {
            return new FigureJudgement(figure, dir.label(), refMedian, now.median(), null, null, FigureJudgement.NOT_JUDGED, ref.length, tol,
                    shown, gating, noise.orElse(null), null, null, null, level.accepted(), why);
        }
        NoiseEstimate n = noise.get();
        TDistribution t = TDistribution.of(n.df());
        double x = Math.log(now.median());
        double refLog = center(ref);
        int sign = dir.sign();
        double alpha = settings.significance() * method.singleShare();
        double se = n.sigma() * Math.sqrt(1 + referenceVariance(ref.length));
        double stat = stat(sign * (x - refLog), se);
        double pBad = t.cumulativeProbability(stat);
        double pGood = t.survivalProbability(stat);
        // Shown and held against the tolerance: the plain median of the reference values (for an even
        // count the mean of the middle two, as a reader would take it); the test itself is in logs.
        double shownRef = refMedian;
        double change = now.median() / shownRef - 1;
        boolean bad = pBad < alpha && beyond(change, tol, -sign);
        boolean good = pGood < alpha && beyond(change, tol, sign);
        FigureJudgement.Lasting lasting = lasting(runs, x, earlier.size() + 1, tonight, n, t, sign, tol, shownRef);
        String verdict = bad || lasting != null ? FigureJudgement.REGRESSION : good ? FigureJudgement.IMPROVEMENT : FigureJudgement.NO_CHANGE;
        double critical = t.inverseSurvivalProbability(alpha);
        double detectable = Math.max(tol, relative(critical * se, sign));
        Double repeat3 = rounds == 1 ? Math.max(tol, relative(critical * n.sigma() * Math.sqrt(MEDIAN_OF_3 * (1 + referenceVariance(ref.length))), sign)) : null;
        return new FigureJudgement(figure, dir.label(), shownRef, now.median(), change, Math.min(pBad, pGood), verdict, ref.length, tol,
                shown, gating, n, detectable, repeat3, lasting, level.accepted(), null);
    }

    /**
     * The persistence test (see the class comment): a window m whose mean is worse than the
     * reference before it beyond the tolerance at the persistence share of the significance split over the windows tried.
     */
    private FigureJudgement.Lasting lasting(List<LevelRuns.Run> runs, double tonightLog, int tonightNumber, Tonight tonight, NoiseEstimate n,
                                            TDistribution t, int sign, double tol, double reference) {
        if (runs.isEmpty()) return null;
        // The level returned: tonight and the run before both within the tolerance of the reference.
        double last = Math.exp(runs.get(runs.size() - 1).log());
        if (!beyond(Math.exp(tonightLog) / reference - 1, tol, -sign) && !beyond(last / reference - 1, tol, -sign)) return null;
        int trailing = 0;
        for (int i = runs.size() - 1; i >= 0 && runs.get(i).regressed(); i--) trailing++;
        Set<Integer> windows = new LinkedHashSet<>();
        for (int m : method.windows()) windows.add(m);
        windows.add(trailing + 1);
        Map<Integer, double[]> tried = new LinkedHashMap<>();
        for (int m : windows) {
            if (m < 2 || m - 1 > runs.size()) continue;
            List<LevelRuns.Run> before = runs.subList(0, runs.size() - (m - 1));
            double[] ref = last(before.stream().filter(r -> !r.regressed()).mapToDouble(LevelRuns.Run::log).toArray(), settings.window());
            if (ref.length >= MIN_REFERENCE) tried.put(m, ref);
        }
        if (tried.isEmpty()) return null;
        double alpha = settings.significance() * (1 - method.singleShare()) / tried.size();
        FigureJudgement.Lasting found = null;
        for (var w : tried.entrySet()) {
            int m = w.getKey();
            double[] ref = w.getValue();
            List<LevelRuns.Run> window = runs.subList(runs.size() - (m - 1), runs.size());
            double mean = (window.stream().mapToDouble(LevelRuns.Run::log).sum() + tonightLog) / m;
            double refLog = center(ref);
            // A level, not one bad night: every run of the window is on the bad side of the reference,
            // and the first is worse by half the tolerance at least (else it is the old level and
            // would misdate the start).
            if (method.everyNightBad()
                    && (sign * (tonightLog - refLog) >= 0 || window.stream().anyMatch(r -> sign * (r.log() - refLog) >= 0))) continue;
            double firstLog = window.isEmpty() ? tonightLog : window.get(0).log();
            if (method.halfToleranceFirst() && !beyond(Math.exp(firstLog - refLog) - 1, tol / 2, -sign)) continue;
            double se = n.sigma() * Math.sqrt(1.0 / m + referenceVariance(ref.length));
            double stat = stat(sign * (mean - refLog), se);
            double p = t.cumulativeProbability(stat);
            double change = Math.exp(mean - refLog) - 1;
            // Of the windows that flag, the one that fits best (smallest p) says where the new level began.
            if (p < alpha && beyond(change, tol, -sign) && (found == null || p < found.p())) {
                LevelRuns.Run first = window.isEmpty() ? null : window.get(0);
                found = first == null ? new FigureJudgement.Lasting(tonightNumber, tonight.runId(), tonight.when(), change, m, p)
                        : new FigureJudgement.Lasting(first.number(), first.runId(), first.when(), change, m, p);
            }
        }
        // A shift the verdict already found goes on while tonight stays beyond the tolerance on the bad
        // side and is itself unlikely under the old level (one-sided p < CONTINUES): it fails again,
        // dated from the first of its nights (not re-dated by whichever window fits best tonight). It
        // is the same shift, not a new finding, so it needs no new significance at the false-alarm
        // level; the 0.05 keeps a false alarm from being carried on by an ordinary low night (with
        // tolerance alone the false alarms at 15% noise rose from 0.90% to 1.19% of scenario-nights).
        if (trailing > 0) {
            // Dated from where it began: the nights of the shift the verdict flagged, and before them the
            // unflagged nights already on the bad side of the old level by half the tolerance (those a
            // window caught it with), each against the reference of the runs before it.
            int start = runs.size() - trailing;
            while (start > 0) {
                double[] before = referenceBefore(runs, start - 1);
                if (before.length < MIN_REFERENCE || !beyond(Math.exp(runs.get(start - 1).log() - center(before)) - 1, tol / 2, -sign)) break;
                start--;
            }
            double[] sinceRef = referenceBefore(runs, start);
            if (sinceRef.length >= MIN_REFERENCE) {
                double refLog = center(sinceRef);
                double tonightStat = stat(sign * (tonightLog - refLog), n.sigma() * Math.sqrt(1 + referenceVariance(sinceRef.length)));
                if (beyond(Math.exp(tonightLog - refLog) - 1, tol, -sign) && t.cumulativeProbability(tonightStat) < CONTINUES) {
                    List<LevelRuns.Run> window = runs.subList(start, runs.size());
                    int m = window.size() + 1;
                    double mean = (window.stream().mapToDouble(LevelRuns.Run::log).sum() + tonightLog) / m;
                    double se = n.sigma() * Math.sqrt(1.0 / m + referenceVariance(sinceRef.length));
                    double stat = stat(sign * (mean - refLog), se);
                    LevelRuns.Run first = window.get(0);
                    return new FigureJudgement.Lasting(first.number(), first.runId(), first.when(), Math.exp(mean - refLog) - 1, m,
                            t.cumulativeProbability(stat));
                }
            }
        }
        return found;
    }

    /** A t statistic: the signed difference over its standard error; with no noise at all, as far out as the sign says. */
    private static double stat(double difference, double se) {
        return se == 0 ? Math.signum(difference) * Double.MAX_VALUE : difference / se;
    }

    /** The reference's centre in log space: its median, or its mean (VerdictMethod.meanReference). */
    private double center(double[] ref) {
        return method.meanReference() ? java.util.Arrays.stream(ref).average().orElseThrow() : TargetNoise.median(ref);
    }

    /** Variance of the reference centre in units of one run's. */
    private double referenceVariance(int n) {
        return method.meanReference() ? 1.0 / n : medianVariance(n);
    }

    /** The reference values before run {@code index}: the runs of the level before it not judged a regression, the last window of them. */
    private double[] referenceBefore(List<LevelRuns.Run> runs, int index) {
        return last(runs.subList(0, index).stream().filter(r -> !r.regressed()).mapToDouble(LevelRuns.Run::log).toArray(), settings.window());
    }

    /** Variance of the reference median of n runs in units of one run's: pi / (2n) (1/n for n <= 2, a mean). */
    static double medianVariance(int n) {
        return n <= 2 ? 1.0 / n : Math.PI / (2.0 * n);
    }

    /** Whether change goes beyond tol in the direction {@code towards} (+1 up, -1 down). */
    private static boolean beyond(double change, double tol, int towards) {
        return towards > 0 ? change > tol : change < -tol;
    }

    /** A log distance in the bad direction as a relative change: a drop for higher-is-better, a rise otherwise. */
    private static double relative(double logDistance, int sign) {
        return sign > 0 ? 1 - Math.exp(-logDistance) : Math.exp(logDistance) - 1;
    }

    private static double[] last(double[] v, int window) {
        int from = Math.max(0, v.length - window);
        double[] out = new double[v.length - from];
        System.arraycopy(v, from, out, 0, out.length);
        return out;
    }

    /** E-divisive change points of the figure over the usable runs and tonight: shown to the reader, they do not decide. */
    private void changePointsOf(String figure, List<HistoryRecord> usable, double now, Tonight tonight, List<SeriesJudgement.ChangePointAt> found) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) if (usable.get(i).figures().get(figure) != null) at.add(i);
        double[] whole = new double[at.size() + 1];
        for (int i = 0; i < at.size(); i++) whole[i] = usable.get(at.get(i)).figures().get(figure);
        whole[at.size()] = now;
        if (changePoints == null) return;
        for (EDivisive.ChangePoint cp : changePoints.changePoints(whole)) {
            int idx = cp.index() < at.size() ? at.get(cp.index()) : usable.size();
            String runId = idx < usable.size() ? usable.get(idx).runId() : tonight.runId();
            String when = idx < usable.size() ? usable.get(idx).when() : tonight.when();
            found.add(new SeriesJudgement.ChangePointAt(figure, idx, runId, when, cp.pValue()));
        }
    }

    private static FigureJudgement withVerdict(FigureJudgement f, String verdict, String why) {
        return new FigureJudgement(f.name(), f.direction(), f.reference(), f.value(), f.change(), f.significance(), verdict, f.referenceRuns(),
                f.tolerance(), f.spread(), f.gating(), f.noise(), f.detectableChange(), f.detectableRepeat3(), f.lasting(), f.accepted(), why);
    }
}

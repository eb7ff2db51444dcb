package io.pulpperf.throughput.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The noise of one target (one history file), per figure: scenarios run against one target share
 * its night-to-night noise, so a short series borrows the spread its siblings measured.
 *
 * <p>The estimate works in log space (a relative change is a difference). Each series' current
 * level (since its last accepted change) gives residuals of log(value) from the level's median,
 * scaled by sqrt(n / (n - 1)) so short levels are not deflated. Gross outliers are screened with
 * Iglewicz and Hoaglin's modified z-score (|r| / (1.4826 MAD) > 3.5; "How to Detect and Handle
 * Outliers", ASQC 1993): the MAD of the pooled residuals is robust, so one unflagged bad night
 * neither widens the noise nor hides the next one. The noise is then the pooled standard deviation
 * of what is left (sum of squares about each level's mean over sum(n_i - 1) degrees of freedom),
 * so the t distribution with those degrees of freedom is the right reference for the tests (a MAD
 * alone has 37% efficiency: its t quantiles would be too small and the false alarms too many).
 *
 * <p>Nights judged a regression are left out, as they are of the reference: a lasting shift that
 * fails every night then never widens the noise it is judged with. The price, measured (README):
 * each false alarm cuts a low night off the noise. Measured over 40 x 200 identical nights the
 * false alarms stay near the nominal rate all the same (0.86% a scenario-night at the default 0.0075
 * and 8% noise, 0.90% at 15%; an earlier 1.2% at 0.01 was 10 x 200 nights, +-0.25 points). Two
 * alternatives were measured and dropped: keeping lone regression nights in, winsorized at 2.58
 * sigma (the real night 6 widened the noise from 7.6% to 11% and night 10-11 of the lasting slowdown passed in one scenario), and the mean square
 * successive difference (von Neumann 1941; robust to shifts, but its fewer degrees of freedom cost
 * a third of the power and the real nights 9-11 passed).
 *
 * <p>Series are pooled only with the same number of rounds (repeat k): a median of k rounds is
 * quieter than one run by a factor that depends on how much of the noise is per night and how much
 * per round, which the history cannot tell apart. A series with at least {@link #OWN_RUNS} runs in
 * its level uses its own spread (figures of one scenario may differ in noise from the target's).
 * One history file is one target; a file shared by several targets pools their noise (use one file
 * per target).
 */
public final class TargetNoise {
    /** Runs from which a series' own spread is used instead of the pooled one. */
    public static final int OWN_RUNS = 15;
    static final double SCREEN = 3.5;
    /** Residuals the outlier screen needs. */
    static final int MIN_SCREEN = 10;

    private final Map<String, List<HistoryRecord>> bySeries = new LinkedHashMap<>();
    private final AcceptedChanges accepted;

    public TargetNoise(List<HistoryRecord> records, AcceptedChanges accepted) {
        for (HistoryRecord r : records) bySeries.computeIfAbsent(r.series(), k -> new ArrayList<>()).add(r);
        this.accepted = accepted;
    }

    /** The noise a run of {@code series} with {@code rounds} rounds is judged with, empty when nothing has two runs. */
    public Optional<NoiseEstimate> of(String series, String figure, int rounds) {
        List<HistoryRecord> mine = bySeries.getOrDefault(series, List.of());
        LevelRuns mineLevel = LevelRuns.of(mine, series, figure, accepted);
        double[] own = mineLevel.referenceLogs();
        if (own.length >= OWN_RUNS) return estimate(List.of(own), true);
        List<double[]> levels = new ArrayList<>();
        for (var e : bySeries.entrySet()) {
            List<HistoryRecord> rs = e.getValue();
            if (rs.isEmpty() || rs.get(rs.size() - 1).rounds() != rounds && !e.getKey().equals(series)) continue;
            levels.add(LevelRuns.of(rs, e.getKey(), figure, accepted).referenceLogs());
        }
        return estimate(levels, false);
    }

    /** The screened pooled standard deviation of the levels' log values (see the class comment). */
    static Optional<NoiseEstimate> estimate(List<double[]> levels, boolean own) {
        List<double[]> usable = levels.stream().filter(l -> l.length >= 2).toList();
        if (usable.isEmpty()) return Optional.empty();
        List<Double> residuals = new ArrayList<>();
        for (double[] l : usable) {
            double m = median(l);
            double k = Math.sqrt(l.length / (l.length - 1.0));
            // The median's own zero residual (odd n) says nothing about the spread.
            for (double x : l) if (x != m) residuals.add(Math.abs(x - m) * k);
        }
        // Fewer than MIN_SCREEN residuals: their MAD is too unsteady to screen with (4 residuals of an 8%
        // noise screened 2 of 5 simulated nights and left 0.7%); the plain pooled deviation is used.
        double mad = residuals.size() < MIN_SCREEN ? 0 : 1.4826 * median(residuals.stream().mapToDouble(Double::doubleValue).toArray());
        double ss = 0;
        int df = 0;
        int runs = 0;
        for (double[] l : usable) {
            double m = median(l);
            double k = Math.sqrt(l.length / (l.length - 1.0));
            double[] kept = mad == 0 ? l : Arrays.stream(l).filter(x -> Math.abs(x - m) * k <= SCREEN * mad).toArray();
            runs += l.length;
            if (kept.length < 2) continue;
            double mean = Arrays.stream(kept).average().orElse(0);
            for (double x : kept) ss += (x - mean) * (x - mean);
            df += kept.length - 1;
        }
        if (df == 0) return Optional.empty();
        return Optional.of(new NoiseEstimate(Math.sqrt(ss / df), df, usable.size(), runs, own));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}

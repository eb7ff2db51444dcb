package io.pulpperf.throughput.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Seeded synthetic nights judged as NightlyHistory judges them, for measuring a verdict method's
 * false alarms and power (NightlyVerdictTest, VerdictMethodComparisonTest): each scenario's
 * throughput is lognormal around its level with the given relative spread (night-to-night noise),
 * with repeat k the median of k independent rounds. A matrix of two scenarios on one target pools
 * its noise; a lone scenario has only its own. Every night is judged against the records before it,
 * its verdict then written into its record. Pure arithmetic, no simulator.
 */
final class SyntheticNights {
    private static final double[] BASE = {8, 12};
    private final Judge judge;

    SyntheticNights(Judge judge) {
        this.judge = judge;
    }

    /** One target's history: scenarios s0, s1 ... run each night. */
    private final class Matrix {
        final int scenarios;
        final int rounds;
        final double noise;
        final Random random;
        final List<HistoryRecord> records = new ArrayList<>();
        int night;

        Matrix(int scenarios, int rounds, double noise, long seed) {
            this.scenarios = scenarios;
            this.rounds = rounds;
            this.noise = noise;
            this.random = new Random(seed);
        }

        /** One night; factor[s] multiplies scenario s's level. Returns each scenario's judgement. */
        List<SeriesJudgement> night(double... factor) {
            TargetNoise target = new TargetNoise(records, AcceptedChanges.none());
            List<SeriesJudgement> out = new ArrayList<>();
            List<HistoryRecord> tonight = new ArrayList<>();
            for (int s = 0; s < scenarios; s++) {
                double[] tps = new double[rounds];
                for (int r = 0; r < rounds; r++) tps[r] = BASE[s] * factor[s] * Math.exp(noise * random.nextGaussian());
                String series = "s" + s + "@0";
                List<HistoryRecord> earlier = records.stream().filter(h -> h.series().equals(series)).toList();
                SeriesJudgement j = judge.judge(series, earlier, new Judge.Tonight("n" + night + "s" + s, "n" + night,
                        Map.of(FigureCatalog.THROUGHPUT, tps)), "", target);
                out.add(j);
                tonight.add(new HistoryRecord(1, "n" + night, "n" + night + "s" + s, "s" + s, series, HistoryRecord.OK, j.verdict(), Map.of(),
                        "test", Map.of(), rounds, Map.of(FigureCatalog.THROUGHPUT, Spread.of(tps).median()), null, null));
            }
            records.addAll(tonight);
            night++;
            return out;
        }

        void quiet(int nights) {
            for (int i = 0; i < nights; i++) night(ones());
        }

        double[] ones() {
            double[] f = new double[scenarios];
            Arrays.fill(f, 1);
            return f;
        }

        /** Scenario 0 at factor, the others unchanged. */
        double[] first(double factor) {
            double[] f = ones();
            f[0] = factor;
            return f;
        }
    }

    /** False alarms per judged scenario-night over {@code histories} matrices of 200 identical nights. */
    double falseAlarms(int scenarios, double noise, int histories) {
        int alarms = 0;
        int judged = 0;
        for (int h = 0; h < histories; h++) {
            Matrix m = new Matrix(scenarios, 1, noise, 10_000 + h);
            for (int n = 0; n < 200; n++) {
                for (SeriesJudgement j : m.night(m.ones())) {
                    if (j.verdict().equals(FigureJudgement.NOT_JUDGED)) continue;
                    judged++;
                    if (j.regressed()) alarms++;
                }
            }
        }
        return (double) alarms / judged;
    }

    /** Share of seeds in which a step to {@code factor} is flagged within {@code within} nights after {@code before} quiet ones. */
    double caught(int scenarios, int rounds, double noise, int before, double factor, int within, int seeds) {
        int caught = 0;
        for (int s = 0; s < seeds; s++) {
            Matrix m = new Matrix(scenarios, rounds, noise, 20_000 + s);
            m.quiet(before);
            for (int n = 0; n < within; n++) {
                if (m.night(m.first(factor)).get(0).regressed()) {
                    caught++;
                    break;
                }
            }
        }
        return (double) caught / seeds;
    }

    /** Share of nights 4-10 of a lasting step judged a regression, in the seeds that flagged it by night 3. */
    double staysRed(int scenarios, double noise, int before, double factor, int seeds) {
        int red = 0;
        int nights = 0;
        for (int s = 0; s < seeds; s++) {
            Matrix m = new Matrix(scenarios, 1, noise, 30_000 + s);
            m.quiet(before);
            boolean flagged = false;
            for (int n = 1; n <= 10; n++) {
                boolean r = m.night(m.first(factor)).get(0).regressed();
                if (n <= 3) flagged |= r;
                else if (flagged) {
                    nights++;
                    if (r) red++;
                }
            }
        }
        return nights == 0 ? 0 : (double) red / nights;
    }

    /**
     * One row of the README table.
     *
     * @param earlier quiet nights before each step: "short" is 5 before the -30% and 10 before the lasting steps; a number is used for all
     */
    record Row(String matrix, double noise, String earlier, double falseAlarms, double drop30, double drop30Repeat3, double lasting15,
               double lasting10Repeat3, double staysRed) {
        static final String HEADER = "| Matrix | Noise | Earlier nights | False alarms per scenario-night (200 nights x " + NightlyVerdictTest.HISTORIES + ") "
                + "| -30% on its first night | the same, repeat 3 | Lasting -15% within 3 nights | Lasting -10% within 5 nights, repeat 3 "
                + "| Nights 4-10 of the -15% still red |\n|---|---|---|---|---|---|---|---|---|";

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %.0f%% | %s | %.2f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% |", matrix, noise * 100, earlier,
                    falseAlarms * 100, drop30 * 100, drop30Repeat3 * 100, lasting15 * 100, lasting10Repeat3 * 100, staysRed * 100);
        }
    }

    /** The detection columns after 5 (the -30%) and 10 (the lasting steps) quiet nights, with the given false alarms. */
    Row shortRow(int scenarios, double noise, double falseAlarms, int seeds) {
        return new Row(matrix(scenarios), noise, "5 / 10", falseAlarms,
                caught(scenarios, 1, noise, 5, 0.70, 1, seeds), caught(scenarios, 3, noise, 5, 0.70, 1, seeds),
                caught(scenarios, 1, noise, 10, 0.85, 3, seeds), caught(scenarios, 3, noise, 10, 0.90, 5, seeds),
                staysRed(scenarios, noise, 10, 0.85, seeds));
    }

    /** The detection columns after {@code before} quiet nights for every step (a nightly after a month: 20). */
    Row longRow(int scenarios, double noise, int before, double falseAlarms, int seeds) {
        return new Row(matrix(scenarios), noise, String.valueOf(before), falseAlarms,
                caught(scenarios, 1, noise, before, 0.70, 1, seeds), caught(scenarios, 3, noise, before, 0.70, 1, seeds),
                caught(scenarios, 1, noise, before, 0.85, 3, seeds), caught(scenarios, 3, noise, before, 0.90, 5, seeds),
                staysRed(scenarios, noise, before, 0.85, seeds));
    }

    private static String matrix(int scenarios) {
        return scenarios == 1 ? "lone scenario" : scenarios + " scenarios, one target";
    }
}

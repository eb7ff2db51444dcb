package io.pulpperf.throughput.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The design of .ci/nightly-history.sh's lasting sequence, judged as the suite judges it: the
 * pre-seeded nights of .ci/nightly/lasting-fixture.txt (three sibling scenarios, 19 nights, and the
 * lasting scenario, 9 nights, at 16% noise), the live baseline night at factor 1, then nights at
 * {@link #SLOW} of it. At every significance in {@link #SIGNIFICANCES} (0.004 up to the default) and with every live night off by
 * up to {@link #JITTER} either way (all 2^6 corners): each slow night before the catch is
 * "no change" (the single-night test alone does not flag it), one by the fifth slow night has
 * {@code lasting} set, and the night after it still fails. Pure arithmetic, well under a second.
 */
class LastingSequenceTest {
    /** Throughput of a slow night relative to the live baseline night: the script's two configs measure about 0.66. */
    static final double[] SLOW = {0.66, 0.665};
    /** Each live night's throughput off by up to this (log), independently. */
    static final double JITTER = 0.015;
    /** The significance settings the sequence is designed for: the default and below it. */
    static final double[] SIGNIFICANCES = {0.004, 0.005, 0.006, JudgeSettings.DEFAULT_SIGNIFICANCE};
    static final int LAST_CATCH = 5;
    static final String LASTING = "nightly-lasting-2w";

    record Fixture(int night, String scenario, double factor) {}

    static List<Fixture> fixture() throws IOException {
        List<Fixture> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(".ci/nightly/lasting-fixture.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.trim().split("\\s+");
            out.add(new Fixture(Integer.parseInt(f[0]), f[1].equals("lasting") ? LASTING : f[1], Double.parseDouble(f[2])));
        }
        return out;
    }

    static HistoryRecord record(String scenario, int night, double throughput, String verdict) {
        return new HistoryRecord(1, String.format(Locale.ROOT, "2026-11-%02dT00:00:00Z", night), scenario + "-" + night, scenario, scenario + "@0",
                HistoryRecord.OK, verdict, Map.of(), "test", Map.of(), 1, Map.of(FigureCatalog.THROUGHPUT, throughput), null, null);
    }

    /** One slow night's judgement of the gating throughput. */
    record Night(String verdict, Double p, FigureJudgement.Lasting lasting) {}

    /** The live nights: jitter[0] on the baseline night (and so on every record scaled from it), jitter[1..] on the slow nights. */
    static List<Night> run(List<Fixture> fixture, double slow, double significance, double[] jitter) {
        Judge judge = new Judge(new JudgeSettings(20, 0.10, Map.of(), significance), null, AcceptedChanges.none());
        double base = 20 * jitter[0];
        List<HistoryRecord> records = new ArrayList<>();
        for (Fixture f : fixture) records.add(record(f.scenario(), f.night(), base * f.factor(), "no change"));
        records.add(record(LASTING, 20, base, "no change"));
        List<Night> out = new ArrayList<>();
        for (int i = 1; i < jitter.length; i++) {
            double tp = 20 * slow * jitter[i];
            List<HistoryRecord> mine = records.stream().filter(r -> r.scenario().equals(LASTING)).toList();
            SeriesJudgement j = judge.judge(LASTING + "@0", mine, new Judge.Tonight("slow-" + i, "2026-12-0" + i, Map.of(FigureCatalog.THROUGHPUT,
                    new double[] {tp})), "", new TargetNoise(records, AcceptedChanges.none()));
            FigureJudgement g = j.figures().get(0);
            out.add(new Night(j.verdict(), g.significance(), g.lasting()));
            records.add(record(LASTING, 20 + i, tp, j.verdict()));
        }
        return out;
    }

    /** The slow night (1-based) the persistence test caught, after only "no change" nights; -1 if the sequence broke. */
    static int caught(List<Night> nights) {
        for (int i = 0; i < nights.size(); i++) {
            Night n = nights.get(i);
            if (n.lasting() != null) {
                boolean nextFails = i + 1 < nights.size() && nights.get(i + 1).verdict().equals(FigureJudgement.REGRESSION);
                return n.verdict().equals(FigureJudgement.REGRESSION) && nextFails ? i + 1 : -1;
            }
            if (!n.verdict().equals(FigureJudgement.NO_CHANGE)) return -1;
        }
        return -1;
    }

    @Test
    void theLastingSlowdownIsCaughtOnlyByThePersistenceTestAtEverySignificanceAndJitter() throws IOException {
        List<Fixture> fixture = fixture();
        assertThat(fixture).hasSize(3 * 19 + 9);
        int nights = LAST_CATCH + 1;
        for (double slow : SLOW) for (double significance : SIGNIFICANCES) {
            for (int corner = 0; corner <= 1 << nights + 1; corner++) {
                double[] jitter = new double[nights + 1];
                for (int i = 0; i <= nights; i++) {
                    jitter[i] = corner == 1 << nights + 1 ? 1 : Math.exp(JITTER * (((corner >> i) & 1) * 2 - 1));
                }
                List<Night> judged = run(fixture, slow, significance, jitter);
                int at = caught(judged);
                assertThat(at).as("slow %s, significance %s, jitter %s: %s", slow, significance, java.util.Arrays.toString(jitter), judged).isBetween(2, LAST_CATCH);
                // The catching night too is one the single-night test alone would pass.
                assertThat(judged.get(at - 1).p()).as("significance %s, jitter %s: %s", significance, java.util.Arrays.toString(jitter), judged)
                        .isGreaterThan(significance * VerdictMethod.defaults().singleShare());
            }
        }
        // Without jitter: where it stands (the script's header quotes these).
        for (double significance : SIGNIFICANCES) {
            System.out.printf(Locale.ROOT, "significance %.4f: caught on slow night %d%n", significance,
                    caught(run(fixture, SLOW[0], significance, new double[] {1, 1, 1, 1, 1, 1, 1})));
        }
        List<Night> plain = run(fixture, SLOW[0], JudgeSettings.DEFAULT_SIGNIFICANCE, new double[] {1, 1, 1, 1, 1, 1, 1});
        for (int i = 0; i < plain.size(); i++) {
            Night n = plain.get(i);
            System.out.printf(Locale.ROOT, "slow night %d: %s, single-night p %.4f%s%n", i + 1, n.verdict(), n.p(),
                    n.lasting() == null ? "" : String.format(Locale.ROOT, ", lasting over %d nights, p %.6f", n.lasting().runs(), n.lasting().p()));
        }
    }

    @Test
    void withoutThePersistenceTestNoNightOfTheSlowdownWouldFail() throws IOException {
        // The single-night p of every slow night up to the catch stays above the largest single-night level
        // in the range (0.01 / 2): the catch is the persistence test's alone.
        for (double significance : new double[] {SIGNIFICANCES[0], SIGNIFICANCES[SIGNIFICANCES.length - 1]}) {
            List<Night> judged = run(fixture(), SLOW[0], significance, new double[] {1, 1, 1, 1, 1, 1});
            int at = caught(judged);
            for (int i = 0; i < at; i++) {
                assertThat(judged.get(i).p()).as("slow night %d at %s", i + 1, significance)
                        .isGreaterThan(significance * VerdictMethod.defaults().singleShare());
            }
        }
    }
}

package io.pulpperf.throughput.history;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The verdict's alternatives measured side by side on the same seeded nights (SyntheticNights):
 * false alarms at 8% and 15% noise (40 matrices of 200 identical nights each), detection at 8%
 * after 5 / 10 earlier nights (README "Nightly history and regressions", "How the method was chosen").
 * About a minute on an idle machine (several under load), so not part of the self-test suite:
 * {@code mvn -Pself-test test -Dtest=VerdictMethodComparisonTest -Dpulp.verdict.compare=true}.
 */
@EnabledIfSystemProperty(named = "pulp.verdict.compare", matches = "true")
class VerdictMethodComparisonTest {
    static final int HISTORIES = Integer.getInteger("pulp.verdict.histories", NightlyVerdictTest.HISTORIES);

    record Candidate(VerdictMethod method, double significance) {
        @Override
        public String toString() {
            return method + ", significance " + significance;
        }
    }

    /** The suite's method first, then the alternatives README names (each differs from it in one choice, or is the old default). */
    static List<Candidate> candidates() {
        int[] chosen = {3, 5};
        int[] old = {2, 3, 4, 5};
        double sig = JudgeSettings.DEFAULT_SIGNIFICANCE;
        return List.of(new Candidate(VerdictMethod.defaults(), sig),
                new Candidate(new VerdictMethod(0.5, old, true, true, false), 0.006),
                new Candidate(new VerdictMethod(0.5, old, true, true, false), 0.009),
                new Candidate(new VerdictMethod(2.0 / 3, old, true, true, false), sig),
                new Candidate(new VerdictMethod(0.5, chosen, true, true, false), 0.008),
                new Candidate(new VerdictMethod(0.5, new int[] {3}, true, true, false), sig),
                new Candidate(new VerdictMethod(2.0 / 3, chosen, false, true, false), sig),
                new Candidate(new VerdictMethod(2.0 / 3, chosen, true, false, false), sig),
                new Candidate(new VerdictMethod(2.0 / 3, chosen, true, true, true), sig));
    }

    @Test
    void sideBySide() {
        System.out.println("| Method | FA 2 scen 8% | FA lone 8% | FA 2 scen 15% | FA lone 15% | -30% first night, 2 scen | lone | -15% within 3, 2 scen "
                + "| lone | -10% within 5 r3, 2 scen | lone | still red 4-10, 2 scen |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Candidate c : candidates()) {
            JudgeSettings settings = new JudgeSettings(20, 0.10, Map.of(), c.significance());
            SyntheticNights s = new SyntheticNights(new Judge(settings, null, AcceptedChanges.none(), c.method()));
            SyntheticNights.Row pair = s.shortRow(2, 0.08, s.falseAlarms(2, 0.08, HISTORIES), 200);
            SyntheticNights.Row lone = s.shortRow(1, 0.08, s.falseAlarms(1, 0.08, HISTORIES), 200);
            double pair15 = s.falseAlarms(2, 0.15, HISTORIES);
            double lone15 = s.falseAlarms(1, 0.15, HISTORIES);
            System.out.println(String.format(Locale.ROOT,
                    "| %s | %.2f%% | %.2f%% | %.2f%% | %.2f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% |", c,
                    pair.falseAlarms() * 100, lone.falseAlarms() * 100, pair15 * 100, lone15 * 100, pair.drop30() * 100, lone.drop30() * 100,
                    pair.lasting15() * 100, lone.lasting15() * 100, pair.lasting10Repeat3() * 100, lone.lasting10Repeat3() * 100,
                    pair.staysRed() * 100));
        }
    }
}

package io.pulpperf.throughput.history;

import io.pulpperf.throughput.observe.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A judgement as checks: the gating (primary) figure's regression fails the scenario (category
 * "Regression"), the other figures' moves beyond their noise are notes, an improvement is a note,
 * and one line says what the rest came to and what tonight could have seen.
 */
public final class HistoryChecks {
    private HistoryChecks() {}

    public static List<Check> of(SeriesJudgement j) {
        List<Check> out = new ArrayList<>();
        if (j.verdict().equals(FigureJudgement.NOT_JUDGED)) {
            out.add(Check.note(Check.Kind.REGRESSION, "history", "not judged: " + j.whyNotJudged() + (j.note().isEmpty() ? "" : "; " + j.note())));
            return out;
        }
        int judged = 0;
        for (FigureJudgement f : j.figures()) {
            if (f.verdict().equals(FigureJudgement.NOT_JUDGED)) continue;
            judged++;
            if (f.verdict().equals(FigureJudgement.REGRESSION) && f.gating()) {
                out.add(Check.of(Check.Kind.REGRESSION, f.name() + " vs history", number(f.value()),
                        "within " + pct(f.tolerance()) + " of the reference median " + number(f.reference()) + " or within the target's noise",
                        false, detail(f)));
            } else if (f.verdict().equals(FigureJudgement.REGRESSION)) {
                out.add(Check.note(Check.Kind.REGRESSION, f.name() + " vs history", "worse beyond its noise (a note: "
                        + j.primary() + " gates): " + detail(f)));
            } else if (f.verdict().equals(FigureJudgement.IMPROVEMENT)) {
                out.add(Check.note(Check.Kind.REGRESSION, f.name() + " vs history", "improvement: " + detail(f)));
            }
            if (f.accepted() != null) {
                out.add(Check.note(Check.Kind.REGRESSION, f.name() + " vs history", f.accepted().describe() + " (line " + f.accepted().line()
                        + " of the accepted changes): judged against the level since"));
            }
        }
        FigureJudgement gate = j.gate();
        String summary = judged + " figures against up to " + j.runs() + " earlier runs of series " + j.series()
                + (gate == null || gate.detectableChange() == null ? "" : "; " + gate.detectable() + " (" + gate.noise().describe() + ")")
                + (j.note().isEmpty() ? "" : "; " + j.note());
        // A regression already failed above; the summary then only tells what the rest came to.
        out.add(j.regressed() ? Check.note(Check.Kind.REGRESSION, "figures vs history", "regression: " + summary)
                : Check.of(Check.Kind.REGRESSION, "figures vs history", j.verdict(), "no regression of " + j.primary(), true, summary));
        return out;
    }

    /**
     * "reference median 10.20 over 20 runs, tonight 8.40, change -17.6%, p = 0.0004 (one-sided t, noise 7.4% pooled
     * from 2 series, 9 runs)", led by the lasting regression when there is one.
     */
    static String detail(FigureJudgement f) {
        String single = "reference median " + number(f.reference()) + " over " + f.referenceRuns() + " runs, tonight " + number(f.value())
                + ", change " + String.format(Locale.ROOT, "%+.1f%%", f.change() * 100)
                + ", p = " + String.format(Locale.ROOT, "%.2g", f.significance()) + " (one-sided t against the reference, "
                + (f.noise() == null ? "no noise estimate" : f.noise().describe()) + ")";
        return f.lasting() == null ? single : f.lasting().describe(f.name()) + "; tonight: " + single;
    }
    public static String number(Double v) {
        if (v == null) return "-";
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 1 ? "%.2f" : "%.4f", v);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}

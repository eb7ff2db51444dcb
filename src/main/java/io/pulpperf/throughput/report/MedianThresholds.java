package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.history.FigureCatalog;
import io.pulpperf.throughput.history.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * With repetitions, the rate thresholds judge the median of the rounds, not each round: one slow
 * round of three is noise, a slow median is not. Lost tasks, completeness and errors stay judged
 * in every round (a lost task is never noise).
 */
public final class MedianThresholds {
    /** The per-round checks that the median takes over. */
    static final Set<String> BY_MEDIAN = Set.of("tasks per second", "success rate", "sustained tasks per second");

    private MedianThresholds() {}

    /** A round's checks with the rate thresholds turned into notes ("judged on the median"). */
    public static List<Check> roundChecks(List<Check> checks, int round, int of) {
        List<Check> out = new ArrayList<>();
        for (Check c : checks) {
            if (c.kind() == Check.Kind.THRESHOLD && BY_MEDIAN.contains(c.figure())) {
                out.add(Check.note(c.kind(), c.figure(), "round " + round + " of " + of + ": " + c.actual()
                        + "; the threshold judges the median of the rounds"));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** The rate thresholds against the medians of the rounds. */
    public static List<Check> of(Thresholds t, Map<String, Spread> spreads, boolean capacity) {
        List<Check> out = new ArrayList<>();
        if (!capacity) {
            Spread tps = spreads.get(FigureCatalog.THROUGHPUT);
            out.add(Check.of(Check.Kind.THRESHOLD, "tasks per second (median of the rounds)", shown(tps, Format::rate),
                    "at least " + Format.rate(t.minTasksPerSecond()), tps != null && tps.median() >= t.minTasksPerSecond(),
                    "completed / (last finished_at - first started_at), median over the rounds"));
        } else if (t.minSustainedRate() != null) {
            Spread s = spreads.get(FigureCatalog.SUSTAINED_RATE);
            out.add(Check.of(Check.Kind.THRESHOLD, "sustained tasks per second (median of the rounds)", shown(s, Format::rate),
                    "at least " + Format.rate(t.minSustainedRate()), s != null && s.median() >= t.minSustainedRate(), "median over the rounds"));
        }
        Spread success = spreads.get(FigureCatalog.SUCCESS_RATE);
        out.add(Check.of(Check.Kind.THRESHOLD, "success rate (median of the rounds)", shown(success, Format::percent),
                "at least " + Format.percent(t.minSuccessRate()), success != null && success.median() >= t.minSuccessRate(),
                "completed / observed, median over the rounds"));
        return out;
    }

    private static String shown(Spread s, java.util.function.Function<Double, String> format) {
        return s == null ? "-" : s.shown(v -> format.apply(v));
    }
}

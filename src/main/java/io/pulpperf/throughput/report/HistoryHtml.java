package io.pulpperf.throughput.report;

import io.pulpperf.throughput.history.FigureJudgement;
import io.pulpperf.throughput.history.HistoryChecks;
import io.pulpperf.throughput.history.HistoryTable;
import io.pulpperf.throughput.history.SeriesJudgement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run against the history as an HTML table for the "Results matrix" test: scenario x figure, regressions in red. */
public final class HistoryHtml {
    private HistoryHtml() {}

    public static String of(Map<String, SeriesJudgement> byScenario) {
        List<String[]> rows = new ArrayList<>();
        for (var e : byScenario.entrySet()) {
            SeriesJudgement j = e.getValue();
            if (j.verdict().equals(FigureJudgement.NOT_JUDGED) && !j.workersLeft()) {
                rows.add(new String[] {e.getKey(), "(all)", "-", "-", "-", "-", "-", "-", "!note:not judged: " + j.whyNotJudged()});
                continue;
            }
            for (FigureJudgement f : j.figures()) {
                String verdict = switch (f.verdict()) {
                    case FigureJudgement.REGRESSION -> f.gating() ? "!fail:regression" : "!note:regression (a note, not gating)";
                    case FigureJudgement.IMPROVEMENT -> "!pass:improvement";
                    case FigureJudgement.NOT_JUDGED -> "!note:not judged" + (j.workersLeft() ? ": " + j.workers().describe() : "");
                    default -> f.verdict();
                };
                rows.add(new String[] {e.getKey(), f.name(), HistoryChecks.number(f.reference()),
                        f.spread() == null ? HistoryChecks.number(f.value()) : f.spread().shown(HistoryChecks::number),
                        f.change() == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", f.change() * 100),
                        f.significance() == null ? "-" : String.format(Locale.ROOT, "%.2g", f.significance()), HistoryTable.noise(f),
                        HistoryTable.couldFlag(f), verdict + (f.lasting() == null ? "" : " since run #" + f.lasting().sinceRun())
                        + (f.accepted() == null ? "" : "; " + f.accepted().describe())});
            }
        }
        return new HtmlPage("Against the history").heading("Against the history: scenario x figure", null)
                .paragraph("Each figure against its series' reference runs (median shown), with the target's noise: a regression needs a "
                        + "change beyond the tolerance and a one-sided p under the significance, tonight alone or over the last nights "
                        + "(a lasting one). Only each scenario's first figure gates; the others are notes. \"Could flag\": the smallest "
                        + "drop (or rise, for times) tonight's test could flag (README: Nightly history and regressions).")
                .table(new String[] {"Scenario", "Figure", "#Reference median", "#Tonight", "#Change", "#p (one-sided)", "Noise", "Could flag",
                        "Verdict"}, rows)
                .render();
    }
}

package io.pulpperf.throughput.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run against the history: scenario x figure verdicts (markdown for the matrix test), results.json's history object, results.md's note. */
public final class HistoryTable {
    private HistoryTable() {}

    /** "Scenario | Figure | Reference median | Tonight | Change | p | Verdict", scenarios in run order. */
    public static String markdown(Map<String, SeriesJudgement> byScenario) {
        StringBuilder out = new StringBuilder("| Scenario | Figure | Reference median | Tonight | Change | p (Holm) | Verdict |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (var e : byScenario.entrySet()) {
            SeriesJudgement j = e.getValue();
            if (j.verdict().equals(FigureJudgement.NOT_JUDGED) && !j.workersLeft()) {
                out.append("| ").append(e.getKey()).append(" | (all) | - | - | - | - | not judged: ").append(j.runs())
                        .append(" earlier runs in ").append(j.series()).append(" |\n");
                continue;
            }
            // Workers left tonight: the figures against the reference for information, each row saying why it is not judged.
            String notJudged = j.workersLeft() ? "not judged: " + j.workers().describe() : FigureJudgement.NOT_JUDGED;
            for (FigureJudgement f : j.figures()) {
                out.append("| ").append(e.getKey()).append(" | ").append(f.name()).append(" | ").append(HistoryChecks.number(f.reference()))
                        .append(" | ").append(f.spread() == null ? HistoryChecks.number(f.value()) : f.spread().shown(HistoryChecks::number))
                        .append(" | ").append(f.change() == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", f.change() * 100))
                        .append(" | ").append(f.significance() == null ? "-" : String.format(Locale.ROOT, "%.2g", f.significance()))
                        .append(" | ").append(f.verdict().equals(FigureJudgement.REGRESSION) ? "**regression**"
                                : f.verdict().equals(FigureJudgement.NOT_JUDGED) ? notJudged : f.verdict()).append(" |\n");
            }
        }
        return out.toString();
    }

    /** results.json's history: {verdict, series, runs, note, figures: [...], changePoints: [...]}. */
    public static Map<String, Object> forResults(SeriesJudgement j) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", j.verdict());
        out.put("series", j.series());
        out.put("runs", j.runs());
        if (!j.note().isEmpty()) out.put("note", j.note());
        if (j.verdict().equals(FigureJudgement.NOT_JUDGED)) out.put("notJudged", j.whyNotJudged());
        if (j.workers() != null) out.put("workerHealth", j.workers());
        List<Map<String, Object>> figures = new ArrayList<>();
        for (FigureJudgement f : j.figures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("direction", f.direction());
            m.put("reference", f.reference());
            m.put("value", f.value());
            m.put("change", f.change());
            m.put("significance", f.significance());
            m.put("verdict", f.verdict());
            m.put("referenceRuns", f.referenceRuns());
            m.put("tolerance", f.tolerance());
            if (f.spread() != null) m.put("spread", f.spread());
            figures.add(m);
        }
        out.put("figures", figures);
        out.put("changePoints", j.changePoints());
        return out;
    }

    /** For results.md's Observations: "vs history: regression (throughput -17.6%)" or "vs history: no change (20 runs)". */
    public static String observation(SeriesJudgement j) {
        List<String> moved = new ArrayList<>();
        for (FigureJudgement f : j.figures()) {
            if (f.verdict().equals(FigureJudgement.REGRESSION) || f.verdict().equals(FigureJudgement.IMPROVEMENT)) {
                moved.add(f.name() + String.format(Locale.ROOT, " %+.1f%%", f.change() * 100));
            }
        }
        String text = "vs history: " + j.verdict() + (j.workersLeft() ? " (" + j.whyNotJudged() + ")"
                : moved.isEmpty() ? " (" + j.runs() + " earlier runs)" : " (" + String.join(", ", moved) + ")");
        if (!j.changePoints().isEmpty()) {
            SeriesJudgement.ChangePointAt last = j.changePoints().get(j.changePoints().size() - 1);
            text += ", last change point " + last.figure() + " at " + last.when();
        }
        return j.note().isEmpty() ? text : text + "; " + j.note();
    }
}

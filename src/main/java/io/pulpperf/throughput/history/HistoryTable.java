package io.pulpperf.throughput.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run against the history: scenario x figure verdicts (markdown for the matrix test), results.json's history object, results.md's note. */
public final class HistoryTable {
    private HistoryTable() {}

    /** "Scenario | Figure | Reference median | Tonight | Change | p | Noise | Could flag | Verdict", scenarios in run order. */
    public static String markdown(Map<String, SeriesJudgement> byScenario) {
        StringBuilder out = new StringBuilder("| Scenario | Figure | Reference median | Tonight | Change | p (one-sided) | Noise | Could flag | Verdict |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (var e : byScenario.entrySet()) {
            SeriesJudgement j = e.getValue();
            if (j.verdict().equals(FigureJudgement.NOT_JUDGED) && !j.workersLeft()) {
                out.append("| ").append(e.getKey()).append(" | (all) | - | - | - | - | - | - | not judged: ").append(j.whyNotJudged())
                        .append(" |\n");
                continue;
            }
            // Workers left tonight: the figures against the reference for information, each row saying why it is not judged.
            String notJudged = j.workersLeft() ? "not judged: " + j.workers().describe() : FigureJudgement.NOT_JUDGED;
            for (FigureJudgement f : j.figures()) {
                out.append("| ").append(e.getKey()).append(" | ").append(f.name()).append(" | ").append(HistoryChecks.number(f.reference()))
                        .append(" | ").append(f.spread() == null ? HistoryChecks.number(f.value()) : f.spread().shown(HistoryChecks::number))
                        .append(" | ").append(f.change() == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", f.change() * 100))
                        .append(" | ").append(f.significance() == null ? "-" : String.format(Locale.ROOT, "%.2g", f.significance()))
                        .append(" | ").append(noise(f)).append(" | ").append(couldFlag(f))
                        .append(" | ").append(verdict(f, notJudged)).append(" |\n");
            }
        }
        return out.toString();
    }

    /** "7.6% (pooled, 2 series)" or "5.1% (own, 19 runs)". */
    public static String noise(FigureJudgement f) {
        if (f.noise() == null) return "-";
        NoiseEstimate n = f.noise();
        return String.format(Locale.ROOT, "%.1f%% (%s, %s)", n.sigma() * 100, n.source(), n.own() ? n.runs() + " runs" : n.series() + " series, "
                + n.runs() + " runs");
    }

    /** "25% (repeat 3: 18%)": the smallest change in the bad direction tonight could flag. */
    public static String couldFlag(FigureJudgement f) {
        if (f.detectableChange() == null) return "-";
        String out = String.format(Locale.ROOT, "%.0f%%", f.detectableChange() * 100);
        boolean better = f.detectableRepeat3() != null && f.detectableRepeat3() < f.detectableChange() - 0.005;
        return better ? out + String.format(Locale.ROOT, " (repeat 3: %.0f%%)", f.detectableRepeat3() * 100) : out;
    }

    /** "**regression** since run #12", "regression (note)", "no change (accepted change since ...)". */
    static String verdict(FigureJudgement f, String notJudged) {
        String v = switch (f.verdict()) {
            case FigureJudgement.REGRESSION -> f.gating() ? "**regression**" : "regression (a note, not gating)";
            // Workers left: the row already says why; otherwise the figure's own reason.
            case FigureJudgement.NOT_JUDGED -> notJudged + (f.why() == null || !notJudged.equals(FigureJudgement.NOT_JUDGED) ? "" : ": " + f.why());
            default -> f.verdict();
        };
        if (f.lasting() != null) v += " since run #" + f.lasting().sinceRun() + " (" + f.lasting().runs() + " runs)";
        if (f.accepted() != null) v += "; " + f.accepted().describe();
        return v;
    }

    /** results.json's history: {verdict, series, runs, note, figures: [...], changePoints: [...]}. */
    public static Map<String, Object> forResults(SeriesJudgement j) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", j.verdict());
        out.put("series", j.series());
        out.put("primary", j.primary());
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
            m.put("gating", f.gating());
            if (f.noise() != null) {
                m.put("noise", f.noise().sigma());
                m.put("noiseSource", f.noise().source());
                m.put("noiseDf", f.noise().df());
                m.put("noiseRests", f.noise().describe());
            }
            if (f.detectableChange() != null) m.put("detectableChange", f.detectableChange());
            if (f.detectableRepeat3() != null) m.put("detectableChangeRepeat3", f.detectableRepeat3());
            if (f.lasting() != null) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("sinceRun", f.lasting().sinceRun());
                l.put("runId", f.lasting().runId());
                l.put("when", f.lasting().when());
                l.put("change", f.lasting().change());
                l.put("runs", f.lasting().runs());
                l.put("p", f.lasting().p());
                l.put("text", f.lasting().describe(f.name()));
                m.put("lasting", l);
            }
            if (f.accepted() != null) m.put("accepted", Map.of("since", f.accepted().since(), "reason", f.accepted().reason()));
            if (f.why() != null) m.put("notJudged", f.why());
            if (f.spread() != null) m.put("spread", f.spread());
            figures.add(m);
        }
        out.put("figures", figures);
        out.put("changePoints", j.changePoints());
        return out;
    }

    /**
     * For results.md's Observations: "vs history: regression since run #12 (2026-12-09): throughput -18.0%, 4 runs at
     * the new level; could flag a throughput drop of 24% or more; repeat 3 would bring it to 14% (noise 7.4% pooled
     * from 2 series, 9 runs); notes: queueWaitP95Ms +33.0% beyond its noise".
     */
    public static String observation(SeriesJudgement j) {
        FigureJudgement gate = j.gate();
        String text;
        if (j.workersLeft() || gate == null || j.verdict().equals(FigureJudgement.NOT_JUDGED)) {
            text = "vs history: " + j.verdict() + " (" + j.whyNotJudged() + ")";
        } else if (gate.lasting() != null) {
            text = "vs history: " + gate.lasting().describe(gate.name());
        } else {
            text = "vs history: " + j.verdict() + String.format(Locale.ROOT, " (%s %+.1f%% against %d earlier runs)", gate.name(),
                    gate.change() * 100, gate.referenceRuns());
        }
        if (gate != null && gate.detectableChange() != null && !j.workersLeft()) {
            text += "; " + gate.detectable() + " (" + gate.noise().describe() + ")";
        }
        List<String> notes = new ArrayList<>();
        for (FigureJudgement f : j.figures()) {
            if (f.gating() || f.change() == null || j.workersLeft()) continue;
            if (f.verdict().equals(FigureJudgement.REGRESSION)) notes.add(f.name() + String.format(Locale.ROOT, " %+.1f%% worse beyond its noise", f.change() * 100));
            if (f.verdict().equals(FigureJudgement.IMPROVEMENT)) notes.add(f.name() + String.format(Locale.ROOT, " %+.1f%% better", f.change() * 100));
        }
        if (!notes.isEmpty()) text += "; notes (not gating): " + String.join(", ", notes);
        for (FigureJudgement f : j.figures()) if (f.accepted() != null) text += "; " + f.name() + ": " + f.accepted().describe();
        if (!j.changePoints().isEmpty()) {
            SeriesJudgement.ChangePointAt last = j.changePoints().get(j.changePoints().size() - 1);
            text += "; last change point " + last.figure() + " at " + last.when();
        }
        return j.note().isEmpty() ? text : text + "; " + j.note();
    }
}

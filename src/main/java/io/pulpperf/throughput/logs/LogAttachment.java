package io.pulpperf.throughput.logs;

import io.pulpperf.throughput.observe.ScenarioWindow;
import java.util.List;

/** The text attachments: the classified lines per class, and the run's own failed tasks as logged. Redacted; bounded by the examples cap. */
final class LogAttachment {
    /** Lines shown of one kept event: enough for a failed task's message and the top of its traceback. */
    static final int LINES_PER_EVENT = 60;

    private LogAttachment() {}

    static String classified(String scenario, List<ClassCount> counts, List<SourceFigures> sources, LogTally tally, ScenarioWindow window) {
        StringBuilder out = new StringBuilder();
        out.append(scenario).append(": what Pulp's logs said during the scenario\n");
        out.append("window: ").append(window.started()).append(" to ").append(window.ended())
                .append("; times as offsets from the first task's creation (").append(window.zero()).append(")\n");
        out.append("run id (Correlation-ID): ").append(window.run().runId() == null ? "none" : window.run().runId()).append("\n\n");
        out.append("sources:\n");
        for (SourceFigures s : sources) {
            out.append("  ").append(s.kind()).append(' ').append(s.name()).append(": ").append(s.lines()).append(" lines, ")
                    .append(s.bytes()).append(" bytes\n");
            for (String p : s.problems()) out.append("    problem: ").append(p).append('\n');
        }
        for (ClassCount c : counts) {
            out.append("\n== ").append(c.name()).append(" (").append(tally.cls(c.name()).label()).append("): ").append(c.count())
                    .append(", the run's own ").append(c.ownCount());
            if (c.matchedByTime() > 0) out.append(" (").append(c.matchedByTime()).append(" matched by time to its failed requests)");
            out.append('\n');
            List<LogTally.Example> examples = tally.examples(c.name());
            for (LogTally.Example e : examples) {
                LogEvent ev = e.event();
                out.append("-- ").append(ev.source()).append(", ").append(ev.at() == null ? "no time in the line" : LogReport.offset(ev.at(), window.zero()))
                        .append(", ").append(e.own() ? "the run's own" : e.byTime() ? "the run's own by time" : "during the run")
                        .append(ev.detail().isEmpty() ? "" : ", " + ev.detail()).append('\n');
                append(out, ev.lines());
            }
            if (c.count() > examples.size()) out.append("(").append(c.count() - examples.size()).append(" more not shown: -Dpulp.logs.maxExamples)\n");
        }
        return out.toString();
    }

    static String failedTasks(List<LogEvent> failed) {
        StringBuilder out = new StringBuilder("The run's own failed tasks as Pulp logged them (message and traceback), beside the errors in tasks.csv\n");
        for (LogEvent e : failed) {
            out.append("\n== ").append(e.detail().isEmpty() ? e.example() : e.detail()).append(" (").append(e.source()).append(")\n");
            append(out, e.lines());
        }
        return out.toString();
    }

    private static void append(StringBuilder out, List<String> lines) {
        int n = Math.min(lines.size(), LINES_PER_EVENT);
        for (int i = 0; i < n; i++) out.append("   ").append(LogRedact.line(lines.get(i))).append('\n');
        if (lines.size() > n) out.append("   [").append(lines.size() - n).append(" more lines]\n");
    }
}

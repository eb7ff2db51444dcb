package io.pulpperf.throughput.logs;

import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's log figures in the report's shapes: the Observations sentence ("logs: 2 API worker
 * timeouts (first at +5.1 s), ..."), the thresholds, the sources' problems as notes, the classified
 * lines (bounded, redacted) and the run's own failed tasks' lines as attachments, results.json's
 * {@code logs {sources, classes}}.
 */
final class LogReport {
    /** Classes that are not errors of their own: timeouts have their own threshold, a traceback details an error counted elsewhere. */
    static final Set<String> NOT_ERRORS = Set.of(LogClass.API_TIMEOUT, LogClass.TRACEBACK);

    /** results.json's {@code logs.failedTasks}: {@link TaskLog}s. */
    static final String FAILED_TASKS = "failedTasks";

    private LogReport() {}

    static Observed of(String scenario, LogSettings settings, ScenarioWindow window, List<SourceFigures> sources, LogTally tally) {
        List<ClassCount> counts = tally.counts();
        List<String> problems = sources.stream().flatMap(s -> s.problems().stream()).toList();
        String line = observation(counts, sources, problems, tally, window);
        List<Check> checks = new ArrayList<>();
        long timeouts = count(counts, LogClass.API_TIMEOUT);
        long errors = counts.stream().filter(c -> !NOT_ERRORS.contains(c.name())).mapToLong(ClassCount::count).sum();
        String partial = problems.isEmpty() ? "" : "read with problems, so possibly low: " + problems.get(0);
        if (settings.maxApiTimeouts() != null) {
            checks.add(Check.of(Check.Kind.THRESHOLD, "API worker timeouts in the logs", Long.toString(timeouts),
                    "at most " + settings.maxApiTimeouts(), timeouts <= settings.maxApiTimeouts(), partial));
        }
        if (settings.maxLogErrors() != null) {
            checks.add(Check.of(Check.Kind.THRESHOLD, "error lines in the logs", Long.toString(errors), "at most " + settings.maxLogErrors(),
                    errors <= settings.maxLogErrors(), "every class but api-timeout and traceback" + (partial.isEmpty() ? "" : "; " + partial)));
        }
        for (String p : problems) checks.add(Check.note(Check.Kind.RUN_PROBLEM, "logs", p));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sources", sources);
        figures.put("classes", counts);
        figures.put("marks", tally.marks());
        // Each failure reason's first task with its own lines, for the report to show beside its error (issue 26 item 3).
        if (!window.run().failedTasks().isEmpty()) figures.put(FAILED_TASKS, tally.failedTasks());
        List<Observed.Attachment> attachments = new ArrayList<>();
        attachments.add(new Observed.Attachment("Logs: classified lines", "text/plain", LogAttachment.classified(scenario, counts, sources, tally, window), ".txt"));
        if (!tally.ownFailedTasks().isEmpty()) {
            attachments.add(new Observed.Attachment("Logs: the run's failed tasks", "text/plain", LogAttachment.failedTasks(tally.ownFailedTasks()), ".txt"));
        }
        return new Observed("logs", line, checks, attachments, figures, scenario + ": " + line);
    }

    static String observation(List<ClassCount> counts, List<SourceFigures> sources, List<String> problems, LogTally tally, ScenarioWindow window) {
        long lines = sources.stream().mapToLong(SourceFigures::lines).sum();
        List<String> parts = new ArrayList<>();
        for (ClassCount c : counts) {
            if (c.count() == 0) continue;
            String label = tally.cls(c.name()).label();
            List<String> notes = new ArrayList<>();
            if (c.ownCount() > 0) notes.add(c.ownCount() == c.count() ? "all the run's own" : c.ownCount() + " the run's own");
            Instant at = tally.firstAt(c.name());
            if (at != null) notes.add("first at " + offset(at, window.zero()));
            parts.add(c.count() + " " + (c.count() == 1 ? singular(label) : label) + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")"));
        }
        StringBuilder out = new StringBuilder("logs: ");
        if (parts.isEmpty()) out.append("no timeouts, lost workers or errors in ").append(lines).append(" line").append(lines == 1 ? "" : "s");
        else out.append(String.join(", ", parts));
        long ownFailed = counts.stream().filter(c -> c.name().equals(LogClass.TASK_FAILED)).mapToLong(ClassCount::ownCount).findFirst().orElse(0);
        if (window.run().runId() != null) out.append("; ").append(ownFailed).append(" of the run's own tasks logged a failure");
        // The client saw errors, the logs say why: put the two side by side.
        int failedRequests = window.run().failedRequests().size();
        long nearTimeout = RunIdentity.of(window.run()).failedRequestsNear(tally.timeouts());
        if (nearTimeout > 0) {
            out.append("; ").append(nearTimeout).append(" of the run's ").append(failedRequests).append(" dispatch errors came while gunicorn killed "
                    + "an API worker at its timeout (WORKER TIMEOUT within a second of the request)");
        }
        if (!problems.isEmpty()) out.append("; ").append(problems.size()).append(" source problem").append(problems.size() == 1 ? "" : "s")
                .append(" (").append(problems.get(0)).append(problems.size() > 1 ? " ..." : "").append(")");
        return out.toString();
    }

    static String offset(Instant at, Instant zero) {
        double s = Duration.between(zero, at).toMillis() / 1000.0;
        return String.format(Locale.ROOT, "%+.1f s", s);
    }

    /** "API worker timeouts" -> "API worker timeout", "workers lost" -> "worker lost". */
    private static String singular(String label) {
        if (label.startsWith("workers ")) return "worker " + label.substring("workers ".length());
        return label.endsWith("s") ? label.substring(0, label.length() - 1) : label;
    }

    private static long count(List<ClassCount> counts, String name) {
        return counts.stream().filter(c -> c.name().equals(name)).mapToLong(ClassCount::count).sum();
    }
}

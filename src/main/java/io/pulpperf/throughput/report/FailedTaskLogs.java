package io.pulpperf.throughput.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/**
 * What Pulp logged about each failure reason's first task (issue 26 item 3), from the log
 * observer's figures ({@code logs.failedTasks}, {@code logs.sources}), in words to put beside the
 * task's error: its own lines, or that the logs were read and no line named it.
 */
public final class FailedTaskLogs {
    static final String NONE_NAMED = "no log line names this task";
    static final String NOT_LOOKED_UP = "not looked up in the logs (only the first tasks of the most frequent reasons are)";

    private final Map<String, String> byTask;
    private final String problem;

    private FailedTaskLogs(Map<String, String> byTask, String problem) {
        this.byTask = byTask;
        this.problem = problem;
    }

    /**
     * @param logs the log observer's figures of the scenario (results.json's {@code observed.logs}), or null
     * @return null when there is nothing to say: no log source was configured, or it was not told the failed tasks
     */
    public static FailedTaskLogs of(Object logs) {
        if (logs == null) return null;
        JsonNode figures = new ObjectMapper().valueToTree(logs);
        if (!figures.path("failedTasks").isArray()) return null;
        Map<String, String> byTask = new HashMap<>();
        for (JsonNode t : figures.path("failedTasks")) {
            StringBuilder text = new StringBuilder();
            for (JsonNode line : t.path("lines")) text.append(text.isEmpty() ? "" : "\n").append(line.asText());
            // A traceback's trailing blank line says nothing.
            text.setLength(text.toString().stripTrailing().length());
            long more = t.path("moreLines").asLong();
            if (more > 0) text.append("\n[").append(more).append(" more lines]");
            byTask.put(t.path("task").asText(), text.toString());
        }
        String problem = null;
        for (JsonNode s : figures.path("sources")) {
            if (problem == null && !s.path("problems").isEmpty()) problem = s.path("problems").get(0).asText();
        }
        return new FailedTaskLogs(byTask, problem);
    }

    /** The task's own lines (redacted by the log observer), or why there are none. */
    public String text(String task) {
        String lines = byTask.get(task);
        if (lines == null) return NOT_LOOKED_UP;
        if (!lines.isEmpty()) return lines;
        return problem == null ? NONE_NAMED : NONE_NAMED + " (the logs were read with a problem, so a line may be missing: " + problem + ")";
    }
}

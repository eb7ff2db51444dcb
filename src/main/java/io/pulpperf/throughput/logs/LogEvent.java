package io.pulpperf.throughput.logs;

import java.time.Instant;
import java.util.List;

/**
 * One counted occurrence: a classified line, or a traceback block, with the lines that belong to it.
 *
 * @param cls     the class's name, e.g. "task-failed"
 * @param source  the source's name
 * @param at      when, from the line's own or its source's time; null when the line has none
 * @param cid     the Correlation-ID in {@code pulp [cid]:}, "-" or "None" as Pulp writes them, null when the line has no such prefix
 * @param example the line that says what happened (for a traceback its last line)
 * @param detail  what the class adds, e.g. a failed task's exception class and id; "" when nothing
 * @param lines   the lines as read (a multi-line message, a whole traceback), at most {@link LogClassifier#MAX_BLOCK_LINES}
 */
public record LogEvent(String cls, String source, Instant at, String cid, String example, String detail, List<String> lines) {
    public LogEvent {
        lines = List.copyOf(lines);
    }

    /** A Correlation-ID Pulp put there for a request or task (not gunicorn's "-" nor "None" outside any). */
    public boolean hasRequestId() {
        return cid != null && !cid.equals("-") && !cid.equals("None");
    }
}

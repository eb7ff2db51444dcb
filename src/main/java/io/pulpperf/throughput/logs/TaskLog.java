package io.pulpperf.throughput.logs;

import java.util.List;

/**
 * What Pulp logged about one failed task (results.json {@code logs.failedTasks}): the lines that name
 * its id and the rest of its failure message and traceback, shown beside its error in the report.
 *
 * @param task      the task's href, as the failure reasons name it (not "name": the history keeps named elements' numbers as figures)
 * @param lines     the lines in the order read, redacted and cut; none when the logs were read and no line named it
 * @param moreLines lines about it beyond the {@link TaskLines#MAX_LINES} kept
 */
public record TaskLog(String task, List<String> lines, long moreLines) {
    public TaskLog {
        lines = List.copyOf(lines);
    }
}

package io.pulpperf.throughput.pulp;

import java.util.List;

/**
 * One page of the task list.
 *
 * @param count      total matching tasks ({@code count})
 * @param hasNext    whether {@code next} was set
 * @param tasks      the tasks that could be read
 * @param unreadable rows of the page that lacked required fields or had unparsable values
 */
public record TaskPage(int count, boolean hasNext, List<PulpTask> tasks, List<UnreadableRow> unreadable) {}

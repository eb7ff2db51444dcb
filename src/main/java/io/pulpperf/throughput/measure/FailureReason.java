package io.pulpperf.throughput.measure;

/**
 * One cause of failed or canceled tasks: the tasks whose error reads the same once ids, numbers and
 * quoted values are masked (see {@link FailureReasons}).
 *
 * @param reason    the masked text, with the exception class first where known, e.g.
 *                  {@code IntegrityError: duplicate key value violates unique constraint ... =(…) already exists.}
 * @param count     tasks with this reason
 * @param firstTask href of the first of them created
 * @param example   that task's whole error description (URLs without user info and query)
 */
public record FailureReason(String reason, int count, String firstTask, String example) {}

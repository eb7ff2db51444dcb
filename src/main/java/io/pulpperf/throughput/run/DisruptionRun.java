package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.Disruption;
import java.time.Instant;

/**
 * One disruption's command as it ran (issue 28).
 *
 * @param disruption what was asked for
 * @param command    the command as run, {baseUrl} filled in, secrets masked
 * @param startedAt  when the suite started it (its clock); null when it never ran
 * @param endedAt    when it ended or was killed; null when it never ran
 * @param exit       its exit status; null when it never ran or was killed
 * @param output     its output, capped, secrets masked
 * @param problem    what went wrong with the command (exit, hang, not run), in words; null when nothing did
 */
public record DisruptionRun(Disruption disruption, String command, Instant startedAt, Instant endedAt, Integer exit, String output,
                            String problem) {}

package io.pulpperf.throughput.pulp;

import java.time.Instant;

/**
 * A call the suite did not send because its caller's time limit had passed: the suite's own
 * bound, not a failure of the server (so a wait does not count it as a failed poll).
 */
public final class DeadlinePassedException extends PulpApiException {
    public DeadlinePassedException(Instant deadline) {
        super("no time left to ask the server: the scenario's time limit passed at " + deadline, -1);
    }
}

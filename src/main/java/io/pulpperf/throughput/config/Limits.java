package io.pulpperf.throughput.config;

import java.time.Duration;

/**
 * Bounds on the suite's own calls and waits, so a server that misbehaves can neither hang a run
 * nor stretch it much past its timeout (issue 7). Set in the matrix file's {@code limits} section.
 *
 * @param connectTimeout bound on opening a connection, for every HTTP call
 * @param readTimeout    bound on waiting for an answer, for every HTTP call
 * @param readTries      tries in all for a read-only call (status, task pages) answered by 5xx,
 *                       429 or not at all, >= 1
 * @param failedPolls    failed polls in a row after which the wait stops asking a dead API, >= 1
 * @param grace          how long collection and cleanup may go on after the scenario's timeout;
 *                       no scenario outlives its timeout by more
 */
public record Limits(Duration connectTimeout, Duration readTimeout, int readTries, int failedPolls, Duration grace) {
    public Limits {
        positive("connectTimeout", connectTimeout);
        positive("readTimeout", readTimeout);
        positive("grace", grace);
        if (readTries < 1) throw new IllegalArgumentException("readTries must be >= 1, was " + readTries);
        if (failedPolls < 1) throw new IllegalArgumentException("failedPolls must be >= 1, was " + failedPolls);
    }

    /** 10 s to connect, 60 s to answer, 4 tries, 5 failed polls, one minute of grace. */
    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(60), 4, 5, Duration.ofMinutes(1));
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0, was " + d);
    }
}

package io.pulpperf.throughput.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a user's command with {@code sh -c}, bounded in time: the scale command and the
 * disruptions. Output goes to a file (a pipe nobody reads could block the command, and reading
 * one blocks on a hang) and is kept capped; on the bound or an interrupt the command and its
 * children are killed.
 */
final class ShellCommand {
    static final int MAX_OUTPUT = 4096;

    private ShellCommand() {}

    /**
     * @param exit        the exit status; null when it was killed (timed out or interrupted)
     * @param output      stdout and stderr together, the last {@link #MAX_OUTPUT} characters
     * @param timedOut    whether it was killed at the bound
     * @param interrupted whether it was killed because the caller stopped waiting
     */
    record Outcome(Integer exit, String output, boolean timedOut, boolean interrupted) {}

    /** Throws IOException when the shell cannot be started at all. */
    static Outcome run(String command, Duration timeout) throws IOException {
        Path log = Files.createTempFile("pulp-command", ".log");
        try {
            Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done;
            boolean interrupted = false;
            try {
                done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
                interrupted = true;
            }
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String output = tail(Files.readString(log, StandardCharsets.UTF_8)).trim();
            return new Outcome(done ? p.exitValue() : null, output, !done && !interrupted, interrupted);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(String text) {
        return text.length() <= MAX_OUTPUT ? text : "…" + text.substring(text.length() - MAX_OUTPUT);
    }
}

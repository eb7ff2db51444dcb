package io.pulpperf.throughput.config;

import java.time.Duration;

/**
 * Something Pulp must survive, done to it during a scenario (issue 28): a command the suite runs
 * at a point of the run, e.g. {@code oc delete pod -l app=pulp-worker --wait=false}. Not the
 * scale command: that changes the fleet on purpose; this breaks it.
 *
 * @param name           what reports call it, e.g. db-failover
 * @param at             when, from the start of dispatch; null when {@code afterCompleted} is set
 * @param afterCompleted when, as tasks of the run completed; null when {@code at} is set
 * @param command        run with {@code sh -c}; {@code {baseUrl}} becomes the target's base URL
 * @param timeout        bound on the command; it is killed after it
 * @param window         how long the before-rate is measured over, and how long the rate must
 *                       hold within the tolerance to count as recovered
 * @param tolerance      how far below the before-rate the rate may be and count as recovered (0.3 = 30%)
 */
public record Disruption(String name, Duration at, Integer afterCompleted,
                         // As written in the matrix file, so never in results.json: the result carries it with secrets masked.
                         @com.fasterxml.jackson.annotation.JsonIgnore String command, Duration timeout, Duration window,
                         double tolerance) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    public static final double DEFAULT_TOLERANCE = 0.3;

    public Disruption {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        if ((at == null) == (afterCompleted == null)) {
            throw new IllegalArgumentException(name + ": give exactly one of at (e.g. 20s) and after (e.g. 500 tasks completed)");
        }
        if (at != null && at.isNegative()) throw new IllegalArgumentException(name + ": at must be >= 0, was " + at);
        if (afterCompleted != null && afterCompleted < 1) {
            throw new IllegalArgumentException(name + ": after must be >= 1 tasks completed, was " + afterCompleted);
        }
        if (command == null || command.isBlank()) throw new IllegalArgumentException(name + ": command is missing");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException(name + ": timeout must be > 0");
        if (window == null || window.toMillis() < 100) throw new IllegalArgumentException(name + ": window must be >= 100ms, was " + window);
        if (!(tolerance > 0 && tolerance < 1)) throw new IllegalArgumentException(name + ": tolerance must be between 0 and 1, was " + tolerance);
    }

    /** When, in words: "+20 s" or "after 500 tasks completed". */
    public String when() {
        return at != null ? "+" + java.math.BigDecimal.valueOf(at.toMillis(), 3).stripTrailingZeros().toPlainString() + " s" : "after " + afterCompleted + " tasks completed";
    }
}

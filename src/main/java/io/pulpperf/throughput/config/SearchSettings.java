package io.pulpperf.throughput.config;

import java.time.Duration;

/**
 * The {@code search} shape's settings (issue 14): rising open-model steps until one is not kept
 * up with, then bisection between the last rate kept up with and the first that was not.
 *
 * @param from       first offered rate, tasks per second, > 0
 * @param factor     each next rising step offers factor x the last, > 1
 * @param max        the search never offers more than this, >= from
 * @param step       how long each rate is held, > 0
 * @param refine     bisection steps after the rising ones, 0..20
 * @param maxP95Wait a rate whose p95 queue wait reaches this is not sustained; null = no limit
 * @param tolerance  how far completions may fall behind, and the queue grow, relative to the offered rate; (0, 0.5)
 * @param confirm    how long the confirmation step holds the sustained rate from a standing queue (issue 21);
 *                   null = 2 x step, zero = no confirmation step
 */
public record SearchSettings(double from, double factor, double max, Duration step, int refine, Duration maxP95Wait,
                             double tolerance, Duration confirm) {
    /** Completions within 3% of the offered rate: a step's count is exact, so this is the margin for timing alone. */
    public static final double DEFAULT_TOLERANCE = 0.03;
    private static final Duration MIN_DRAIN = Duration.ofSeconds(10);

    public SearchSettings {
        if (!(from > 0 && from <= 1_000_000)) throw new IllegalArgumentException("search.from must be > 0 tasks per second, was " + from);
        if (!(factor > 1 && factor <= 100)) throw new IllegalArgumentException("search.factor must be > 1 (each step offers factor x the last), was " + factor);
        if (!(max >= from && max <= 1_000_000)) throw new IllegalArgumentException("search.max must be >= search.from (" + from + "), was " + max);
        if (step == null || step.isNegative() || step.isZero()) throw new IllegalArgumentException("search.step must be a duration > 0, was " + step);
        if (refine < 0 || refine > 20) throw new IllegalArgumentException("search.refine must be a whole number between 0 and 20, was " + refine);
        if (maxP95Wait != null && (maxP95Wait.isNegative() || maxP95Wait.isZero())) {
            throw new IllegalArgumentException("search.maxP95Wait must be a duration > 0, was " + maxP95Wait);
        }
        if (!(tolerance > 0 && tolerance < 0.5)) throw new IllegalArgumentException("search.tolerance must be between 0 and 0.5 (0.03 = 3%), was " + tolerance);
        if (confirm != null && confirm.isNegative()) throw new IllegalArgumentException("search.confirm must be a duration >= 0 (0 = off), was " + confirm);
    }

    /** With the default confirmation step (2 x step). */
    public SearchSettings(double from, double factor, double max, Duration step, int refine, Duration maxP95Wait, double tolerance) {
        this(from, factor, max, step, refine, maxP95Wait, tolerance, null);
    }

    /** How long the confirmation step holds the sustained rate; zero when it is off. */
    public Duration confirmFor() {
        return confirm != null ? confirm : step.multipliedBy(2);
    }

    /** Tasks a step at {@code rate} dispatches: the rate held for the step, at least 10 so percentiles mean something. */
    public int tasksAt(double rate) {
        return (int) Math.max(10, Math.round(rate * step.toNanos() / 1e9));
    }

    /** Bound on letting the queue drain after a step: 5 steps' worth, at least 10 s (the scenario's timeout bounds it too). */
    public Duration drainLimit() {
        Duration five = step.multipliedBy(5);
        return five.compareTo(MIN_DRAIN) < 0 ? MIN_DRAIN : five;
    }
}

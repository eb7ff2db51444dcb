package io.pulpperf.throughput.sim;

import io.pulpperf.throughput.config.Durations;
import java.time.Duration;
import java.util.Random;

/** How long a simulated task runs on a worker, in microseconds. */
public sealed interface ServiceTime {

    /** Draws the next service time; called under the engine's lock, so sampling may be stateful. */
    long nextMicros();

    /** Every task runs exactly this long: the capacity is then known exactly (ground truth). */
    static ServiceTime fixed(Duration duration) {
        return new Fixed(duration.toNanos() / 1000);
    }

    /** Exponentially distributed with this mean, reproducible from the seed. */
    static ServiceTime exponential(Duration mean, long seed) {
        return new Exponential(mean.toNanos() / 1000, new Random(seed));
    }

    /** Uniform between the two bounds, reproducible from the seed. */
    static ServiceTime uniform(Duration min, Duration max, long seed) {
        return new Uniform(min.toNanos() / 1000, max.toNanos() / 1000, new Random(seed));
    }

    /**
     * Parses {@code 40ms}, {@code 0.3s}, {@code exp:40ms} or {@code uniform:10ms..50ms}; the seed
     * makes random ones reproducible. A suffix {@code ~8%} scales every service time by one
     * run-level factor, lognormal with that relative spread (sigma of its log), drawn once when the
     * simulator starts (one night, in the nightly): a different draw in every JVM, or a
     * reproducible one with {@code ~8%@7} (seed 7). It gives the simulator a real target's
     * night-to-night noise (7-8% on the real pulpcore of pulp-api-facts.md section 10), which the
     * per-task randomness averages away.
     */
    static ServiceTime parse(String text, long seed) {
        int tilde = text.indexOf('~');
        if (tilde >= 0) return NightScaled.parse(parse(text.substring(0, tilde), seed), text.substring(tilde + 1).trim(), text);
        String t = text.trim();
        if (t.startsWith("exp:")) {
            return exponential(Durations.parse(t.substring(4)), seed);
        }
        if (t.startsWith("uniform:")) {
            String[] bounds = t.substring(8).split("\\.\\.");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("expected uniform:MIN..MAX, e.g. uniform:10ms..50ms, but got '" + text + "'");
            }
            return uniform(Durations.parse(bounds[0]), Durations.parse(bounds[1]), seed);
        }
        return fixed(Durations.parse(t));
    }

    record Fixed(long micros) implements ServiceTime {
        public Fixed {
            if (micros < 0) throw new IllegalArgumentException("service time must be >= 0");
        }

        @Override
        public long nextMicros() {
            return micros;
        }
    }

    record Exponential(long meanMicros, Random random) implements ServiceTime {
        @Override
        public long nextMicros() {
            return Math.round(-Math.log(1 - random.nextDouble()) * meanMicros);
        }
    }

    record Uniform(long minMicros, long maxMicros, Random random) implements ServiceTime {
        @Override
        public long nextMicros() {
            return minMicros + (long) (random.nextDouble() * (maxMicros - minMicros));
        }
    }

    /**
     * Another service time scaled by one factor drawn per simulator start.
     *
     * @param base   the service time
     * @param spread sigma of the factor's log
     * @param factor the factor drawn
     */
    record NightScaled(ServiceTime base, double spread, double factor) implements ServiceTime {
        static NightScaled parse(ServiceTime base, String spec, String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)%(?:@(-?\\d+))?").matcher(spec);
            if (!m.matches()) {
                throw new IllegalArgumentException("expected a night-to-night spread such as ~8% or ~8%@7 (seeded) after the service time, but got '"
                        + text + "'");
            }
            double spread = Double.parseDouble(m.group(1)) / 100;
            Random random = m.group(2) == null ? new Random() : new Random(Long.parseLong(m.group(2)));
            return new NightScaled(base, spread, Math.exp(spread * random.nextGaussian()));
        }

        @Override
        public long nextMicros() {
            return Math.round(base.nextMicros() * factor);
        }
    }
}

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
     * makes random ones reproducible.
     */
    static ServiceTime parse(String text, long seed) {
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
}

package io.pulpperf.throughput.sim;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** UUID version 7 (time-ordered), as pulpcore's {@code pulp_uuid()} makes every primary key. */
final class Uuid7 {
    private Uuid7() {}

    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}

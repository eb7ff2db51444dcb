package io.pulpperf.throughput.pulp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How read-only calls (status, task pages) are retried when the server is struggling: 5xx, 429
 * and no answer. Exponential backoff with full jitter, honouring {@code Retry-After} up to a cap;
 * bounded in attempts, so a dead API is reported instead of waited on.
 *
 * @param attempts      tries in all, >= 1
 * @param baseDelay     delay before the second try; doubles each time
 * @param maxDelay      cap on one backoff delay
 * @param maxRetryAfter cap on a server's Retry-After
 */
public record RetryPolicy(int attempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    public RetryPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** This policy with another number of tries in all. */
    public RetryPolicy withAttempts(int value) {
        return new RetryPolicy(value, baseDelay, maxDelay, maxRetryAfter);
    }


    /** Whether an answer with this status is worth another try. */
    static boolean retryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** The delay before try {@code attempt + 1} (attempt counts from 1), given the server's Retry-After header. */
    Duration delay(int attempt, String retryAfter) {
        if (retryAfter != null) {
            try {
                long seconds = Long.parseLong(retryAfter.trim());
                return Duration.ofSeconds(Math.max(0, Math.min(seconds, maxRetryAfter.toSeconds())));
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall back to backoff
            }
        }
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }
}

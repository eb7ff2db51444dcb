package io.pulpperf.throughput.db;

/** The database named by {@code pulp.db.url} cannot be sampled; the message says where and why, never the password. */
public final class DbUnavailableException extends RuntimeException {
    public DbUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

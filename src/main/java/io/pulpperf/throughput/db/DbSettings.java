package io.pulpperf.throughput.db;

import java.time.Duration;

/**
 * Where and how often to sample PostgreSQL during each scenario (issue 8). Never printed with its
 * password: {@link #toString()} shows the redacted URL only.
 *
 * @param url      a {@code jdbc:postgresql://} URL, possibly with secrets in its parameters
 * @param username the login role (a read-only role with {@code pg_monitor} is enough), or null to use the URL's
 * @param password its password, or null
 * @param interval time between samples, at least {@link #MIN_INTERVAL}
 */
public record DbSettings(String url, String username, String password, Duration interval) {
    /** Shorter intervals would make the sampler itself a noticeable part of the database's load. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    public DbSettings {
        if (!JdbcUrls.isPostgres(url)) throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + JdbcUrls.redact(url));
        if (interval.compareTo(MIN_INTERVAL) < 0) throw new IllegalArgumentException("interval must be >= " + MIN_INTERVAL.toMillis() + " ms");
    }

    /** The URL with every secret parameter replaced, safe to print and attach. */
    public String safeUrl() {
        return JdbcUrls.redact(url);
    }

    @Override
    public String toString() {
        return "DbSettings[url=" + safeUrl() + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", interval=" + interval.toMillis() + " ms]";
    }
}

package io.pulpperf.throughput.db;

import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.config.Durations;
import io.pulpperf.throughput.config.SecretHolder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code pulp.db.url}, {@code pulp.db.username}/{@code PULP_DB_USERNAME},
 * {@code pulp.db.password}/{@code PULP_DB_PASSWORD} and {@code pulp.db.interval}. Kept apart from
 * {@code ConfigLoader} because the sampler is optional and the matrix file knows nothing of it.
 */
public final class DbSettingsLoader {
    public static final String URL = "pulp.db.url";
    public static final String USERNAME = "pulp.db.username";
    public static final String PASSWORD = "pulp.db.password";
    public static final String INTERVAL = "pulp.db.interval";

    private DbSettingsLoader() {}

    /** From this JVM's system properties (secrets from {@link SecretHolder}) and environment. */
    public static Optional<DbSettings> fromSystem() {
        return load(SecretHolder.systemProperties(), System.getenv());
    }

    /**
     * The settings, or empty when {@code pulp.db.url} is not set (no sampling); throws
     * {@link ConfigException} naming the property when a value is wrong.
     */
    public static Optional<DbSettings> load(Map<String, String> props, Map<String, String> env) {
        String url = props.get(URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        url = url.trim();
        if (!JdbcUrls.isPostgres(url)) {
            throw new ConfigException("-D" + URL + " must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example:5432/pulp, was '"
                    + JdbcUrls.redact(url) + "'");
        }
        Duration interval = interval(props.get(INTERVAL));
        String username = props.getOrDefault(USERNAME, env.get("PULP_DB_USERNAME"));
        String password = props.getOrDefault(PASSWORD, env.get("PULP_DB_PASSWORD"));
        return Optional.of(new DbSettings(url, blankToNull(username), blankToNull(password), interval));
    }

    private static Duration interval(String text) {
        if (text == null) return DbSettings.DEFAULT_INTERVAL;
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("-D" + INTERVAL + " must be a duration of at least 100ms such as 500ms, 1s or 5s, was '" + text + "'");
        }
        if (d.compareTo(DbSettings.MIN_INTERVAL) < 0) {
            throw new ConfigException("-D" + INTERVAL + " must be at least 100ms (shorter makes the sampler part of the load), was '" + text + "'");
        }
        return d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

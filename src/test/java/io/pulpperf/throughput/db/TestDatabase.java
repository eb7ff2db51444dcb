package io.pulpperf.throughput.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The real PostgreSQL the sampler's tests run against, as {@code .ci/postgres.sh} sets it up on
 * 127.0.0.1. Every value can be overridden from the environment (the script prints them):
 * PULP_TEST_DB_URL, PULP_TEST_DB_USERNAME/PASSWORD (the pg_monitor role the sampler uses),
 * PULP_TEST_DB_LOAD_USERNAME/PASSWORD (the role that makes the load). Without PULP_TEST_DB_URL it
 * uses the server only when it proves to be the one .ci/postgres.sh set up (issue 21): the marker
 * that script wrote in its state directory, whose token it also put in the test database's comment.
 */
final class TestDatabase {
    static final String URL_ENV = "PULP_TEST_DB_URL";
    static final String DEFAULT_STATE = "/tmp/pulp-pg";
    /** The database only {@code leavesItsOwnTransactionsOut} uses, made by .ci/postgres.sh: nobody else's transactions land there. */
    static final String QUIET_DATABASE = "pulp_perf_quiet";
    /** Set by CI: an unavailable test database then fails the tests instead of skipping them. */
    static final String REQUIRE_ENV = "PULP_REQUIRE_DB_TESTS";

    /** Null when no server of ours was found; then {@link #notFound} says why. */
    final String url;
    private final String notFound;
    /** The marker's token to find in the database's comment, or null when the variable named the server. */
    private final String markerToken;
    private final String monitorUser;
    private final String monitorPassword;
    private final String loadUser;
    private final String loadPassword;
    final boolean required;

    private TestDatabase(Map<String, String> env) {
        String named = env.get(URL_ENV);
        Path marker = Path.of(env.getOrDefault("PULP_TEST_DB_STATE", DEFAULT_STATE)).resolve("marker");
        Properties m = named != null ? null : readMarker(marker);
        url = named != null ? named : m == null ? null : m.getProperty("url");
        markerToken = named != null || m == null ? null : m.getProperty("token");
        notFound = URL_ENV + " is unset and there is no marker of .ci/postgres.sh at " + marker;
        monitorUser = env.getOrDefault("PULP_TEST_DB_USERNAME", "pulp_perf_monitor");
        monitorPassword = env.getOrDefault("PULP_TEST_DB_PASSWORD", "monitor-test-only");
        loadUser = env.getOrDefault("PULP_TEST_DB_LOAD_USERNAME", "pulp_perf_load");
        loadPassword = env.getOrDefault("PULP_TEST_DB_LOAD_PASSWORD", "load-test-only");
        required = "true".equalsIgnoreCase(env.getOrDefault(REQUIRE_ENV, "false"));
    }

    static TestDatabase fromEnvironment() {
        return new TestDatabase(System.getenv());
    }

    static TestDatabase from(Map<String, String> env) {
        return new TestDatabase(env);
    }

    private static Properties readMarker(Path marker) {
        if (!Files.isRegularFile(marker)) return null;
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(marker)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        return p.getProperty("url") != null && p.getProperty("token") != null ? p : null;
    }

    /** Sampler settings for the monitoring role on {@link #QUIET_DATABASE}. */
    DbSettings quietSampler(Duration interval) {
        return new DbSettings(url.substring(0, url.lastIndexOf('/') + 1) + QUIET_DATABASE, monitorUser, monitorPassword, interval);
    }

    /** Sampler settings for the monitoring role. */
    DbSettings sampler(Duration interval) {
        return new DbSettings(url, monitorUser, monitorPassword, interval);
    }

    /** A session of the load role, marked with {@code application} and bounded by a statement timeout. */
    Connection load(String application) throws SQLException {
        Connection c = open(loadUser, loadPassword);
        try (Statement s = c.createStatement()) {
            s.execute("SET application_name = '" + application + "'; SET statement_timeout = '30s'");
        }
        return c;
    }

    /** A session of the monitoring role (it may terminate the sampler's backend: same role). */
    Connection monitor() throws SQLException {
        return open(monitorUser, monitorPassword);
    }

    /** Null when both roles can log in, else why not. */
    String unavailableReason() {
        if (url == null) return notFound;
        try (Connection m = monitor(); Connection l = open(loadUser, loadPassword)) {
            if (markerToken == null) return null;
            try (Statement s = m.createStatement();
                 ResultSet rs = s.executeQuery("SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database"
                         + " WHERE datname = current_database()")) {
                return rs.next() && rs.getString(1).contains(markerToken) ? null
                        : "the PostgreSQL at " + JdbcUrls.redact(url) + " is not the one .ci/postgres.sh set up (its database lacks the marker's token)";
            }
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private Connection open(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "3");
        p.setProperty("socketTimeout", "60");
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(url, p);
    }
}

package io.pulpperf.throughput.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The real PostgreSQL the sampler's tests run against, as {@code .ci/postgres.sh} sets it up on
 * 127.0.0.1. Every value can be overridden from the environment (the script prints them):
 * PULP_TEST_DB_URL, PULP_TEST_DB_USERNAME/PASSWORD (the pg_monitor role the sampler uses),
 * PULP_TEST_DB_LOAD_USERNAME/PASSWORD (the role that makes the load).
 */
final class TestDatabase {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/pulp_perf_test";
    /** Set by CI: an unavailable test database then fails the tests instead of skipping them. */
    static final String REQUIRE_ENV = "PULP_REQUIRE_DB_TESTS";

    final String url;
    private final String monitorUser;
    private final String monitorPassword;
    private final String loadUser;
    private final String loadPassword;
    final boolean required;

    private TestDatabase(Map<String, String> env) {
        url = env.getOrDefault("PULP_TEST_DB_URL", DEFAULT_URL);
        monitorUser = env.getOrDefault("PULP_TEST_DB_USERNAME", "pulp_perf_monitor");
        monitorPassword = env.getOrDefault("PULP_TEST_DB_PASSWORD", "monitor-test-only");
        loadUser = env.getOrDefault("PULP_TEST_DB_LOAD_USERNAME", "pulp_perf_load");
        loadPassword = env.getOrDefault("PULP_TEST_DB_LOAD_PASSWORD", "load-test-only");
        required = "true".equalsIgnoreCase(env.getOrDefault(REQUIRE_ENV, "false"));
    }

    static TestDatabase fromEnvironment() {
        return new TestDatabase(System.getenv());
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
        try (Connection m = monitor(); Connection l = open(loadUser, loadPassword)) {
            return null;
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

package io.pulpperf.throughput.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens the sampler's one connection: autocommit, every transaction read-only, short statement
 * and lock timeouts, so it can neither change nor block anything in the database it watches.
 */
final class SamplerConnection {
    /** How the sampler's session shows in pg_stat_activity, and how the sampler leaves itself out of pg_stat_statements. */
    static final String APPLICATION_NAME = "pulp-throughput-sampler";
    static final String STATEMENT_TIMEOUT = "2s";
    // A sampler query that would queue for a lock (behind an ALTER TABLE, say) gives up at once instead of queueing others behind it.
    static final String LOCK_TIMEOUT = "200ms";
    /** Transactions that {@link #open} adds to xact_commit: one for the connection start-up, one for the SETs (one batch). */
    static final long SETUP_TRANSACTIONS = 2;

    private SamplerConnection() {}

    static Connection open(DbSettings settings) throws SQLException {
        Properties props = new Properties();
        if (settings.username() != null) props.setProperty("user", settings.username());
        if (settings.password() != null) props.setProperty("password", settings.password());
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        // Bounds every read even if the server stops answering (statement_timeout fires first when it does answer).
        props.setProperty("socketTimeout", "10");
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(settings.url(), props);
        if (c == null) throw new SQLException("the PostgreSQL driver does not accept the URL " + settings.safeUrl());
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // Plain SETs rather than startup options: connection poolers in front of hosted databases reject those.
                s.execute(PgStats.MARKER + "SET application_name = '" + APPLICATION_NAME + "'; SET statement_timeout = '" + STATEMENT_TIMEOUT
                        + "'; SET lock_timeout = '" + LOCK_TIMEOUT + "'; SET idle_in_transaction_session_timeout = '5s'"
                        + "; SET default_transaction_read_only = on");
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}

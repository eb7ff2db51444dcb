package io.pulpperf.throughput.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connects once before any load. An unreachable database stops the run here: the user asked for
 * database metrics, and learning after an hour of scenarios that none were taken (wrong host,
 * password or missing grant) wastes the run; a connection lost later is only reported.
 */
public final class DbPreflight {
    private DbPreflight() {}

    /** What the sampler will see, or {@link DbUnavailableException} with the redacted URL and the driver's reason. */
    public static DbServerInfo check(DbSettings settings) {
        try (Connection c = SamplerConnection.open(settings)) {
            return new PgStats(c, 0).server(DbSampler.TASK_TABLE);
        } catch (SQLException e) {
            throw new DbUnavailableException("Cannot sample PostgreSQL at " + settings.safeUrl() + " as "
                    + (settings.username() == null ? "the URL's user" : settings.username()) + ": " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + "). Check -Dpulp.db.url, -Dpulp.db.username/PULP_DB_USERNAME and "
                    + "-Dpulp.db.password/PULP_DB_PASSWORD, or leave out -Dpulp.db.url to run without database metrics.", e);
        }
    }

    /** One line for the console: version, role and what will be missing. */
    public static String describe(DbSettings settings, DbServerInfo info) {
        return "Sampling PostgreSQL " + info.version() + " at " + settings.safeUrl() + " as " + info.role()
                + " every " + settings.interval().toMillis() + " ms"
                + (info.readsAllStats() ? "" : "; WARNING: the role lacks pg_monitor, other roles' queries and waits are hidden")
                + (info.hasPgStatStatements() ? ", with pg_stat_statements" : "; pg_stat_statements is not installed: no top statements")
                + (info.hasTaskTable() ? "" : "; no core_task table here: task row rates will be 0");
    }
}

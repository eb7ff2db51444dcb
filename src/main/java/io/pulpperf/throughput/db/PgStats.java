package io.pulpperf.throughput.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sampler's queries, each one statement on PostgreSQL's statistics views (pg_stat_activity,
 * pg_locks, pg_stat_database, pg_stat_user_tables, pg_stat_statements): readable with
 * {@code pg_monitor}, no table of the application is touched. Counts the transactions it runs so
 * the sampler can leave its own out of the transaction rate.
 */
final class PgStats {
    /** Starts every sampler statement, so its own entries can be told apart in pg_stat_statements. */
    static final String MARKER = "/* pulp-throughput-sampler */ ";
    static final int TEXT_LIMIT = 300;
    private static final int MAX_SESSIONS = 5_000;
    private static final int MAX_LOCKS = 1_000;
    private static final int MAX_STATEMENTS = 20_000;

    private static final String SESSIONS = MARKER + """
            SELECT pid, coalesce(state, 'hidden (needs pg_monitor)'), coalesce(application_name, ''), wait_event_type, wait_event,
                   extract(epoch FROM clock_timestamp() - query_start)::float8,
                   extract(epoch FROM clock_timestamp() - xact_start)::float8,
                   left(query, ?),
                   CASE WHEN wait_event_type = 'Lock' THEN pg_blocking_pids(pid) END
              FROM pg_stat_activity
             WHERE backend_type = 'client backend' AND datname = current_database() AND pid <> pg_backend_pid()
             LIMIT ?""";
    // Read only when some session waits on a lock: pg_locks briefly takes every lock-manager partition.
    private static final String UNGRANTED_LOCKS = MARKER + """
            SELECT pid, locktype, mode, CASE WHEN relation IS NOT NULL THEN relation::regclass::text END
              FROM pg_locks WHERE NOT granted AND pid IS NOT NULL LIMIT ?""";
    private static final String COUNTERS = MARKER + """
            SELECT d.xact_commit + d.xact_rollback, t.relid IS NOT NULL, coalesce(t.n_tup_ins, 0), coalesce(t.n_tup_upd, 0),
                   coalesce(t.n_tup_del, 0), coalesce(t.seq_scan, 0), coalesce(t.idx_scan, 0)
              FROM pg_stat_database d
              LEFT JOIN LATERAL (SELECT relid, n_tup_ins, n_tup_upd, n_tup_del, seq_scan, idx_scan FROM pg_stat_user_tables
                                  WHERE relname = ? ORDER BY schemaname = 'public' DESC LIMIT 1) t ON true
             WHERE d.datname = current_database()""";
    private static final String HAS_PG_STAT_STATEMENTS = MARKER
            + "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements')";
    // Summed over users so a statement is one row; the sampler's own statements (MARKER) are left out.
    private static final String STATEMENTS = MARKER + """
            SELECT queryid, sum(calls)::bigint, sum(total_exec_time)::float8, sum(rows)::bigint, min(left(query, ?))
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND queryid IS NOT NULL
               AND query NOT LIKE '/* pulp-throughput-sampler */%'
             GROUP BY queryid LIMIT ?""";
    private static final String SERVER = MARKER + """
            SELECT current_setting('server_version'), current_user, pg_has_role('pg_read_all_stats', 'USAGE'),
                   EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'),
                   EXISTS (SELECT 1 FROM pg_stat_user_tables WHERE relname = ?), pg_backend_pid()""";

    private final Connection connection;
    private long transactions;

    /**
     * @param setupTransactions transactions the connection already ran while it was opened
     */
    PgStats(Connection connection, long setupTransactions) {
        this.connection = connection;
        this.transactions = setupTransactions;
    }

    /** Transactions this connection has run so far: in autocommit, one per statement. */
    long transactions() {
        return transactions;
    }

    List<SessionRow> sessions() throws SQLException {
        List<SessionRow> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(SESSIONS)) {
            ps.setInt(1, TEXT_LIMIT);
            ps.setInt(2, MAX_SESSIONS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SessionRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            nullableDouble(rs, 6), nullableDouble(rs, 7), rs.getString(8), pids(rs.getArray(9))));
                }
            }
        }
        return rows;
    }

    List<LockDetail> ungrantedLocks() throws SQLException {
        List<LockDetail> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(UNGRANTED_LOCKS)) {
            ps.setInt(1, MAX_LOCKS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new LockDetail(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return rows;
    }

    /** The database's transaction count and the counters of {@code table} (all 0 when it does not exist). */
    Counters counters(String table) throws SQLException {
        try (PreparedStatement ps = prepare(COUNTERS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("pg_stat_database has no row for the current database");
                return new Counters(System.nanoTime(), rs.getLong(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7));
            }
        }
    }

    boolean hasPgStatStatements() throws SQLException {
        try (PreparedStatement ps = prepare(HAS_PG_STAT_STATEMENTS); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Every statement of this database in pg_stat_statements, by queryid. */
    Map<Long, StatementStats> statements() throws SQLException {
        Map<Long, StatementStats> byId = new HashMap<>();
        try (PreparedStatement ps = prepare(STATEMENTS)) {
            ps.setInt(1, TEXT_LIMIT);
            ps.setInt(2, MAX_STATEMENTS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.put(rs.getLong(1), new StatementStats(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4), rs.getString(5)));
                }
            }
        }
        return byId;
    }

    DbServerInfo server(String table) throws SQLException {
        try (PreparedStatement ps = prepare(SERVER)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new DbServerInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), rs.getInt(6));
            }
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        transactions++;
        return connection.prepareStatement(sql);
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static List<Integer> pids(Array array) throws SQLException {
        if (array == null) return List.of();
        try {
            List<Integer> pids = new ArrayList<>();
            for (Object o : (Object[]) array.getArray()) pids.add(((Number) o).intValue());
            return pids;
        } finally {
            array.free();
        }
    }
}

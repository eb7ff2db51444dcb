package io.pulpperf.throughput.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The sampler against a real PostgreSQL (see {@link RequiresPostgres}): each test makes one kind
 * of load on 127.0.0.1 and asserts the sampler saw it. Every wait is bounded.
 */
@RequiresPostgres
@DisplayName("DB sampler on a real PostgreSQL")
@Execution(ExecutionMode.CONCURRENT)  // waits on PostgreSQL, the only test of its database: runs beside the other test classes (junit-platform.properties); its own tests one after the other
class DbSamplerPostgresTest {
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(15);

    private TestDatabase db;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ExecutorService load = Executors.newFixedThreadPool(6);
    private DbSampler sampler;

    @BeforeEach
    void setUp(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sampler != null) sampler.stop();
        for (AutoCloseable c : toClose) c.close();
        load.shutdownNow();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).as("load threads ended").isTrue();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @DisplayName("concurrent sessions are counted as active connections, by application, without the sampler's own")
    void countsConcurrentActiveSessions() throws Exception {
        String app = "sampler-test-concurrent";
        List<Future<?>> sleeping = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Connection c = session(app);
            sleeping.add(load.submit(() -> execute(c, "SELECT pg_sleep(3)")));
        }
        sampler = DbSampler.start(db.sampler(INTERVAL), Duration.ofMinutes(1));

        DbSample seen = awaitSample("4 active sessions of " + app,
                s -> s.byApplication().getOrDefault(app, 0) >= 4 && s.inState(DbSample.ACTIVE) >= 4);
        for (Future<?> f : sleeping) f.get(10, TimeUnit.SECONDS);

        assertThat(seen.connections()).as("connections counted").isGreaterThanOrEqualTo(4);
        assertThat(sampler.samplesSoFar()).as("the sampler leaves its own session out")
                .allSatisfy(s -> assertThat(s.byApplication()).doesNotContainKey(SamplerConnection.APPLICATION_NAME));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @DisplayName("a session waiting on a lock is seen with what it waits on and who blocks it")
    void seesLockWaitWithBlocker() throws Exception {
        String app = "sampler-test-lock";
        Connection holder = session(app);
        execute(holder, "CREATE TABLE IF NOT EXISTS sampler_lock_target (id int)");
        holder.setAutoCommit(false);
        execute(holder, "LOCK TABLE sampler_lock_target IN ACCESS EXCLUSIVE MODE");
        int holderPid = pid(holder);
        Connection waiter = session(app);
        int waiterPid = pid(waiter);
        Future<?> waiting = load.submit(() -> execute(waiter, "SELECT count(*) FROM sampler_lock_target"));
        sampler = DbSampler.start(db.sampler(INTERVAL), Duration.ofMinutes(1));

        try {
            DbSample seen = awaitSample("session " + waiterPid + " waiting on a lock",
                    s -> s.lockWaits().stream().anyMatch(w -> w.pid() == waiterPid));
            LockWait wait = seen.lockWaits().stream().filter(w -> w.pid() == waiterPid).findFirst().orElseThrow();
            assertThat(wait.waitEvent()).isEqualTo("relation");
            assertThat(wait.relation()).isEqualTo("sampler_lock_target");
            assertThat(wait.mode()).isEqualTo("AccessShareLock");
            assertThat(wait.blockedBy()).as("blocked by the lock holder").containsExactly(holderPid);
            assertThat(seen.idleInTransaction()).as("the holder sits idle in its transaction").isGreaterThanOrEqualTo(1);
            assertThat(seen.longestTransaction()).as("longest open transaction").isNotNull();
            assertThat(seen.longestTransaction().pid()).as("the holder's transaction is the oldest").isEqualTo(holderPid);
        } finally {
            holder.rollback();
        }
        waiting.get(10, TimeUnit.SECONDS);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @DisplayName("a slow statement is seen as the longest running query, with its text and age")
    void seesSlowStatementAsLongestQuery() throws Exception {
        Connection c = session("sampler-test-slow");
        Future<?> slow = load.submit(() -> execute(c, "SELECT pg_sleep(4) /* slow statement */"));
        sampler = DbSampler.start(db.sampler(INTERVAL), Duration.ofMinutes(1));

        DbSample seen = awaitSample("pg_sleep(4) running for over a second",
                s -> s.longestQuery() != null && s.longestQuery().query().contains("pg_sleep(4)") && s.longestQuery().seconds() > 1.0);
        slow.get(10, TimeUnit.SECONDS);
        assertThat(seen.longestQuery().pid()).isEqualTo(pid(c));
        DbReport report = sampler.stop();
        assertThat(DbStatsTable.html("t", report, DbSummary.of(report.samples(), null, null)))
                .contains("Longest running query seen").contains("pg_sleep(4)");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @DisplayName("pg_stat_statements shows a burst of queries as the scenario's top statement, with its calls")
    void reportsTopStatementsOfTheScenario() throws Exception {
        try (Connection m = db.monitor(); Statement s = m.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
            rs.next();
            org.junit.jupiter.api.Assumptions.assumeTrue(rs.getInt(1) == 1 || db.required,
                    "pg_stat_statements is not installed in the test database (.ci/postgres.sh installs it)");
        }
        sampler = DbSampler.start(db.sampler(INTERVAL), Duration.ofMinutes(1));
        await("the sampler's first sample").atMost(SEEN_WITHIN).until(() -> !sampler.samplesSoFar().isEmpty());
        Connection c = session("sampler-test-burst");
        for (int i = 0; i < 300; i++) {
            try (var ps = c.prepareStatement("SELECT count(*) FROM generate_series(1, ?) AS burst_marker")) {
                ps.setInt(1, 1000 + i);
                ps.executeQuery().close();
            }
        }
        DbReport report = sampler.stop();

        assertThat(report.statementsAvailable()).as("pg_stat_statements read at start and end").isTrue();
        assertThat(report.topStatements()).as("top statements during the scenario")
                .anySatisfy(st -> {
                    assertThat(st.query()).contains("burst_marker");
                    assertThat(st.calls()).isEqualTo(300);
                    assertThat(st.meanMillis()).isPositive();
                });
        assertThat(report.topStatements()).as("the sampler's own statements are left out")
                .noneSatisfy(st -> assertThat(st.query()).contains("pulp-throughput-sampler"));
        assertThat(DbCsv.statements(report.topStatements())).contains("burst_marker");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @DisplayName("transactions and core_task rows per second; 0 while core_task does not exist")
    void measuresTransactionsAndTaskRows() throws Exception {
        Connection c = session("sampler-test-rows");
        execute(c, "DROP TABLE IF EXISTS core_task");
        sampler = DbSampler.start(db.sampler(INTERVAL), Duration.ofMinutes(1));
        DbSample without = awaitSample("a sample with rates", s -> s.rates() != null);
        assertThat(without.taskTablePresent()).isFalse();
        assertThat(without.rates().inserted()).isZero();

        try {
            execute(c, "CREATE TABLE core_task (id serial PRIMARY KEY, state text)");
            long end = System.nanoTime() + Duration.ofMillis(2500).toNanos();
            for (int i = 0; i < 5_000 && System.nanoTime() < end; i++) {
                execute(c, "INSERT INTO core_task (state) VALUES ('waiting')");
                execute(c, "UPDATE core_task SET state = 'completed' WHERE id = (SELECT max(id) FROM core_task)");
            }
            execute(c, "DELETE FROM core_task");
            // A backend reports its statistics at most once a second while busy, and at once when it disconnects.
            c.close();
            DbSample with = awaitSample("core_task inserts", s -> s.taskTablePresent() && s.rates() != null && s.rates().inserted() > 0);
            awaitSample("core_task deletes", s -> s.rates() != null && s.rates().deleted() > 0);
            DbReport report = sampler.stop();
            DbSummary summary = DbSummary.of(report.samples(), null, null);
            assertThat(with.rates().transactions()).as("xact/s while inserting").isPositive();
            assertThat(summary.metric("core_task rows inserted").peak()).isPositive();
            assertThat(summary.metric("core_task rows updated").peak()).isPositive();
            assertThat(summary.metric("core_task rows deleted").peak()).isPositive();
            assertThat(summary.metric(DbSummary.TRANSACTIONS).peak()).isPositive();
        } finally {
            try (Connection d = db.load("sampler-test-cleanup")) {
                execute(d, "DROP TABLE IF EXISTS core_task");
            }
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @DisplayName("the sampler's own transactions are left out of the transaction rate")
    void leavesItsOwnTransactionsOut() throws Exception {
        // Transactions are counted per database: on the shared test database anybody else's would
        // count too (issue 21). The quiet database is this test's alone, and the advisory lock keeps
        // a second run of it (another clone on the same server) out of its window.
        try (Connection m = db.monitor(); Statement s = m.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + TestDatabase.QUIET_DATABASE + "'")) {
                rs.next();
                org.junit.jupiter.api.Assumptions.assumeTrue(rs.getInt(1) == 1 || db.required, "no database " + TestDatabase.QUIET_DATABASE
                        + " on the test server: rerun .ci/postgres.sh, which makes it");
            }
            s.execute("SET lock_timeout = '60s'");
            s.execute("SELECT pg_advisory_lock(hashtext('" + TestDatabase.QUIET_DATABASE + "'))");
            try {
                ownTransactionsOnQuietDatabase();
            } finally {
                s.execute("SELECT pg_advisory_unlock(hashtext('" + TestDatabase.QUIET_DATABASE + "'))");
            }
        }
    }

    private void ownTransactionsOnQuietDatabase() {
        sampler = DbSampler.start(db.quietSampler(Duration.ofMillis(100)), Duration.ofMinutes(1));
        await("30 samples").atMost(SEEN_WITHIN).until(() -> sampler.samplesSoFar().size() >= 30);
        DbReport report = sampler.stop();
        sampler = null;
        double own = 0;
        for (int i = 1; i < report.samples().size(); i++) {
            DbSample s = report.samples().get(i);
            own += s.rates().transactions() * Duration.between(report.samples().get(i - 1).at(), s.at()).toNanos() / 1e9;
        }
        assertThat(own).as("transactions counted while only the sampler ran, against %s samples", report.samples().size())
                .isLessThan(3);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @DisplayName("a killed sampler connection is reported, the sampler reconnects and never throws")
    void reportsLostConnection() throws Exception {
        sampler = DbSampler.start(db.sampler(INTERVAL), Duration.ofMinutes(1));
        await("the sampler connected").atMost(SEEN_WITHIN).until(() -> sampler.backendPid().isPresent() && !sampler.samplesSoFar().isEmpty());
        int killed = sampler.backendPid().getAsInt();
        try (Connection m = db.monitor(); Statement s = m.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + killed + ")");
        }
        int before = sampler.samplesSoFar().size();
        await("samples after a reconnect").atMost(SEEN_WITHIN)
                .until(() -> sampler.backendPid().orElse(killed) != killed && sampler.samplesSoFar().size() > before + 1);

        DbReport report = sampler.stop();
        assertThat(report.problems()).as("problems").anySatisfy(p -> assertThat(p).contains("lost its connection"))
                .anySatisfy(p -> assertThat(p).contains("reconnected"));
        DbSummary summary = DbSummary.of(report.samples(), null, null);
        assertThat(DbObservation.line(report, summary)).contains("sampler problem: lost its connection");
        assertThat(DbStatsTable.html("t", report, summary)).contains("problem:</b> lost its connection");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @DisplayName("the sampler's session is read-only, holds no lock beyond AccessShare, is never idle in a transaction; one sample is cheap")
    void samplerIsReadOnlyAndCheap() throws Exception {
        try (Connection c = SamplerConnection.open(db.sampler(INTERVAL)); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE TEMP TABLE sampler_write_probe (i int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
            try (ResultSet rs = s.executeQuery("SELECT current_setting('application_name'), current_setting('statement_timeout'),"
                    + " current_setting('lock_timeout')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(SamplerConnection.APPLICATION_NAME);
                assertThat(rs.getString(2)).isEqualTo("2s");
                assertThat(rs.getString(3)).isEqualTo("200ms");
            }
        }
        for (int i = 0; i < 5; i++) session("sampler-test-idle");
        sampler = DbSampler.start(db.sampler(Duration.ofMillis(100)), Duration.ofMinutes(1));
        await("the sampler connected").atMost(SEEN_WITHIN).until(() -> sampler.backendPid().isPresent());
        int pid = sampler.backendPid().getAsInt();
        Set<String> locksSeen = new HashSet<>();
        Set<String> statesSeen = new HashSet<>();
        try (Connection m = db.monitor(); Statement s = m.createStatement()) {
            long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            for (int i = 0; i < 4_000 && System.nanoTime() < end; i++) {
                Thread.sleep(1);
                try (ResultSet rs = s.executeQuery("SELECT locktype || ' ' || mode FROM pg_locks WHERE granted AND pid = " + pid)) {
                    while (rs.next()) locksSeen.add(rs.getString(1));
                }
                try (ResultSet rs = s.executeQuery("SELECT state FROM pg_stat_activity WHERE pid = " + pid)) {
                    while (rs.next()) statesSeen.add(rs.getString(1));
                }
            }
        }
        DbReport report = sampler.stop();
        assertThat(locksSeen).as("locks the sampler held while sampling")
                .allSatisfy(l -> assertThat(l).matches("relation AccessShareLock|virtualxid ExclusiveLock"));
        assertThat(statesSeen).as("states of the sampler's session").doesNotContain("idle in transaction", "idle in transaction (aborted)");
        assertThat(report.samples().size()).as("samples in ~4 s at 100 ms").isGreaterThanOrEqualTo(20);
        System.out.println(DbObservation.cost(report) + ", PostgreSQL on 127.0.0.1 with "
                + report.samples().get(0).connections() + " other sessions, every 100 ms");
        assertThat(report.medianCostMillis()).as("median cost of one sample, ms").isLessThan(50);
        assertThat(report.problems()).isEmpty();
    }

    private DbSample awaitSample(String what, java.util.function.Predicate<DbSample> seen) {
        DbSample[] found = new DbSample[1];
        await(what).atMost(SEEN_WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> {
            found[0] = sampler.samplesSoFar().stream().filter(seen).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private Connection session(String application) throws SQLException {
        Connection c = db.load(application);
        toClose.add(c);
        return c;
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return null;
    }
}

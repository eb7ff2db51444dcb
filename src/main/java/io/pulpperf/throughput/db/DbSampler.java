package io.pulpperf.throughput.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Samples one database at a fixed interval on a single daemon thread with its own single
 * connection, from {@link #start} until {@link #stop}. Nothing it meets is thrown at the caller:
 * failures become problem lines in the {@link DbReport}, and the scenario's measurement goes on.
 */
public final class DbSampler {
    /** pulpcore's task table. */
    public static final String TASK_TABLE = "core_task";
    static final int TOP_STATEMENTS = 20;
    private static final int MAX_CONNECTS = 4; // the first connection and up to three reconnects
    private static final int MAX_PROBLEMS = 20;
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final DbSettings settings;
    private final Duration maxDuration;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final List<DbSample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile Connection connection;
    private volatile int backendPid = -1;
    private volatile boolean statementsAvailable;
    private volatile List<StatementStats> topStatements = List.of();
    private int droppedProblems; // guarded by problems
    // Only the sampler thread touches these.
    private PgStats stats;
    private int connects;
    private Counters previous;
    private long ownAtPrevious;
    private final OwnTransactions own = new OwnTransactions();

    private DbSampler(DbSettings settings, Duration maxDuration) {
        this.settings = settings;
        this.maxDuration = maxDuration;
        this.thread = new Thread(this::run, "pulp-db-sampler");
        thread.setDaemon(true);
    }

    /**
     * Starts sampling now.
     *
     * @param maxDuration sampling stops by itself after this long, so a forgotten sampler cannot run on
     */
    public static DbSampler start(DbSettings settings, Duration maxDuration) {
        DbSampler sampler = new DbSampler(settings, maxDuration);
        sampler.thread.start();
        return sampler;
    }

    /** The samples taken so far (a copy). */
    public List<DbSample> samplesSoFar() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** The sampler's own backend pid while connected (for diagnostics and tests). */
    public OptionalInt backendPid() {
        int pid = backendPid;
        return pid < 0 ? OptionalInt.empty() : OptionalInt.of(pid);
    }

    /** Stops sampling, reads pg_stat_statements once more, closes the connection and returns all it saw. Never throws. */
    public DbReport stop() {
        stopRequested.countDown();
        try {
            thread.join(STOP_GRACE.toMillis());
            if (thread.isAlive()) {
                problem("the sampler did not stop within " + STOP_GRACE.toSeconds() + " s; its connection was aborted");
                abortConnection();
                thread.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> allProblems;
        synchronized (problems) {
            allProblems = new ArrayList<>(problems);
            if (droppedProblems > 0) allProblems.add("... and " + droppedProblems + " more problems of the sampler");
        }
        return new DbReport(settings.safeUrl(), settings.interval(), startedAt, Instant.now(), samplesSoFar(),
                statementsAvailable, topStatements, allProblems);
    }

    private void run() {
        long interval = settings.interval().toNanos();
        long deadline = startNanos + maxDuration.toNanos();
        long maxSamples = maxDuration.toNanos() / interval + 2;
        try {
            Map<Long, StatementStats> statementsAtStart = connected() ? readStatements() : null;
            long tick = 0;
            for (long taken = 0; taken < maxSamples; taken++) {
                if (!waitUntil(startNanos + tick * interval)) break;
                if (System.nanoTime() > deadline) {
                    problem("stopped sampling after its bound of " + maxDuration.toSeconds() + " s");
                    break;
                }
                sample();
                // A sample slower than the interval skips ticks instead of sampling back to back.
                tick = Math.max(tick + 1, (System.nanoTime() - startNanos) / interval + 1);
            }
            if (statementsAtStart != null && connected()) {
                Map<Long, StatementStats> atEnd = readStatements();
                if (atEnd != null) {
                    topStatements = TopStatements.diff(statementsAtStart, atEnd, TOP_STATEMENTS);
                    statementsAvailable = true;
                }
            }
        } catch (RuntimeException e) {
            problem("the sampler stopped on an unexpected error at " + offset() + ": " + e);
        } finally {
            closeConnection();
        }
    }

    private void sample() {
        if (!connected()) return;
        Instant at = Instant.now();
        long t0 = System.nanoTime();
        try {
            List<SessionRow> sessions = stats.sessions();
            List<LockDetail> locks = sessions.stream().anyMatch(SessionRow::waitsOnLock) ? stats.ungrantedLocks() : List.of();
            // Own transactions before this reading: the counters statement commits after it reads.
            long ownSoFar = stats.transactions();
            Counters counters = stats.counters(TASK_TABLE);
            // Before the first reading, everything the connection ran becomes debt: the server may report it later.
            long mine = previous == null ? own.match(0, ownSoFar)
                    : own.match(counters.transactions() - previous.transactions(), ownSoFar - ownAtPrevious);
            samples.add(SampleAssembler.assemble(at, sessions, locks, counters, previous, mine, (System.nanoTime() - t0) / 1e6));
            previous = counters;
            ownAtPrevious = ownSoFar;
        } catch (SQLException e) {
            failed("a sample", e);
        }
    }

    /** pg_stat_statements by queryid, or null when it is not installed or cannot be read. */
    private Map<Long, StatementStats> readStatements() {
        try {
            return stats.hasPgStatStatements() ? stats.statements() : null;
        } catch (SQLException e) {
            failed("reading pg_stat_statements", e);
            return null;
        }
    }

    /** Connects (or reconnects after a loss) when needed, a bounded number of times. */
    private boolean connected() {
        if (connection != null) return true;
        if (connects >= MAX_CONNECTS) return false;
        connects++;
        try {
            connection = SamplerConnection.open(settings);
            // A new connection's counter starts at 0: carry what the old one ran since the last reading.
            long carried = stats == null ? 0 : stats.transactions() - ownAtPrevious;
            stats = new PgStats(connection, SamplerConnection.SETUP_TRANSACTIONS + carried);
            ownAtPrevious = 0;
            backendPid = stats.server(TASK_TABLE).backendPid();
            if (connects > 1) problem("reconnected at " + offset() + " (no samples in the gap)");
            return true;
        } catch (SQLException e) {
            closeConnection();
            problem("could not connect at " + offset() + ": " + e.getMessage()
                    + (connects >= MAX_CONNECTS ? "; gave up after " + connects + " attempts, no samples from here on" : ""));
            return false;
        }
    }

    private void failed(String what, SQLException e) {
        boolean lost;
        try {
            lost = connection.isClosed() || !connection.isValid(2);
        } catch (SQLException ignored) {
            lost = true;
        }
        if (lost) {
            problem("lost its connection at " + offset() + " during " + what + ": " + e.getMessage());
            closeConnection();
        } else {
            problem(what + " failed at " + offset() + ": " + e.getMessage());
        }
    }

    private boolean waitUntil(long nanos) {
        try {
            return !stopRequested.await(Math.max(0, nanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void problem(String text) {
        synchronized (problems) {
            if (problems.size() < MAX_PROBLEMS) problems.add(text);
            else droppedProblems++;
        }
    }

    private String offset() {
        return String.format(Locale.ROOT, "+%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        backendPid = -1;
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing left to release
        }
    }

    // From stop() when the sampler thread hangs in a read: closes the socket under it.
    private void abortConnection() {
        Connection c = connection;
        if (c == null) return;
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // the thread ends on its socket timeout anyway
        }
    }
}

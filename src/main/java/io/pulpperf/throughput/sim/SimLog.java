package io.pulpperf.throughput.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The simulator's logs, in the formats a real pulpcore 3.105 / gunicorn 25 writes them
 * ({@code pulp-recordings/logs/}): {@code api.access.log} (one line per answer, wrapped as
 * pulpcore's access log wraps it, with the request's Correlation-ID, {@code pulp [-]} on an answer
 * gunicorn made after a timeout), {@code api.error.log} (gunicorn's {@code WORKER TIMEOUT} with
 * its traceback, when a view outlasts {@link #apiTimeout}), {@code worker.log} (tasks started,
 * completed, failed with the header-less traceback; missing workers cleaned up). Each line is
 * written and flushed when it happens, so a reader by position sees it at once. Files are
 * appended to, never truncated: a log reader's window starts where the file ends.
 */
public final class SimLog implements AutoCloseable {
    /** Writes nothing. */
    public static final SimLog NONE = new SimLog();
    private static final DateTimeFormatter ACCESS_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GUNICORN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int ARBITER_PID = 8861;

    private final Path dir;
    private final Duration apiTimeout;
    private final Writer access;
    private final Writer error;
    private final Writer worker;
    private int apiPid = 8870;

    private SimLog() {
        dir = null;
        apiTimeout = null;
        access = error = worker = null;
    }

    private SimLog(Path dir, Duration apiTimeout) throws IOException {
        Files.createDirectories(dir);
        this.dir = dir;
        this.apiTimeout = apiTimeout;
        this.access = open(dir.resolve("api.access.log"));
        this.error = open(dir.resolve("api.error.log"));
        this.worker = open(dir.resolve("worker.log"));
    }

    /**
     * Logs to three files in {@code dir}.
     *
     * @param apiTimeout gunicorn's {@code --timeout}: a test view that would run longer is cut off there
     *                   and answered with a 500, as a real API is; null for none
     */
    public static SimLog in(Path dir, Duration apiTimeout) {
        try {
            return new SimLog(dir, apiTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator's logs to " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * From {@code -Dsim.logDir} (none: no logs) and {@code -Dsim.apiTimeout} (gunicorn's --timeout,
     * e.g. 2s; none: no timeout), for the simulator on its own.
     */
    public static SimLog fromProperties(java.util.Properties p) {
        String dir = p.getProperty("sim.logDir", "");
        String timeout = p.getProperty("sim.apiTimeout", "");
        Duration t = null;
        if (!timeout.isBlank()) {
            try {
                t = io.pulpperf.throughput.config.Durations.parse(timeout.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sim.apiTimeout must be a duration such as 2s or 30s, was '" + timeout + "'");
            }
        }
        if (dir.isBlank()) {
            if (t != null) throw new IllegalArgumentException("sim.apiTimeout needs sim.logDir (where gunicorn's WORKER TIMEOUT lines go)");
            return NONE;
        }
        return in(Path.of(dir.trim()), t);
    }

    /** The files it writes (none for {@link #NONE}). */
    public List<Path> files() {
        return dir == null ? List.of() : List.of(dir.resolve("api.access.log"), dir.resolve("api.error.log"), dir.resolve("worker.log"));
    }

    /** gunicorn's timeout, or null. */
    Duration apiTimeout() {
        return apiTimeout;
    }

    void access(String cid, String method, String pathAndQuery, int status, long bytes, String userAgent) {
        if (access == null) return;
        write(access, "('pulp [" + cid + "]: 127.0.0.1 - - [" + ACCESS_TIME.format(Instant.now()) + "] \"" + method + " " + pathAndQuery
                + " HTTP/1.1\" " + status + " " + bytes + " \"-\" \"" + (userAgent == null ? "-" : userAgent.replace("'", "")) + "\"',)");
    }

    /** gunicorn's arbiter kills the API worker serving {@code path} at the timeout; a new one boots. */
    synchronized void workerTimeout(String path) {
        if (error == null) return;
        String now = "[" + GUNICORN_TIME.format(Instant.now()) + "] ";
        int pid = apiPid;
        apiPid++;
        write(error, now + "[" + ARBITER_PID + "] [CRITICAL] WORKER TIMEOUT (pid:" + pid + ")\n"
                + now + "[" + pid + "] [ERROR] Error handling request " + path + "\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/usr/local/lib/python3.11/site-packages/gunicorn/workers/sync.py\", line 142, in handle\n"
                + "    self.handle_request(listener, req, client, addr)\n"
                + "  File \"/usr/local/lib/python3.11/site-packages/gunicorn/workers/base.py\", line 204, in handle_abort\n"
                + "    sys.exit(1)\n"
                + "SystemExit: 1\n"
                + now + "[" + pid + "] [INFO] Worker exiting (pid: " + pid + ")\n"
                + now + "[" + apiPid + "] [INFO] Booting worker with pid: " + apiPid);
    }

    void taskStarted(UUID id, String cid, String type, String domain) {
        if (worker == null) return;
        write(worker, "pulp [" + cid + "]: pulpcore.tasking.tasks:INFO: Starting task id: " + id + " in domain: " + domain
                + ", task_type: " + type + ", immediate: False, deferred: True");
    }

    void taskCompleted(UUID id, String cid, String type, String domain, long runMicros) {
        if (worker == null) return;
        write(worker, "pulp [" + cid + "]: pulpcore.tasking.tasks:INFO: Task completed " + id + " in domain: " + domain
                + ", task_type: " + type + ", immediate: False, deferred: True, execution_time: " + runMicros + " \u03bcs");
    }

    /** pulpcore's failure at INFO, then its traceback without a header (tasks.py log_task_failed). */
    void taskFailed(UUID id, String cid, String type, String domain, String description) {
        if (worker == null) return;
        String prefix = "pulp [" + cid + "]: pulpcore.tasking.tasks:INFO: ";
        write(worker, prefix + "Task[" + type + "] " + id + " failed (RuntimeError: " + description + ") in domain: " + domain + "\n"
                + prefix + "  File \"/usr/local/lib/python3.11/site-packages/pulpcore/tasking/tasks.py\", line 73, in _execute_task\n"
                + "    result = task_function()\n"
                + "             ^^^^^^^^^^^^^^^\n");
    }

    /** Another worker's cleanup of one whose heartbeat is older than the TTL (pulpcore/tasking/worker.py). */
    void workerLost(String name) {
        if (worker == null) return;
        write(worker, "pulp [None]: pulpcore.tasking.worker:WARNING: Cleanup record of missing worker process " + name + ".");
    }

    private static Writer open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void write(Writer w, String lines) {
        synchronized (w) {
            try {
                w.write(lines);
                w.write('\n');
                w.flush();
            } catch (IOException e) {
                // A log the simulator cannot write is missing lines, which the log observer's counts then show.
            }
        }
    }

    @Override
    public void close() {
        for (Writer w : new Writer[] {access, error, worker}) {
            if (w == null) continue;
            try {
                w.close();
            } catch (IOException e) {
                // closing at the end of a run: nothing left to lose
            }
        }
    }
}

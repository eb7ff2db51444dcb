package io.pulpperf.throughput.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One kind of log line that is counted, found by a pattern on the line (after the source's
 * prefix). The presets follow what pulpcore 3.105 and gunicorn 25 write, as recorded in
 * {@code pulp-recordings/logs/} (README there): gunicorn's {@code [CRITICAL] WORKER TIMEOUT (pid:N)}
 * (gunicorn/arbiter.py {@code murder_workers}) and the {@code was sent SIGKILL} that may follow;
 * pulpcore's {@code Cleanup record of missing worker process} (pulpcore/tasking/worker.py) and a
 * task's {@code "Worker has gone missing."}; its {@code Task[type] id failed (Exc: message}
 * (pulpcore/tasking/tasks.py {@code log_task_failed}, logged at INFO); PostgreSQL's connection,
 * timeout and deadlock messages; its access log's status. Traceback blocks are found by
 * {@link LogClassifier}, not by a pattern.
 *
 * @param name    the stable name in results.json and the history, e.g. "api-timeout"
 * @param label   plural words for the Observations sentence, e.g. "API worker timeouts"
 * @param pattern what marks such a line
 */
public record LogClass(String name, String label, Pattern pattern) {
    public static final String API_TIMEOUT = "api-timeout";
    public static final String WORKER_LOST = "worker-lost";
    public static final String TASK_FAILED = "task-failed";
    public static final String DB_ERROR = "db-error";
    public static final String HTTP_5XX = "http-5xx";
    public static final String TRACEBACK = "traceback";
    public static final String ERROR = "error";

    /** gunicorn's arbiter: the timeout itself, and the kill that follows when the worker does not exit. */
    static final Pattern WORKER_TIMEOUT = Pattern.compile("WORKER TIMEOUT \\(pid:(\\d+)\\)");
    static final Pattern SIGKILL = Pattern.compile("Worker \\(pid:(\\d+)\\) was sent SIGKILL");
    /** pulpcore's failed-task line: the task type, its id and the exception's class. */
    static final Pattern FAILED_TASK = Pattern.compile("Task\\[([^\\]]+)\\] (\\S+) failed \\(([A-Za-z_][\\w.]*)");

    /** The built-in classes, in the order a line is tried against them (the catch-all "error" last). */
    static final Map<String, LogClass> PRESETS = presets();

    private static Map<String, LogClass> presets() {
        Map<String, LogClass> m = new LinkedHashMap<>();
        add(m, API_TIMEOUT, "API worker timeouts", WORKER_TIMEOUT.pattern() + "|" + SIGKILL.pattern());
        add(m, WORKER_LOST, "workers lost", "Cleanup record of missing \\w+ process|Worker has gone missing");
        add(m, TASK_FAILED, "failed tasks", FAILED_TASK.pattern());
        add(m, DB_ERROR, "database errors", "OperationalError|AdminShutdown|InterfaceError|terminating connection"
                + "|the connection is closed|[Cc]onnection refused|too many clients|too many connections"
                + "|remaining connection slots are reserved|canceling statement due to statement timeout|deadlock detected");
        // pulpcore's access log: "pulp [cid]: host - user [time] "request" status size ..." (see LogClassifier for the tuple wrapping).
        add(m, HTTP_5XX, "HTTP 5xx answers", "^(?:pulp \\[[^\\]]*\\]: )?\\S+ \\S+ \\S+ \\[[^\\]]+\\] \"[^\"]*\" 5\\d\\d ");
        add(m, TRACEBACK, "tracebacks", "^Traceback \\(most recent call last\\):");
        add(m, ERROR, "other ERROR/CRITICAL lines", "\\[(?:ERROR|CRITICAL)\\]|:(?:ERROR|CRITICAL):|^(?:ERROR|CRITICAL)\\b");
        return m;
    }

    private static void add(Map<String, LogClass> m, String name, String label, String regex) {
        m.put(name, new LogClass(name, label, Pattern.compile(regex)));
    }

    /**
     * The presets with the user's patterns: a preset's name replaces its pattern, a new name adds a
     * class (tried before the catch-all "error").
     *
     * @param own name to regular expression, as configured
     */
    static List<LogClass> with(Map<String, String> own) {
        Map<String, LogClass> m = new LinkedHashMap<>(PRESETS);
        LogClass error = m.remove(ERROR);
        for (var e : own.entrySet()) {
            LogClass preset = PRESETS.get(e.getKey());
            m.put(e.getKey(), new LogClass(e.getKey(), preset != null ? preset.label() : "'" + e.getKey() + "' lines", Pattern.compile(e.getValue())));
        }
        LogClass ownError = m.remove(ERROR);
        m.put(ERROR, ownError != null ? ownError : error);
        return new ArrayList<>(m.values());
    }
}

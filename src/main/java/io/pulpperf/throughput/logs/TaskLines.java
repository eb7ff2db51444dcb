package io.pulpperf.throughput.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects, for a few failed tasks (each failure reason's first), their own lines in the window
 * (issue 26 item 3): every line that names the task's id (pulpcore's {@code Starting task id: <id>},
 * {@code Task[type] <id> failed (...}) and, after its failure line, the rest of that message and the
 * traceback pulpcore logs under it, which name no id. Bounded: {@link #MAX_TASKS} tasks,
 * {@link #MAX_LINES} lines each; the rest are counted. Not thread-safe: sources are read one by one.
 */
final class TaskLines {
    /** Tasks looked up: the most frequent reasons' first tasks; a reason beyond them shows no lines. */
    static final int MAX_TASKS = 20;
    /** Lines kept per task: a failure's message and the top of its traceback. */
    static final int MAX_LINES = LogAttachment.LINES_PER_EVENT;
    // Pulp's task ids are UUIDs: with dashes in log lines and hrefs, without in some exports.
    private static final Pattern ID = Pattern.compile("(?i)(?<![0-9a-f])[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}(?![0-9a-f])");

    private final Map<String, Found> byId = new LinkedHashMap<>();

    /** @param hrefs the tasks' hrefs ({@code .../tasks/<id>/}); only the first {@link #MAX_TASKS} are looked up */
    TaskLines(List<String> hrefs) {
        for (String href : hrefs) {
            if (byId.size() >= MAX_TASKS) break;
            String id = lastId(href);
            if (id != null) byId.putIfAbsent(id, new Found(href));
        }
    }

    /** One line as read, whatever its class: kept (as the classifier keeps it: unwrapped, cut) for every looked-up task it names. */
    void line(LineStamp stamp) {
        if (byId.isEmpty()) return;
        String text = LogClassifier.cut(LogClassifier.unwrap(stamp.rest()));
        Matcher m = ID.matcher(text);
        List<Found> named = new ArrayList<>(1);
        while (m.find()) {
            Found f = byId.get(normal(m.group()));
            if (f != null && !named.contains(f)) named.add(f);
        }
        for (Found f : named) f.add(text);
    }

    /** A failed task's event: its lines after the first (which {@link #line} kept) go with the task that first line names. */
    void event(LogEvent e) {
        if (byId.isEmpty() || !e.cls().equals(LogClass.TASK_FAILED) || e.lines().size() < 2) return;
        Matcher m = ID.matcher(e.lines().get(0));
        while (m.find()) {
            Found f = byId.get(normal(m.group()));
            if (f != null) {
                for (String l : e.lines().subList(1, e.lines().size())) f.add(l);
                return;
            }
        }
    }

    /** Every looked-up task in the order given, with no lines when none named it; lines redacted. */
    List<TaskLog> result() {
        List<TaskLog> out = new ArrayList<>();
        for (Found f : byId.values()) out.add(new TaskLog(f.href, f.lines.stream().map(LogRedact::line).toList(), f.more));
        return out;
    }

    private static String lastId(String href) {
        if (href == null) return null;
        Matcher m = ID.matcher(href);
        String last = null;
        while (m.find()) last = m.group();
        return last == null ? null : normal(last);
    }

    private static String normal(String id) {
        return id.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static final class Found {
        final String href;
        final List<String> lines = new ArrayList<>();
        long more;

        Found(String href) {
            this.href = href;
        }

        void add(String line) {
            if (lines.size() < MAX_LINES) lines.add(line);
            else more++;
        }
    }
}

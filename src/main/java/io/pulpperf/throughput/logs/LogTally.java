package io.pulpperf.throughput.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts one scenario's events by class, tells the run's own from the others ({@link RunIdentity}),
 * and keeps a bounded number of examples per class and the run's own failed tasks' lines.
 */
final class LogTally implements LineSink {
    private final List<LogClass> classes;
    private final RunIdentity run;
    private final int maxExamples;
    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final List<LogEvent> ownFailedTasks = new ArrayList<>();
    private final List<Instant> timeouts = new ArrayList<>();
    private final List<LogMark> marks = new ArrayList<>();
    private final TaskLines taskLines;

    /** @param failedTasks hrefs of failed tasks whose own lines are kept ({@link TaskLines}) */
    LogTally(List<LogClass> classes, RunIdentity run, int maxExamples, List<String> failedTasks) {
        this.classes = classes;
        this.run = run;
        this.maxExamples = maxExamples;
        this.taskLines = new TaskLines(failedTasks);
        for (LogClass c : classes) counters.put(c.name(), new Counter(c));
    }

    @Override
    public Reader open(String source) {
        LogClassifier c = new LogClassifier(source, classes, this::add);
        return new Reader() {
            @Override
            public void accept(LineStamp line) {
                // Classified first: a failed task's message and traceback, emitted when the next record comes, stay before that record.
                c.accept(line);
                taskLines.line(line);
            }

            @Override
            public void finish() {
                c.finish();
            }
        };
    }

    void add(LogEvent e) {
        taskLines.event(e);
        Counter c = counters.get(e.cls());
        if (c == null) return;
        boolean own = run.owns(e);
        boolean byTime = !own && run.matchesByTime(e);
        c.count++;
        if (own || byTime) c.own++;
        if (byTime) c.byTime++;
        if (c.first == null) c.first = e;
        if (c.firstAt == null && e.at() != null) c.firstAt = e.at();
        if (c.examples.size() < maxExamples) c.examples.add(new Example(e, own, byTime));
        // A traceback details an error already marked; the rest are marked where the line says when.
        if (e.at() != null && !e.cls().equals(LogClass.TRACEBACK) && marks.size() < LogMark.MAX) marks.add(new LogMark(e.cls(), e.at().toString()));
        if (e.cls().equals(LogClass.API_TIMEOUT) && e.at() != null && timeouts.size() < FailedRequests.MAX) timeouts.add(e.at());
        if (own && e.cls().equals(LogClass.TASK_FAILED) && ownFailedTasks.size() < maxExamples) ownFailedTasks.add(e);
    }

    /** Every class, in the classes' order, zero counts included (a 0 is a figure too). */
    List<ClassCount> counts() {
        List<ClassCount> out = new ArrayList<>();
        for (Counter c : counters.values()) {
            out.add(new ClassCount(c.cls.name(), c.count, c.own, c.byTime,
                    c.first == null ? null : LogRedact.line(c.first.example()), c.firstAt == null ? null : c.firstAt.toString()));
        }
        return out;
    }

    LogClass cls(String name) {
        return counters.get(name).cls;
    }

    Instant firstAt(String name) {
        return counters.get(name).firstAt;
    }

    List<Example> examples(String name) {
        return List.copyOf(counters.get(name).examples);
    }

    /** Where the timeline chart marks log events: classified lines that carry a time, at most {@link LogMark#MAX}. */
    List<LogMark> marks() {
        return List.copyOf(marks);
    }

    /** When the API worker timeouts with a time were logged (at most {@link FailedRequests#MAX}). */
    List<Instant> timeouts() {
        return List.copyOf(timeouts);
    }

    /** The run's own failed tasks as logged (message and traceback), at most maxExamples. */
    List<LogEvent> ownFailedTasks() {
        return List.copyOf(ownFailedTasks);
    }

    /** The failed tasks looked up, each with the lines that were about it (none when no line named it). */
    List<TaskLog> failedTasks() {
        return taskLines.result();
    }

    /** One kept event and whose it was. */
    record Example(LogEvent event, boolean own, boolean byTime) {}

    private static final class Counter {
        final LogClass cls;
        long count;
        long own;
        long byTime;
        LogEvent first;
        Instant firstAt;
        final List<Example> examples = new ArrayList<>();

        Counter(LogClass cls) {
            this.cls = cls;
        }
    }
}

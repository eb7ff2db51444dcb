package io.pulpperf.throughput.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one source's lines, in order, into {@link LogEvent}s. Most classes are one line each; three
 * things span lines and are read as blocks (all seen in {@code pulp-recordings/logs/}):
 * <ul>
 *   <li>a Python traceback: its {@code Traceback (most recent call last):} header, indented frames,
 *       and the exception line that ends it (which is classified too: a database error's class);</li>
 *   <li>pulpcore's failed-task message, which goes on over bare lines ({@code DETAIL:  Key ...}) up
 *       to its {@code ) in domain: ...};</li>
 *   <li>the traceback pulpcore logs after it without a header: the first frame prefixed
 *       {@code pulp [cid]: pulpcore.tasking.tasks:INFO:   File ...}, the rest bare and indented,
 *       blank lines between frames.</li>
 * </ul>
 * Indented and blank lines outside a block are never classified: they are frames or continuations.
 * Not thread-safe: one per source.
 */
final class LogClassifier {
    /** Lines kept per event (a traceback is ~150); the rest are read and counted, not kept. */
    static final int MAX_BLOCK_LINES = 200;
    /** Characters kept of one line in an event; a log line longer than this is shown cut. */
    static final int MAX_KEPT_CHARS = 2000;
    // A failed task's message goes on over at most this many bare lines before the reader gives up waiting for its end.
    private static final int MAX_MESSAGE_LINES = 20;
    private static final Pattern CID = Pattern.compile("^pulp \\[([^\\]]*)\\]: ");
    private static final Pattern TUPLE = Pattern.compile("^\\('(.*)',\\)$");
    private static final Pattern HEADERLESS_FRAME = Pattern.compile("^[\\w.]+:[A-Z]+:\\s+File \"");

    private final String source;
    private final List<LogClass> classes;
    private final Pattern tracebackHeader;
    private final Consumer<LogEvent> out;
    private final Set<String> timedOutPids = new HashSet<>();
    private Block block;
    private Failed failed;
    // The time of the last line that had one: a traceback gunicorn prints under its stamped "[ERROR] Error handling request" line has none of its own.
    private Instant lastAt;

    LogClassifier(String source, List<LogClass> classes, Consumer<LogEvent> out) {
        this.source = source;
        this.classes = classes.stream().filter(c -> !c.name().equals(LogClass.TRACEBACK)).toList();
        this.tracebackHeader = classes.stream().filter(c -> c.name().equals(LogClass.TRACEBACK)).findFirst()
                .orElse(LogClass.PRESETS.get(LogClass.TRACEBACK)).pattern();
        this.out = out;
    }

    /** One line as read (without its line break). */
    void accept(String raw) {
        accept(LineStamp.of(raw));
    }

    void accept(LineStamp stamp) {
        String text = unwrap(stamp.rest());
        boolean blank = text.isBlank();
        boolean indented = !blank && Character.isWhitespace(text.charAt(0));
        Matcher cidMatch = CID.matcher(text);
        String cid = cidMatch.find() ? cidMatch.group(1) : null;
        String body = cid != null ? text.substring(cidMatch.end()) : text;
        boolean newRecord = cid != null || stamp.leading();
        Instant at = stamp.at() != null ? stamp.at() : cid == null ? lastAt : null;
        if (stamp.at() != null) lastAt = stamp.at();

        if (failed != null && !failed.messageDone) {
            if (!blank && !indented && !newRecord && failed.messageLines < MAX_MESSAGE_LINES) {
                failed.add(text);
                failed.messageLines++;
                failed.messageDone = text.contains(") in domain:");
                return;
            }
            failed.messageDone = true;
        }
        if (block != null) {
            if (block.headerless ? (blank || indented) : (blank || indented) && !newRecord) {
                block.add(text);
                return;
            }
            if (!block.headerless && !newRecord) {
                block.add(text);
                closeBlock(text);  // the exception line ends a traceback; it is classified below as well
            } else {
                closeBlock(null);
            }
        }
        if (failed != null) {
            if (cid != null && HEADERLESS_FRAME.matcher(body).find()) {
                block = new Block(true, stamp.at(), cid);
                block.add(text);
                return;
            }
            emitFailed();
        }
        if (blank || indented) return;
        if (tracebackHeader.matcher(body).find()) {
            block = new Block(false, at, cid);
            block.add(text);
            return;
        }
        classify(stamp.at(), cid, text, body);
    }

    /** Ends the source: an open block or message is counted as it stands. */
    void finish() {
        if (block != null) closeBlock(null);
        if (failed != null) emitFailed();
    }

    private void classify(Instant at, String cid, String text, String body) {
        for (LogClass c : classes) {
            Matcher m = c.pattern().matcher(body);
            if (!m.find()) continue;
            String detail = "";
            if (c.name().equals(LogClass.API_TIMEOUT)) {
                Matcher kill = LogClass.SIGKILL.matcher(body);
                if (kill.find() && timedOutPids.contains(kill.group(1))) return;  // the kill of a timeout already counted
                Matcher timeout = LogClass.WORKER_TIMEOUT.matcher(body);
                if (timeout.find()) timedOutPids.add(timeout.group(1));
            } else if (c.name().equals(LogClass.TASK_FAILED)) {
                Matcher f = LogClass.FAILED_TASK.matcher(body);
                if (f.find()) detail = f.group(3) + " in task " + f.group(2) + " (" + f.group(1) + ")";
                failed = new Failed(at, cid, text, detail);
                failed.messageDone = text.contains(") in domain:");
                return;
            }
            out.accept(new LogEvent(c.name(), source, at, cid, cut(text), detail, List.of(cut(text))));
            return;
        }
    }

    private void closeBlock(String exceptionLine) {
        Block b = block;
        block = null;
        String last = exceptionLine;
        if (last == null) {
            for (int i = b.lines.size() - 1; i >= 0 && last == null; i--) if (!b.lines.get(i).isBlank()) last = b.lines.get(i).strip();
        }
        String example = b.headerless && failed != null ? failed.exception() : last;
        out.accept(new LogEvent(LogClass.TRACEBACK, source, b.at, b.cid, cut(example == null ? "" : example), "", b.lines));
        if (failed != null) {
            failed.lines.addAll(b.lines.subList(0, Math.min(b.lines.size(), MAX_BLOCK_LINES - failed.lines.size())));
            emitFailed();
        }
    }

    private void emitFailed() {
        Failed f = failed;
        failed = null;
        out.accept(new LogEvent(LogClass.TASK_FAILED, source, f.at, f.cid, f.lines.get(0), f.detail, f.lines));
    }

    /** pulpcore's access log writes each line as a Python tuple's repr: {@code ('pulp [cid]: ...',)}. */
    static String unwrap(String text) {
        Matcher m = TUPLE.matcher(text);
        return m.matches() ? m.group(1) : text;
    }

    static String cut(String line) {
        return line.length() <= MAX_KEPT_CHARS ? line : line.substring(0, MAX_KEPT_CHARS) + " [... " + (line.length() - MAX_KEPT_CHARS) + " more characters]";
    }

    private static final class Block {
        final boolean headerless;
        final Instant at;
        final String cid;
        final List<String> lines = new ArrayList<>();

        Block(boolean headerless, Instant at, String cid) {
            this.headerless = headerless;
            this.at = at;
            this.cid = cid;
        }

        void add(String line) {
            if (lines.size() < MAX_BLOCK_LINES) lines.add(cut(line));
        }
    }

    private static final class Failed {
        final Instant at;
        final String cid;
        final String detail;
        final List<String> lines = new ArrayList<>();
        int messageLines;
        boolean messageDone;

        Failed(Instant at, String cid, String first, String detail) {
            this.at = at;
            this.cid = cid;
            this.detail = detail;
            lines.add(cut(first));
        }

        void add(String line) {
            if (lines.size() < MAX_BLOCK_LINES) lines.add(cut(line));
        }

        /** "IntegrityError: duplicate key value ..." from "... failed (IntegrityError: duplicate key value ...". */
        String exception() {
            String first = lines.get(0);
            int i = first.indexOf(" failed (");
            return i < 0 ? first : first.substring(i + " failed (".length());
        }
    }
}

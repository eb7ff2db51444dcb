package io.pulpperf.throughput.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code command} source: run once per scenario, after it, through {@code /bin/sh -c}, with the
 * window in placeholders ({@link #expand}); its output is streamed through {@link BoundedLines}
 * (never held whole), lines whose leading time falls outside the window are dropped. Bounded: the
 * command and everything it started are killed at the timeout or once the byte cap is read.
 * No part of the command appears in the report ("logs command"): the command line may hold a token anywhere.
 */
final class CommandLogs implements LogSource {
    /** Lines stamped this far outside the window are still the window's (clocks of two hosts, whole seconds). */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(2);
    private static final int STDERR_KEPT = 2048;
    private final String template;
    private final Duration timeout;
    private final long maxBytes;

    CommandLogs(String template, Duration timeout, long maxBytes) {
        this.template = template;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public Marked mark() {
        return (from, to, sink) -> List.of(run(from, to, sink));
    }

    /**
     * What the report calls the source. Not even the program's name: {@code pulp.logs.command} is a
     * secret property as a whole (it may hold a token anywhere), so no part of it is printed.
     */
    String name() {
        return "logs command";
    }

    /**
     * The command with the window filled in: {@code {start}}, {@code {end}} as RFC 3339 UTC whole
     * seconds (start rounded down, end up), {@code {startMillis}}, {@code {endMillis}},
     * {@code {startSeconds}}, {@code {endSeconds}} (epoch), {@code {sinceSeconds}} (seconds from the
     * start to now, rounded up, for {@code --since=Ns} forms).
     */
    static String expand(String template, Instant from, Instant to, Instant now) {
        Instant start = from.truncatedTo(ChronoUnit.SECONDS);
        Instant end = to.truncatedTo(ChronoUnit.SECONDS).equals(to) ? to : to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long since = Math.max(1, (long) Math.ceil(Duration.between(from, now).toMillis() / 1000.0));
        return template.replace("{start}", start.toString()).replace("{end}", end.toString())
                .replace("{startMillis}", Long.toString(from.toEpochMilli())).replace("{endMillis}", Long.toString(to.toEpochMilli()))
                .replace("{startSeconds}", Long.toString(start.getEpochSecond())).replace("{endSeconds}", Long.toString(end.getEpochSecond()))
                .replace("{sinceSeconds}", Long.toString(since));
    }

    private SourceFigures run(Instant from, Instant to, LineSink sink) {
        String name = name();
        List<String> problems = new ArrayList<>();
        Process p;
        try {
            p = new ProcessBuilder("/bin/sh", "-c", expand(template, from, to, Instant.now())).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            return new SourceFigures(name, "command", 0, 0, List.of(name + ": could not be started (" + e.getMessage() + ")"));
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errors = daemon("pulp-logs-stderr", () -> keepTail(p.getErrorStream(), stderr));
        Thread watchdog = daemon("pulp-logs-watchdog", () -> {
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    kill(p);
                }
            } catch (InterruptedException e) {
                // The output ended first: the watchdog is no longer needed.
            }
        });
        AtomicLong outside = new AtomicLong();
        Instant lo = from.minus(CLOCK_SLACK);
        Instant hi = to.plus(CLOCK_SLACK);
        LineSink.Reader reader = sink.open(name);
        BoundedLines.Read r = null;
        try (InputStream out = p.getInputStream()) {
            r = BoundedLines.read(out, maxBytes, line -> {
                LineStamp s = LineStamp.of(line);
                if (s.leading() && (s.at().isBefore(lo) || s.at().isAfter(hi))) outside.incrementAndGet();
                else reader.accept(s);
            });
        } catch (IOException e) {
            if (!timedOut.get()) problems.add(name + ": its output could not be read (" + e.getMessage() + ")");
        } finally {
            reader.finish();
            if (r == null || r.capped()) kill(p);
        }
        try {
            boolean ended = p.waitFor(5, TimeUnit.SECONDS);
            watchdog.interrupt();
            errors.join(1000);
            if (timedOut.get()) {
                problems.add(name + ": did not finish within " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms")
                        + " (-Dpulp.logs.timeout), killed; the lines it printed before are counted");
            } else if (r != null && r.capped()) {
                // Named by the byte cap's own problem below.
            } else if (!ended) {
                kill(p);
                problems.add(name + ": closed its output but did not exit; killed");
            } else if (p.exitValue() != 0) {
                String err;
                synchronized (stderr) {
                    err = LogRedact.line(stderr.toString(StandardCharsets.UTF_8).strip());
                }
                problems.add(name + ": exited with " + p.exitValue() + (err.isEmpty() ? "" : ": " + masked(lastLine(err))));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
        }
        long lines = r == null ? 0 : r.lines() - outside.get();
        if (r != null) problems.addAll(r.problems(name, maxBytes));
        if (outside.get() > 0 && lines == 0) {
            problems.add(name + ": all " + outside.get() + " line(s) it printed were stamped outside the scenario's window; check the command's time range and the clocks");
        }
        return new SourceFigures(name, "command", lines, r == null ? 0 : r.bytes(), problems);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void keepTail(InputStream in, ByteArrayOutputStream tail) {
        byte[] b = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(b)) >= 0) {
                synchronized (tail) {
                    if (tail.size() + n > STDERR_KEPT) {
                        byte[] old = tail.toByteArray();
                        tail.reset();
                        int keep = Math.max(0, STDERR_KEPT - n);
                        tail.write(old, Math.max(0, old.length - keep), Math.min(keep, old.length));
                    }
                    tail.write(b, Math.max(0, n - STDERR_KEPT), Math.min(n, STDERR_KEPT));
                }
            }
        } catch (IOException e) {
            // The process was killed: what it said so far is kept.
        }
    }

    /**
     * Its error output may echo the command ("sh: 1: NAME: not found"): every word of the template
     * of 6 characters or more (quotes taken off) is masked in it, the way a token or password is.
     */
    private String masked(String text) {
        String out = text;
        for (String word : template.split("\\s+")) {
            String w = word.replaceAll("^['\"]+|['\"]+$", "");
            if (w.length() >= 6) out = out.replace(w, "***");
        }
        return out;
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        String last = lines[lines.length - 1].strip();
        return last.length() > 300 ? last.substring(0, 300) + " ..." : last;
    }
}

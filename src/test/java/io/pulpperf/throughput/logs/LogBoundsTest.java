package io.pulpperf.throughput.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioObserver;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources that misbehave are named problems of the scenario, which still reports what could be
 * read; sizes are bounded (memory and time).
 */
class LogBoundsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("A 1 GiB log file and a command printing 2 GiB: a 256 MiB heap holds, the byte cap is named, seconds not minutes")
    void hugeFileAndHugeCommandInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), LogBoundsProbe.class.getName(),
                dir.resolve("huge.log").toString(), Long.toString(LogSettings.DEFAULT_MAX_BYTES)).redirectErrorStream(true).start();
        // With the default cap (256 MiB per source): as much as the heap, read through a 64 KiB line buffer, then cut and named.
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) p.destroyForcibly();
        System.out.println(out);  // read time and heap, for BENCHMARKS-style notes
        assertThat(ended).as("finished in time: %s", out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("heap-max-mib=256").doesNotContain("OutOfMemoryError")
                .contains("huge.log: stopped after 256 MiB (the byte cap, -Dpulp.logs.maxBytes)")
                .contains("huge.log: 1 line(s) with NUL bytes skipped: binary data, not a text log")
                .contains("logs command: stopped after 256 MiB (the byte cap").contains("logs command: 1 line(s) with NUL bytes skipped");
    }

    @Test
    @DisplayName("The byte cap stops a command that prints forever, and names the cap")
    void byteCap() {
        Observed o = scenario(new LogSettings(List.of(), "yes 'pulp [None]: pulpcore.tasking.worker:WARNING: Cleanup record of missing worker process 1@h.'",
                Duration.ofSeconds(20), 1L << 20, 5, Map.of(), null, null), () -> { });
        assertThat(problems(o)).singleElement().asString().contains("logs command: stopped after 1 MiB (the byte cap, -Dpulp.logs.maxBytes)");
        assertThat(o.observation()).contains("workers lost");
    }

    @Test
    @DisplayName("A missing file, a failing command, a hanging command: each a named problem, the scenario still reported")
    void missingFailingHanging() {
        long t0 = System.nanoTime();
        Observed missing = scenario(LogSettings.files(List.of(dir.resolve("nope.log").toString())), () -> { });
        assertThat(problems(missing)).singleElement().asString().contains("nope.log: matches no file");
        Observed failing = scenario(LogSettings.files(List.of()).withCommand("echo 'oc: Unauthorized token=abc123' >&2; exit 3"), () -> { });
        assertThat(problems(failing)).singleElement().asString().isEqualTo("logs command: exited with 3: oc: *** token=***");  // the words of the command, a token among them, are masked
        Observed hanging = scenario(LogSettings.files(List.of()).withCommand("echo 'Traceback (most recent call last):'; sleep 30")
                .withLimits(Duration.ofMillis(500), 1L << 20), () -> { });
        assertThat(problems(hanging)).singleElement().asString().contains("logs command: did not finish within 500 ms (-Dpulp.logs.timeout), killed");
        assertThat(hanging.observation()).contains("1 traceback");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("A binary file and a 10 MB line: named, the lines around them still counted")
    void binaryAndLongLines() throws IOException {
        Path bin = dir.resolve("binary.log");
        Path longLine = dir.resolve("long.log");
        Files.createFile(bin);
        Files.createFile(longLine);
        Observed o = scenario(LogSettings.files(List.of(dir + "/*.log")), () -> {
            try {
                Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0, '\n', 1, 2, 0, 3, '\n'}, StandardOpenOption.APPEND);
                StringBuilder sb = new StringBuilder("[2026-12-07 03:38:53 +0000] [8861] [CRITICAL] WORKER TIMEOUT (pid:1) ");
                sb.append("x".repeat(10_000_000)).append('\n').append("[2026-12-07 03:38:54 +0000] [8861] [ERROR] after the long line\n");
                Files.writeString(longLine, sb, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(problems(o)).containsExactly(bin + ": 2 line(s) with NUL bytes skipped: binary data, not a text log",
                longLine + ": 1 line(s) longer than 64 KiB classified by their first 64 KiB only");
        assertThat(o.observation()).contains("1 API worker timeout (first at", "1 other ERROR/CRITICAL line");
    }

    @Test
    @DisplayName("Secrets in log lines never reach the attachment or results.json")
    void secretsRedacted() throws IOException {
        Path log = dir.resolve("api.log");
        Files.createFile(log);
        Observed o = scenario(LogSettings.files(List.of(log.toString())), () -> {
            try {
                Files.writeString(log, "[2026-12-07 03:38:53 +0000] [8870] [ERROR] login failed: Authorization: Bearer s3cr3t-t0ken "
                        + "for https://admin:hunter2@pulp.example/ password=hunter2\n", StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String everything = o.attachments().stream().map(Observed.Attachment::content).reduce("", String::concat)
                + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(o.figures()) + o.observation();
        assertThat(everything).contains("login failed").doesNotContain("s3cr3t-t0ken", "hunter2");
    }

    private static List<String> problems(Observed o) {
        return o.checks().stream().filter(c -> c.verdict() == Check.Verdict.NOTE).map(Check::detail).toList();
    }

    private static Observed scenario(LogSettings settings, Runnable during) {
        ScenarioObserver observer = new LogObserver(settings);
        Instant started = Instant.now();
        ScenarioObserver.Observing o = observer.start("bounds", Duration.ofMinutes(1));
        during.run();
        return o.stop(new ScenarioWindow(started, Instant.now(), null, null));
    }
}

package io.pulpperf.throughput.logs;

import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioObserver;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM with a small heap by {@link LogBoundsTest}: one scenario during which a log
 * file grows by 1 GiB (sparse) and a command prints 2 GiB. Prints the observation and the heap
 * used at most, then exits 0; an OutOfMemoryError exits non-zero.
 */
public final class LogBoundsProbe {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Files.deleteIfExists(file);
        Files.createFile(file);
        LogSettings settings = new LogSettings(List.of(file.toString()), "head -c 2147483648 /dev/zero", Duration.ofSeconds(30),
                Long.parseLong(args[1]), 20, Map.of(), null, null);
        ScenarioObserver observer = new LogObserver(settings);
        Instant started = Instant.now();
        ScenarioObserver.Observing observing = observer.start("bounds", Duration.ofMinutes(1));
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(1L << 30);  // 1 GiB written during the scenario (sparse: no disk used)
        }
        long t0 = System.nanoTime();
        Observed o = observing.stop(new ScenarioWindow(started, Instant.now(), null, null));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.println("read-ms=" + ms);
        System.out.println("heap-max-mib=" + rt.maxMemory() / 1048576);
        System.out.println("observation=" + o.observation());
        o.checks().forEach(c -> System.out.println("problem=" + c.detail()));
        Files.delete(file);
    }
}

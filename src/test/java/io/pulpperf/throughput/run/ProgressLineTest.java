package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line keeps a steady beat during long waits and estimates from a recent, smoothed rate. */
class ProgressLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Polls every {@code pollMillis} for {@code seconds}, finishing {@code perSecond} tasks per second. */
    private void poll(ProgressLine p, long total, double perSecond, long pollMillis, double seconds) {
        for (long t = 0; t <= seconds * 1000; t += pollMillis) {
            nanos.set(1_000_000_000L + t * 1_000_000L);
            long finished = Math.min(total, (long) (perSecond * t / 1000.0));
            p.accept(total - finished);
            if (finished == total) return;
        }
    }

    @Test
    void printsAtTheFirstPollThenEveryFiveSecondsWithoutDrift() {
        ProgressLine p = new ProgressLine("s", 10_000, 5_000, out, nanos::get);
        // 300 ms polls do not divide 5 s: a "5 s since the last print" rule would drift to 5.1, 10.2, 15.3 ...
        poll(p, 10_000, 10, 300, 61);
        List<String> lines = lines();
        assertThat(lines).hasSize(13);  // at 0 s, then one per 5 s beat up to 60 s
        assertThat(lines.get(0)).isEqualTo("[s] 0/10000 tasks finished, - tasks/s now, 10000 waiting or running, ETA unknown");
        // the beat stays on multiples of 5 s: the print for the 60 s beat happens at the first poll at or after 60 s
        assertThat(lines.get(12)).startsWith("[s] 600/10000 tasks finished, 10.0 tasks/s now, 9400 waiting or running");
    }

    @Test
    void etaUsesTheRateOfTheLastThirtySecondsNotOneNoisyInterval() {
        ProgressLine p = new ProgressLine("s", 1_000, 5_000, out, nanos::get);
        nanos.set(0);
        p.accept(1_000L);
        // 30 s at 10 tasks/s, then one interval in which nothing finished
        for (int beat = 1; beat <= 6; beat++) {
            nanos.set(beat * 5_000_000_000L);
            p.accept(1_000L - beat * 50L);
        }
        nanos.set(35_000_000_000L);
        p.accept(700L);
        String last = lines().get(lines().size() - 1);
        assertThat(last).contains("0.0 tasks/s now");
        // over the last 30 s: 250 finished -> 8.33/s -> 700 left take 84 s
        assertThat(last).endsWith("700 waiting or running, ETA 1 min 24 s");
    }

    @Test
    void printsTheLastLineOnceWhenNothingIsLeft() {
        ProgressLine p = new ProgressLine("s", 100, 5_000, out, nanos::get);
        poll(p, 100, 40, 250, 10);
        p.accept(0L);
        List<String> lines = lines();
        assertThat(lines.get(lines.size() - 1)).startsWith("[s] 100/100 tasks finished").endsWith("0 waiting or running, done");
        assertThat(lines).filteredOn(l -> l.endsWith("done")).hasSize(1);
    }

    @Test
    void etaReadsLikeADuration() {
        assertThat(ProgressLine.eta(8, 25.0)).isEqualTo("ETA <1 s");
        assertThat(ProgressLine.eta(100, 10.0)).isEqualTo("ETA 10 s");
        assertThat(ProgressLine.eta(1_000, 5.0)).isEqualTo("ETA 3 min 20 s");
        assertThat(ProgressLine.eta(100_000, 20.0)).isEqualTo("ETA 1 h 23 min");
        assertThat(ProgressLine.eta(10, 0.0)).startsWith("ETA unknown");
        assertThat(ProgressLine.eta(10, null)).startsWith("ETA unknown");
    }
}

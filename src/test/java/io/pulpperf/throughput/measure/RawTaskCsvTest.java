package io.pulpperf.throughput.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.pulp.PulpTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawTaskCsvTest {
    private static final long C = 1_700_000_000_123_456L;
    private static final String HREF = "/pulp/api/v3/tasks/018f0000-0000-7000-8000-00000000000";
    private static final String SLEEP = "pulpcore.app.tasks.test.sleep";

    @Test
    void millisecondsAreWhatPercentThreeFGives() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long micros = i < 3000 ? i - 1500 : random.nextLong(-10_000_000_000L, 10_000_000_000_000L);
            assertThat(RawTaskCsv.ms(micros)).isEqualTo(String.format(Locale.ROOT, "%.3f", micros / 1000.0));
        }
        assertThat(RawTaskCsv.ms(null)).isEmpty();
    }

    /** The file readers of tasks.csv (GroundTruthTest, spreadsheets) rely on, byte for byte. */
    @Test
    void writesTheSameTextAsEver(@TempDir Path dir) throws Exception {
        List<PulpTask> tasks = List.of(
                new PulpTask(HREF + "1/", SLEEP, "completed", "cid-1", C, C + 1_500, C + 2_000_250, C + 12_345_678, null),
                new PulpTask(HREF + "2/", SLEEP, "waiting", null, C, null, null, null, null),
                new PulpTask(HREF + "3/", "pulp_file.app.tasks.synchronizing.synchronize", "failed", "cid-ü", C, C, C + 7, C + 1_000_000,
                        "boom, \"quoted\"\nline two – Größe ✓"),
                new PulpTask(HREF + "4/", SLEEP, "completed", "cid-1", C, C - 2_500, C - 1, C + 999, null),
                new PulpTask(HREF + "5/", SLEEP, "failed", "cid-1", 1_700_000_000_000_000L, null, 1_700_000_001_000_000L,
                        1_700_000_002_000_001L, "carriage\rreturn"),
                new PulpTask(HREF + "6/", SLEEP, "failed", "cid-1", C, null, null, C + 5, "  spaced out; semi: colon  "),
                new PulpTask(HREF + "7/", SLEEP, "canceled", "cid-1", C, null, null, C + 5, ""));
        Path file = dir.resolve("sub/tasks.csv");
        try (RawTaskCsv csv = new RawTaskCsv(file)) {
            tasks.forEach(csv);
        }
        assertThat(Files.readString(file)).isEqualTo("""
                pulp_href,name,state,logging_cid,pulp_created,unblocked_at,started_at,finished_at,blocked_ms,worker_wait_ms,queue_wait_ms,run_ms,total_ms,error
                %1$s1/,%2$s,completed,cid-1,2023-11-14T22:13:20.123456Z,2023-11-14T22:13:20.124956Z,2023-11-14T22:13:22.123706Z,2023-11-14T22:13:32.469134Z,1.500,1998.750,2000.250,10345.428,12345.678,
                %1$s2/,%2$s,waiting,,2023-11-14T22:13:20.123456Z,,,,,,,,,
                %1$s3/,pulp_file.app.tasks.synchronizing.synchronize,failed,cid-ü,2023-11-14T22:13:20.123456Z,2023-11-14T22:13:20.123456Z,2023-11-14T22:13:20.123463Z,2023-11-14T22:13:21.123456Z,0.000,0.007,0.007,999.993,1000.000,"boom, ""quoted""
                line two – Größe ✓"
                %1$s4/,%2$s,completed,cid-1,2023-11-14T22:13:20.123456Z,2023-11-14T22:13:20.120956Z,2023-11-14T22:13:20.123455Z,2023-11-14T22:13:20.124455Z,-2.500,2.499,-0.001,1.000,0.999,
                %1$s5/,%2$s,failed,cid-1,2023-11-14T22:13:20Z,,2023-11-14T22:13:21Z,2023-11-14T22:13:22.000001Z,,1000.000,1000.000,1000.001,2000.001,"carriage\rreturn"
                %1$s6/,%2$s,failed,cid-1,2023-11-14T22:13:20.123456Z,,,2023-11-14T22:13:20.123461Z,,,,,0.005,  spaced out; semi: colon \s
                %1$s7/,%2$s,canceled,cid-1,2023-11-14T22:13:20.123456Z,,,2023-11-14T22:13:20.123461Z,,,,,0.005,
                """.formatted(HREF, SLEEP));
    }

    /** An interrupted run keeps what was collected: every full thousand rows is on disk before close (buffers may add more). */
    @Test
    void flushesEveryThousandTasks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tasks.csv");
        try (RawTaskCsv csv = new RawTaskCsv(file)) {
            for (int i = 0; i < 2_500; i++) csv.accept(new PulpTask(HREF + i + "/", SLEEP, "completed", "cid", C, C, C + 1, C + 2, null));
            assertThat(Files.readAllLines(file).size()).isGreaterThanOrEqualTo(1 + 2_000);
        }
        assertThat(Files.readAllLines(file)).hasSize(1 + 2_500);
    }
}

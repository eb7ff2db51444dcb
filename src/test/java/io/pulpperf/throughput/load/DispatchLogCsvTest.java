package io.pulpperf.throughput.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatchLogCsvTest {
    private static final long T = 1_700_000_000_123_456L;

    /** dispatch.csv as readers know it: no latency without an answer, error texts RFC 4180 quoted when they must be. */
    @Test
    void writesTheSameTextAsEver(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run/dispatch.csv");
        try (DispatchLogCsv log = new DispatchLogCsv(file)) {
            log.accept(new DispatchRecord(0, T, T + 250, 12_345, 202, "/pulp/api/v3/tasks/1/", 1, true, null, null));
            log.accept(new DispatchRecord(1, T + 1_000_000, T + 1_000_000, -1, -1, null, 0, false, null,
                    "java.net.ConnectException: Connection refused, \"127.0.0.1\"\nagain"));
            log.accept(new DispatchRecord(2, 1_700_000_001_000_000L, 1_700_000_001_000_000L, 9_999_995, 200, null, 50, true, null,
                    "HTTP 500 Größe"));
        }
        assertThat(Files.readString(file)).isEqualTo("""
                seq,intended_at,sent_at,latency_ms,status,tasks,task_href,error
                0,2023-11-14T22:13:20.123456Z,2023-11-14T22:13:20.123706Z,12.345,202,1,/pulp/api/v3/tasks/1/,
                1,2023-11-14T22:13:21.123456Z,2023-11-14T22:13:21.123456Z,,-1,0,,"java.net.ConnectException: Connection refused, ""127.0.0.1""
                again"
                2,2023-11-14T22:13:21Z,2023-11-14T22:13:21Z,9999.995,200,50,,HTTP 500 Größe
                """);
    }
}

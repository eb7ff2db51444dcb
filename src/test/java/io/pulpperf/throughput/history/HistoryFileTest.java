package io.pulpperf.throughput.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {
    @TempDir
    Path dir;

    private static HistoryRecord record(String id, double tps) {
        return new HistoryRecord(1, "2026-12-04T00:00:00Z", id, "a", "a@12345678", "ok", "no change", Map.of("core", "3.105.16"),
                "0.1.0", Map.of("tasks", 10), 1, Map.of("throughput", tps), null, null);
    }

    @Test
    void aMissingFileIsAnEmptyHistory() {
        assertThat(HistoryFile.read(dir.resolve("none.jsonl")).records()).isEmpty();
    }

    @Test
    void appendsOneLinePerRecordAndReadsThemBack() throws Exception {
        Path f = dir.resolve("h.jsonl");
        HistoryFile.append(f, List.of(record("r1", 10)));
        HistoryFile.append(f, List.of(record("r2", 11)));
        assertThat(Files.readAllLines(f)).hasSize(2);
        assertThat(HistoryFile.read(f).records()).extracting(HistoryRecord::runId).containsExactly("r1", "r2");
    }

    @Test
    void tornAndUnknownLinesAreNamedAndSkippedAndTheRestIsKept() throws Exception {
        Path f = dir.resolve("h.jsonl");
        HistoryFile.append(f, List.of(record("r1", 10)));
        Files.writeString(f, "{\"schema\":99,\"scenario\":\"a\"}\n[1,2]\n{\"schema\":1,\"scenario\":\"a\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        // A write cut short: no closing brace, no newline.
        Files.writeString(f, "{\"schema\":1,\"when\":\"2026-12-05", java.nio.file.StandardOpenOption.APPEND);
        HistoryFile.append(f, List.of(record("r2", 11)));
        HistoryFile.Read read = HistoryFile.read(f);
        assertThat(read.records()).extracting(HistoryRecord::runId).containsExactly("r1", "r2");
        assertThat(read.skipped()).hasSize(4);
        assertThat(read.skipped().get(0)).startsWith("line 2: unknown format (schema 99");
        assertThat(read.skipped().get(1)).startsWith("line 3: not a JSON object");
        assertThat(read.skipped().get(2)).startsWith("line 4: no 'series'");
        assertThat(read.skipped().get(3)).startsWith("line 5: torn or not JSON");
    }

    @Test
    void aChangedParameterIsANewSeries() {
        assertThat(SeriesKey.of("a", Map.of("tasks", 10, "workers", 2))).isEqualTo(SeriesKey.of("a", Map.of("workers", 2, "tasks", 10)));
        assertThat(SeriesKey.of("a", Map.of("tasks", 10, "workers", 2))).isNotEqualTo(SeriesKey.of("a", Map.of("tasks", 20, "workers", 2)));
    }

    @Test
    void aCapacitySearchHasParametersToo() {
        var search = new io.pulpperf.throughput.config.SearchSettings(2, 2, 50, java.time.Duration.ofSeconds(2), 3,
                java.time.Duration.ofMillis(500), 0.03);
        var s = io.pulpperf.throughput.run.SimulatedRun.scenario("cap", io.pulpperf.throughput.config.Workload.REPOSITORY_DELETE, 2, 10, 4)
                .withSearch(search);
        Map<String, Object> p = SeriesKey.parameters(s);
        assertThat(p).containsEntry("shape", "search");
        assertThat(p.get("search").toString()).contains("step=PT2S");
        assertThat(SeriesKey.of("cap", p)).startsWith("cap@");
    }

    @Test
    void spreadOfRounds() {
        Spread s = Spread.of(10.9, 10.4, 10.6);
        assertThat(s.median()).isEqualTo(10.6);
        assertThat(s.shown(v -> String.format(java.util.Locale.ROOT, "%.1f", v))).isEqualTo("10.6 (10.4-10.9, 3 runs)");
        assertThat(s.low95()).isNull();
        Spread six = Spread.of(1, 2, 3, 4, 5, 6);
        assertThat(six.low95()).isEqualTo(1.0);
        assertThat(six.high95()).isEqualTo(6.0);
        Spread twelve = Spread.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(twelve.low95()).isEqualTo(3.0);
        assertThat(twelve.high95()).isEqualTo(10.0);
    }
}

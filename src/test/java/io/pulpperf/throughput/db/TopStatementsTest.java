package io.pulpperf.throughput.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopStatementsTest {
    @Test
    void keepsWhatGrewDuringTheScenarioLargestTotalTimeFirst() {
        Map<Long, StatementStats> start = Map.of(
                1L, new StatementStats(1, 100, 1000, 100, "SELECT old"),
                2L, new StatementStats(2, 10, 50, 10, "UPDATE core_task"),
                3L, new StatementStats(3, 5, 5, 5, "untouched"),
                4L, new StatementStats(4, 50, 500, 50, "evicted and back"));
        Map<Long, StatementStats> end = Map.of(
                1L, new StatementStats(1, 110, 1010, 110, "SELECT old"),
                2L, new StatementStats(2, 410, 850, 410, "UPDATE core_task"),
                3L, new StatementStats(3, 5, 5, 5, "untouched"),
                4L, new StatementStats(4, 3, 30, 3, "evicted and back"),
                5L, new StatementStats(5, 2, 200, 2, "new one"));

        var top = TopStatements.diff(start, end, 3);

        assertThat(top).extracting(StatementStats::queryId).containsExactly(2L, 5L, 4L);
        assertThat(top.get(0)).isEqualTo(new StatementStats(2, 400, 800, 400, "UPDATE core_task"));
        assertThat(top.get(0).meanMillis()).isEqualTo(2.0);
        assertThat(TopStatements.diff(start, end, 10)).extracting(StatementStats::queryId).doesNotContain(3L).contains(1L);
    }
}

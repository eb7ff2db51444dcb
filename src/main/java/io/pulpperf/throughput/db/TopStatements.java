package io.pulpperf.throughput.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What pg_stat_statements grew by during a scenario: the difference of two readings, largest total time first. */
public final class TopStatements {
    private TopStatements() {}

    /**
     * @param start readings at the scenario's start, by queryid
     * @param end   readings at its end
     * @param limit how many to keep, >= 1
     */
    public static List<StatementStats> diff(Map<Long, StatementStats> start, Map<Long, StatementStats> end, int limit) {
        List<StatementStats> grown = new ArrayList<>();
        for (StatementStats e : end.values()) {
            StatementStats s = start.get(e.queryId());
            // Fewer calls than at the start: the entry was evicted and came back (or stats were reset), so all of it is new.
            StatementStats d = s == null || e.calls() < s.calls() ? e
                    : new StatementStats(e.queryId(), e.calls() - s.calls(), e.totalMillis() - s.totalMillis(), e.rows() - s.rows(), e.query());
            if (d.calls() > 0) grown.add(d);
        }
        grown.sort(Comparator.comparingDouble(StatementStats::totalMillis).reversed());
        return List.copyOf(grown.subList(0, Math.min(limit, grown.size())));
    }
}

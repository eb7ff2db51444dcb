package io.pulpperf.throughput.run;

import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.measure.LatencySummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The client side of a run: how fast requests went out and how the server answered.
 *
 * @param requests       requests sent
 * @param accepted       requests that dispatched at least one task
 * @param tasks          tasks the server said it dispatched
 * @param byStatus       answers by HTTP status (-1 = no answer: connection error or timeout)
 * @param requestRate    requests per second over the dispatch phase
 * @param latency        request latency percentiles, microseconds (from when each request was due)
 * @param durationMicros from the first request to the last answer
 * @param cidEchoed      whether every answer carried back the run's Correlation-ID
 */
public record DispatchSummary(long requests, long accepted, long tasks, Map<Integer, Long> byStatus, Double requestRate,
                              LatencySummary latency, long durationMicros, boolean cidEchoed) {

    public static DispatchSummary of(List<DispatchRecord> records) {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        Map<Integer, Long> byStatus = new TreeMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long accepted = 0;
        long tasks = 0;
        boolean echoed = true;
        for (DispatchRecord r : records) {
            byStatus.merge(r.status(), 1L, Long::sum);
            if (r.accepted()) {
                accepted++;
                echoed &= r.cidEchoed();
            }
            tasks += r.tasks();
            if (r.latencyMicros() >= 0) h.recordValue(r.latencyMicros());
            first = Math.min(first, r.intendedMicros());
            last = Math.max(last, r.intendedMicros() + Math.max(0, r.latencyMicros()));
        }
        long duration = records.isEmpty() ? 0 : last - first;
        Double rate = duration > 0 ? records.size() / (duration / 1e6) : null;
        return new DispatchSummary(records.size(), accepted, tasks, byStatus, rate, LatencySummary.of(h), duration,
                accepted == 0 || echoed);
    }

    /** Requests that did not dispatch a task. */
    public long errors() {
        return requests - accepted;
    }
}

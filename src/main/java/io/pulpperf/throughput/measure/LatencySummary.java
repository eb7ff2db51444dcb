package io.pulpperf.throughput.measure;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency part, in microseconds, to HdrHistogram's 3 significant digits. A part
 * no task had has count 0 and no percentiles: shown as "-", written as null (issue 27), never 0.
 *
 * @param count number of tasks that had this part
 */
public record LatencySummary(long count, long p50, long p90, long p95, long p99, long p999, long max, double mean) {

    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
        return new LatencySummary(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(),
                h.getMean());
    }

    /** Whether any task had this part, i.e. whether the percentiles are measured. */
    public boolean measured() {
        return count > 0;
    }

    /** As results.json holds it: the same keys, the percentiles null when nothing was measured. */
    @JsonValue
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", count);
        boolean m = measured();
        out.put("p50", m ? p50 : null);
        out.put("p90", m ? p90 : null);
        out.put("p95", m ? p95 : null);
        out.put("p99", m ? p99 : null);
        out.put("p999", m ? p999 : null);
        out.put("max", m ? max : null);
        out.put("mean", m ? mean : null);
        return out;
    }
}

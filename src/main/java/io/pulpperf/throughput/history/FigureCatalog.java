package io.pulpperf.throughput.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.measure.LatencySummary;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures a history record keeps, by stable name, and which way each gets better. The task
 * figures come from the result; the observers' (database sampler, Prometheus) are their numeric
 * figures flattened to dotted names, e.g. {@code resources.series.DB CPU.peak}.
 */
public final class FigureCatalog {
    public static final String THROUGHPUT = "throughput";
    public static final String STEADY_RATE = "steadyRate";
    public static final String SUCCESS_RATE = "successRate";
    public static final String QUEUE_WAIT_P50 = "queueWaitP50Ms";
    public static final String QUEUE_WAIT_P95 = "queueWaitP95Ms";
    public static final String TOTAL_P95 = "totalP95Ms";
    public static final String DISPATCH_ERROR_RATE = "dispatchErrorRate";
    public static final String SUSTAINED_RATE = "sustainedRate";
    public static final String SATURATED_RATE = "saturatedRate";
    /** Issue 28: a disruption's figures are {@code disruption.NAME.before|during|after|recoverySeconds|failed|stuck}. */
    public static final String DISRUPTION = "disruption.";
    /** Prefix of the failure counts: {@code failures.<reason>} for the top {@link #FAILURE_REASONS} reasons (issue 27); counts only, not judged. */
    public static final String FAILURES = "failures.";
    static final int FAILURE_REASONS = 3;

    /** The figures a trend chart draws first, in this order. */
    public static final List<String> MAIN = List.of(THROUGHPUT, SUSTAINED_RATE, STEADY_RATE, QUEUE_WAIT_P95, TOTAL_P95);

    private static final Map<String, Direction> TASK_FIGURES = Map.of(
            THROUGHPUT, Direction.HIGHER_IS_BETTER, STEADY_RATE, Direction.HIGHER_IS_BETTER,
            SUCCESS_RATE, Direction.HIGHER_IS_BETTER, QUEUE_WAIT_P50, Direction.LOWER_IS_BETTER,
            QUEUE_WAIT_P95, Direction.LOWER_IS_BETTER, TOTAL_P95, Direction.LOWER_IS_BETTER,
            DISPATCH_ERROR_RATE, Direction.LOWER_IS_BETTER, SUSTAINED_RATE, Direction.HIGHER_IS_BETTER,
            SATURATED_RATE, Direction.HIGHER_IS_BETTER);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final int MAX_DEPTH = 4;
    // Bookkeeping of the observers (window bounds, sample counts), not figures of Pulp.
    private static final java.util.Set<String> NOT_FIGURES = java.util.Set.of("from", "to", "elapsedMillis", "stepMillis", "samples", "requests",
            "matchedByTime");

    private FigureCatalog() {}

    public static Direction direction(String figure) {
        Direction d = TASK_FIGURES.get(figure);
        if (d != null) return d;
        // Log lines of a class (issue 26): fewer timeouts, lost workers and errors is better.
        if (isCount(figure)) return Direction.LOWER_IS_BETTER;
        if (figure.startsWith(DISRUPTION)) {
            String last = figure.substring(figure.lastIndexOf('.') + 1);
            return switch (last) {
                case "recoverySeconds", "failed", "stuck" -> Direction.LOWER_IS_BETTER;
                case "before", "during", "after" -> Direction.HIGHER_IS_BETTER;
                default -> Direction.NONE;
            };
        }
        // Resource peaks and means: the same work costing more CPU, memory or connections is worse.
        if (figure.startsWith("resources.") && (figure.endsWith(".peak") || figure.endsWith(".mean"))) return Direction.LOWER_IS_BETTER;
        return Direction.NONE;
    }

    /**
     * Whether a figure is a count of events (the log classes' {@code logs.classes.NAME.count} and
     * {@code .ownCount}): 0 is its usual value, so it is to be judged as a count (0 -> 1 is one
     * more event), never as a relative change, which from 0 has no size.
     */
    public static boolean isCount(String figure) {
        return figure.startsWith("logs.classes.") && (figure.endsWith(".count") || figure.endsWith(".ownCount"));
    }

    /**
     * @param observed the observers' figures by source, as results.json has them; may be null
     */
    public static Map<String, Double> of(ScenarioResult r, Map<String, Object> observed) {
        Map<String, Double> out = new LinkedHashMap<>();
        var m = r.metrics();
        if (r.capacity() == null) {
            // A capacity search's overall figures mix steps of different rates: only its rates are kept.
            put(out, THROUGHPUT, m.throughput());
            put(out, STEADY_RATE, m.steadyRate());
            put(out, SUCCESS_RATE, m.successRate());
            put(out, QUEUE_WAIT_P50, ms(m.latency().get(LatencyPart.QUEUE_WAIT), false));
            put(out, QUEUE_WAIT_P95, ms(m.latency().get(LatencyPart.QUEUE_WAIT), true));
            put(out, TOTAL_P95, ms(m.latency().get(LatencyPart.TOTAL), true));
        } else {
            put(out, SUSTAINED_RATE, r.capacity().sustainedRate());
            put(out, SATURATED_RATE, r.capacity().saturatedRate());
        }
        // Why tasks failed, as counts of the top reasons; the reason (masked, so stable across nights) is the name.
        m.failures().stream().limit(FAILURE_REASONS).forEach(f -> put(out, FAILURES + f.reason(), (double) f.count()));
        if (r.dispatch() != null && r.dispatch().requests() > 0) {
            put(out, DISPATCH_ERROR_RATE, (double) r.dispatch().errors() / r.dispatch().requests());
        }
        for (var d : r.disruptions()) {  // issue 28: each disruption's figures, by its name
            if (!d.measured()) continue;
            String p = DISRUPTION + d.name() + ".";
            put(out, p + "before", d.before());
            put(out, p + "during", d.during());
            put(out, p + "after", d.after());
            put(out, p + "recoverySeconds", d.recoverySeconds());
            put(out, p + "failed", (double) d.failed());
            put(out, p + "stuck", (double) d.stuck());
        }
        if (observed != null) {
            for (var e : observed.entrySet()) flattenObserved(out, e.getKey(), e.getValue());
        }
        return out;
    }

    /** One observer's figures, flattened under its source name. */
    static void flattenObserved(Map<String, Double> out, String source, Object figures) {
        flatten(out, source, JSON.valueToTree(figures), 0);
    }

    private static void flatten(Map<String, Double> out, String prefix, JsonNode node, int depth) {
        if (depth > MAX_DEPTH || node == null) return;
        if (node.isNumber()) {
            put(out, prefix, node.asDouble());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (!NOT_FIGURES.contains(f.getKey())) flatten(out, prefix + "." + f.getKey(), f.getValue(), depth + 1);
            });
        } else if (node.isArray()) {
            // Only named elements (e.g. resource series) have a stable place in a series.
            for (JsonNode el : node) {
                if (el.path("name").isTextual()) flatten(out, prefix + "." + el.path("name").asText(), el, depth + 1);
            }
        }
    }

    private static Double ms(LatencySummary s, boolean p95) {
        if (s == null || s.count() == 0) return null;
        return (p95 ? s.p95() : s.p50()) / 1000.0;
    }

    private static void put(Map<String, Double> out, String name, Double v) {
        if (v != null && !v.isNaN() && !v.isInfinite()) out.put(name, v);
    }
}

package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.FailureReason;
import io.pulpperf.throughput.measure.FailureReasons;
import io.pulpperf.throughput.measure.RunMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Why tasks failed, in the words each place needs (issue 27): the reasons of
 * {@link FailureReasons}, the most frequent first, each with its exact count.
 */
public final class Failures {
    /** Reasons named in a one-line place (console, results.md); the rest are counted. */
    static final int SHOWN = 3;
    /** A reason's length in a one-line place; the Allure summary and results.json have it whole. */
    static final int REASON_CHARS = 110;

    private Failures() {}

    /**
     * "458 failed: IntegrityError: duplicate key value ... (458)", or with canceled tasks "3 failed, 1 canceled: ...";
     * "" when none failed or was canceled.
     */
    public static String observation(RunMetrics m) {
        if (m.failures().isEmpty()) return "";
        String counts = m.failed() + " failed" + (m.canceled() > 0 ? ", " + m.canceled() + " canceled" : "");
        return counts + ": " + reasons(m.failures());
    }

    /** For the end of the console line: "; 458 failed: ..." or "". */
    static String sentence(RunMetrics m) {
        String o = observation(m);
        return o.isEmpty() ? "" : "; " + o;
    }

    /** Up to {@link #SHOWN} reasons, shortened, each with its count; then how many more reasons and tasks. */
    static String reasons(List<FailureReason> failures) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, failures.size()); i++) {
            FailureReason f = failures.get(i);
            parts.add(FailureReasons.shortened(f.reason(), REASON_CHARS) + " (" + f.count() + ")");
        }
        if (failures.size() > SHOWN) {
            int more = failures.subList(SHOWN, failures.size()).stream().mapToInt(FailureReason::count).sum();
            parts.add((failures.size() - SHOWN) + " more reasons (" + more + ")");
        }
        return String.join("; ", parts);
    }

    /** One line per reason, whole: "458 x IntegrityError: ... (first task /pulp/api/v3/tasks/.../); in full: duplicate key ...". */
    static List<String> lines(RunMetrics m) {
        return m.failures().stream().map(f -> f.count() + " x " + f.reason() + " (first task " + f.firstTask() + "); in full: " + f.example()).toList();
    }
}

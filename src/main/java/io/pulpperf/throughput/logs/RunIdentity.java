package io.pulpperf.throughput.logs;

import io.pulpperf.throughput.observe.ScenarioWindow;
import java.util.List;
import java.util.Locale;

/**
 * What tells the run's own log lines from others: its Correlation-ID, and the spans of its failed
 * requests, for gunicorn's lines that carry no id ({@code pulp [-]}, or none at all).
 *
 * @param runId          the run's Correlation-ID (32 hex digits), or null when the scenario made none
 * @param failedRequests when each failed request (5xx or no answer) was sent and when it ended
 */
public record RunIdentity(String runId, List<ScenarioWindow.Span> failedRequests) {
    /** gunicorn writes whole seconds: a line is matched to a request that was open within a second of it. */
    private static final long SLACK_MILLIS = 1000;

    public RunIdentity {
        failedRequests = failedRequests == null ? List.of() : List.copyOf(failedRequests);
    }

    public static RunIdentity of(ScenarioWindow.Run run) {
        return new RunIdentity(run.runId(), run.failedRequests());
    }

    boolean owns(LogEvent e) {
        return runId != null && e.cid() != null && normal(e.cid()).equals(normal(runId));
    }

    /** A line without a request's id, at a time one of the run's failed requests was open. */
    boolean matchesByTime(LogEvent e) {
        if (e.hasRequestId() || "None".equals(e.cid()) || e.at() == null) return false;
        for (ScenarioWindow.Span s : failedRequests) {
            if (near(e.at(), s)) return true;
        }
        return false;
    }

    /** How many of the run's failed requests were open when one of these times was logged. */
    long failedRequestsNear(List<java.time.Instant> times) {
        long n = 0;
        for (ScenarioWindow.Span s : failedRequests) {
            for (java.time.Instant t : times) {
                if (near(t, s)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** Within the span, give or take gunicorn's whole second; a span without an end (no answer came) is open. */
    private static boolean near(java.time.Instant t, ScenarioWindow.Span s) {
        return !t.isBefore(s.from().minusMillis(SLACK_MILLIS)) && (s.to() == null || !t.isAfter(s.to().plusMillis(SLACK_MILLIS)));
    }

    private static String normal(String cid) {
        return cid.replace("-", "").toLowerCase(Locale.ROOT);
    }
}

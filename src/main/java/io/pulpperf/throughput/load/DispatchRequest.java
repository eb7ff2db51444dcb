package io.pulpperf.throughput.load;

import java.net.URI;

/**
 * One request that makes Pulp dispatch tasks.
 *
 * @param method HTTP method
 * @param url    full URL
 * @param body   JSON body, or null
 * @param answer what a successful answer looks like
 */
public record DispatchRequest(String method, URI url, String body, Answer answer) {

    /** The two shapes of a dispatching answer. */
    public enum Answer {
        /** 202 {@code {"task": href}}: one task, known by its href. */
        TASK_HREF,
        /** 200 {@code {"tasks_executed": N}} (pulp-service test views): N tasks, hrefs unknown. */
        TASKS_EXECUTED
    }
}

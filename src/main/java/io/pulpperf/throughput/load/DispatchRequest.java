package io.pulpperf.throughput.load;

/**
 * One request that makes Pulp dispatch a task, answered by 202 {@code {"task": href}}.
 *
 * @param method HTTP method
 * @param path   path relative to the v3 root (e.g. {@code distributions/file/file/}) or an absolute href
 * @param body   JSON body, or null
 */
public record DispatchRequest(String method, String path, String body) {}

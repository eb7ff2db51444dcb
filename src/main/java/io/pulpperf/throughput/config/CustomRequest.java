package io.pulpperf.throughput.config;

import java.util.Set;

/**
 * The request of a {@code custom} workload, answered by 202 {@code {"task": href}}.
 * {@code {run}} in the path or body becomes the run's name and {@code {seq}} the request's
 * sequence number, so each request can create something unique.
 *
 * @param method HTTP method (POST, PUT, PATCH, DELETE)
 * @param path   path under the v3 root, e.g. {@code repositories/file/file/}
 * @param body   JSON body template, or null
 */
public record CustomRequest(String method, String path, String body) {
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    public CustomRequest {
        if (method == null || !METHODS.contains(method)) {
            throw new IllegalArgumentException("request.method must be one of POST, PUT, PATCH, DELETE, was '" + method + "'");
        }
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("://")) {
            throw new IllegalArgumentException("request.path must be a path under the v3 root such as repositories/file/file/, was '" + path + "'");
        }
    }

    /** The path or body with {@code {run}} and {@code {seq}} filled in. */
    public static String fill(String template, String runName, int seq) {
        return template == null ? null : template.replace("{run}", runName).replace("{seq}", String.valueOf(seq));
    }
}

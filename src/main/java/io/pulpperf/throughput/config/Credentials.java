package io.pulpperf.throughput.config;

import java.util.Map;

/**
 * How the suite proves who it is. Never printed: {@link #toString()} masks every secret.
 *
 * @param username     basic/session user, or null
 * @param password     its password, or null
 * @param token        a bearer token, or null
 * @param extraHeaders headers sent on every request, e.g. {@code x-rh-identity} (values are secrets)
 */
public record Credentials(String username, String password, String token, Map<String, String> extraHeaders) {
    public Credentials {
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
    }

    public Credentials(String username, String password) {
        this(username, password, null, Map.of());
    }

    public static Credentials none() {
        return new Credentials(null, null);
    }

    public boolean hasPassword() {
        return username != null && password != null;
    }

    /** Every secret value, so tests and scrubbers can check none of them leaked. */
    public java.util.List<String> secrets() {
        java.util.List<String> s = new java.util.ArrayList<>();
        if (password != null) s.add(password);
        if (token != null) s.add(token);
        s.addAll(extraHeaders.values());
        return s;
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", token=" + (token == null ? "none" : "***") + ", extraHeaders=" + extraHeaders.keySet() + "]";
    }
}

package io.pulpperf.throughput.pulp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that authenticate a request: a login session (cookie plus CSRF token on writes) or
 * HTTP Basic. Holds secrets, so it has no useful {@code toString} and nothing logs it.
 *
 * <p>A session is preferred: on a real Pulp every Basic request costs ~0.4 s of server CPU
 * (PBKDF2 with 1,000,000 iterations, see shared/pulp-recordings/README.md), which would make the
 * suite the bottleneck of what it measures.
 */
public final class AuthHeaders {
    private final String basic;
    private final String sessionId;
    private final String csrfToken;

    private AuthHeaders(String basic, String sessionId, String csrfToken) {
        this.basic = basic;
        this.sessionId = sessionId;
        this.csrfToken = csrfToken;
    }

    public static AuthHeaders none() {
        return new AuthHeaders(null, null, null);
    }

    public static AuthHeaders basic(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new AuthHeaders("Basic " + token, null, null);
    }

    public static AuthHeaders session(String sessionId, String csrfToken) {
        return new AuthHeaders(null, sessionId, csrfToken);
    }

    public boolean isSession() {
        return sessionId != null;
    }

    /** Headers for one request; writes with a session also carry the CSRF token, as Django requires. */
    public Map<String, String> forMethod(String method) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (basic != null) headers.put("Authorization", basic);
        if (sessionId != null) {
            headers.put("Cookie", "sessionid=" + sessionId + "; csrftoken=" + csrfToken);
            boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
            if (!safe) headers.put("X-CSRFToken", csrfToken);
        }
        return headers;
    }

    @Override
    public String toString() {
        return sessionId != null ? "AuthHeaders[session]" : basic != null ? "AuthHeaders[basic]" : "AuthHeaders[none]";
    }
}

package io.pulpperf.throughput.pulp;

import io.pulpperf.throughput.config.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers that authenticate a request: a login session (cookie plus CSRF token on writes),
 * a bearer token, or HTTP Basic, plus any extra headers the user gave (e.g. {@code x-rh-identity}).
 * Holds secrets, so its {@code toString} names only the kind and nothing logs it.
 *
 * <p>A session is preferred: on a real Pulp every Basic request costs ~0.4 s of server CPU
 * (PBKDF2 with 1,000,000 iterations, see shared/pulp-recordings/README.md), which would make the
 * suite the bottleneck of what it measures.
 */
public final class AuthHeaders {
    private final String authorization;
    private final String sessionId;
    private final String csrfToken;
    private final Map<String, String> extra;
    /** Every secret value these headers came from or carry, longest first. */
    private final List<String> secrets;

    private AuthHeaders(String authorization, String sessionId, String csrfToken, Map<String, String> extra,
                        List<String> rawSecrets) {
        this.authorization = authorization;
        this.sessionId = sessionId;
        this.csrfToken = csrfToken;
        this.extra = Map.copyOf(extra);
        List<String> all = new ArrayList<>(rawSecrets);
        if (authorization != null) {
            all.add(authorization);
            all.add(authorization.substring(authorization.indexOf(' ') + 1));  // as a server may quote it
        }
        if (sessionId != null) all.add(sessionId);
        if (csrfToken != null) all.add(csrfToken);
        all.addAll(this.extra.values());
        this.secrets = all.stream().filter(v -> v != null && !v.isBlank()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static AuthHeaders none() {
        return new AuthHeaders(null, null, null, Map.of(), List.of());
    }

    public static AuthHeaders basic(String username, String password) {
        return new AuthHeaders(basicValue(username, password), null, null, Map.of(), List.of(password));
    }

    /** What the credentials allow before any login: bearer token, else Basic, plus the extra headers. */
    public static AuthHeaders from(Credentials c) {
        String authorization = c.token() != null ? "Bearer " + c.token()
                : c.hasPassword() ? basicValue(c.username(), c.password()) : null;
        return new AuthHeaders(authorization, null, null, c.extraHeaders(), c.secrets());
    }

    /** This identity, logged in: the session replaces Basic auth; extra headers stay. */
    public AuthHeaders withSession(String sessionId, String csrfToken) {
        return new AuthHeaders(null, sessionId, csrfToken, extra, secrets);
    }

    /**
     * The text with every secret replaced by {@code ***}: the credentials, the header values
     * (Basic's base64 too) and the session, as a server's error page or a proxy may echo them.
     */
    public String scrub(String text) {
        return scrub(text, secrets);
    }

    /** The text with each of these secrets replaced by {@code ***} (longest first, so none is left half-replaced). */
    public static String scrub(String text, List<String> secrets) {
        if (text == null) return null;
        String out = text;
        for (String secret : secrets) out = out.replace(secret, "***");
        return out;
    }

    /** The {@code Authorization} value of Basic auth. */
    public static String basicValue(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public boolean isSession() {
        return sessionId != null;
    }

    /** Headers for one request; writes with a session also carry the CSRF token, as Django requires. */
    public Map<String, String> forMethod(String method) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        if (authorization != null) headers.put("Authorization", authorization);
        if (sessionId != null) {
            headers.put("Cookie", "sessionid=" + sessionId + "; csrftoken=" + csrfToken);
            boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
            if (!safe) headers.put("X-CSRFToken", csrfToken);
        }
        return headers;
    }

    @Override
    public String toString() {
        String kind = sessionId != null ? "session" : authorization == null ? "none"
                : authorization.startsWith("Bearer") ? "bearer" : "basic";
        return "AuthHeaders[" + kind + ", extra headers " + extra.keySet() + "]";
    }
}

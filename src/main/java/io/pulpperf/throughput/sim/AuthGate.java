package io.pulpperf.throughput.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulp's default authentication: Basic, then Django sessions from {@code login/} (3.70+), with
 * DRF's CSRF check on unsafe methods of session requests; and, when configured, a bearer token as
 * a gateway would check it ({@code pulpcore/app/settings.py}
 * {@code DEFAULT_AUTHENTICATION_CLASSES}; DRF {@code SessionAuthentication.enforce_csrf}).
 */
final class AuthGate {
    private static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    private static final String INVALID = "Invalid username/password.";
    private static final String INVALID_TOKEN = "Invalid token.";

    private final SimulatorConfig config;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();  // sessionid -> csrftoken

    AuthGate(SimulatorConfig config) {
        this.config = config;
    }

    /** True when the request may go on; otherwise the 401/403 has been sent as DRF sends it. */
    boolean authenticate(SimExchange ex) throws IOException {
        String auth = ex.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // Only when a token is configured (a gateway's job, not stock pulpcore's).
            if (config.token() != null && config.token().equals(auth.substring(7).trim())) return true;
            unauthorized(ex, INVALID_TOKEN);
            return false;
        }
        if (isBasic(auth)) {
            if (basicMatches(auth)) return true;
            unauthorized(ex, INVALID);
            return false;
        }
        String session = cookies(ex.header("Cookie")).get("sessionid");
        if (session != null && sessions.containsKey(session)) {
            boolean safe = ex.method.equals("GET") || ex.method.equals("HEAD") || ex.method.equals("OPTIONS");
            String token = ex.header("X-CSRFToken");
            if (!safe && (token == null || !token.equals(sessions.get(session)))) {
                ex.sendJson(403, Map.of("detail", token == null ? "CSRF Failed: CSRF token missing."
                        : "CSRF Failed: CSRF token incorrect."));
                return false;
            }
            return true;
        }
        unauthorized(ex, NOT_PROVIDED);
        return false;
    }

    /** {@code POST login/} with Basic: 201, user body, {@code csrftoken} and {@code sessionid} cookies; DELETE logs out. */
    void login(ApiRequest req) throws IOException {
        SimExchange ex = req.ex();
        ex.allow = "GET, POST, DELETE, HEAD, OPTIONS";
        if (ex.method.equals("DELETE")) {
            String session = cookies(ex.header("Cookie")).get("sessionid");
            if (session != null) sessions.remove(session);
            ex.send(204, "application/json", new byte[0], Map.of());
            return;
        }
        if (!ex.method.equals("POST")) {
            ex.sendJson(405, Map.of("detail", "Method \"" + ex.method + "\" not allowed."));
            return;
        }
        String auth = ex.header("Authorization");
        if (auth == null) {
            unauthorized(ex, NOT_PROVIDED);
            return;
        }
        if (!isBasic(auth) || !basicMatches(auth)) {
            unauthorized(ex, INVALID);
            return;
        }
        String sessionId = randomHex(1);
        String csrf = randomHex(2);
        sessions.put(sessionId, csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pulp_href", req.userHref());
        body.put("prn", "prn:auth.user:1");
        body.put("username", config.username());
        var headers = ex.http.getResponseHeaders();
        headers.add("Set-Cookie", "csrftoken=" + csrf + "; Max-Age=31449600; Path=/; SameSite=Lax");
        headers.add("Set-Cookie", "sessionid=" + sessionId + "; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax");
        ex.sendJson(201, body);
    }

    private static boolean isBasic(String auth) {
        return auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private boolean basicMatches(String header) {
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return decoded.equals(config.username() + ":" + config.password());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void unauthorized(SimExchange ex, String detail) throws IOException {
        ex.sendJson(401, Map.of("detail", detail), Map.of("WWW-Authenticate", "Basic realm=\"api\""));
    }

    private static String randomHex(int uuids) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < uuids; i++) s.append(UUID.randomUUID().toString().replace("-", ""));
        return s.toString();
    }

    private static Map<String, String> cookies(String header) {
        Map<String, String> cookies = new LinkedHashMap<>();
        if (header == null) return cookies;
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) cookies.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return cookies;
    }
}

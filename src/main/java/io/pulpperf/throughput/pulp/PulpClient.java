package io.pulpperf.throughput.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The suite's calls to Pulp's REST API other than the dispatch hot path: status, task pages,
 * fixtures and cleanup. Built on REST Assured; requests are never logged, since they carry
 * credentials, and text a server sends back is cleared of them before it goes into a message.
 *
 * <p>Every call has a connect and a read timeout; a view made with {@link #until(Instant)} also
 * starts no call after its deadline and cuts both timeouts to the time left, so a hung server
 * cannot stretch a scenario past its time limit.
 */
public final class PulpClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Target target;
    private final RestAssuredConfig config;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String correlationId;
    private final Instant deadline;
    private final RetryPolicy retry;
    private final RequestCounter counter;
    private AuthHeaders auth;

    /**
     * @param target         the server and credentials
     * @param connectTimeout bound on opening a connection
     * @param readTimeout    bound on waiting for an answer
     */
    public PulpClient(Target target, Duration connectTimeout, Duration readTimeout) {
        this(target, connectTimeout, readTimeout, RetryPolicy.defaults());
    }

    /** @param retry how read-only calls are retried */
    public PulpClient(Target target, Duration connectTimeout, Duration readTimeout, RetryPolicy retry) {
        this.target = target;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        RestAssuredConfig base = RestAssuredConfig.config().httpClient(timeouts(connectTimeout, readTimeout));
        javax.net.ssl.SSLContext tls = TlsContexts.of(target.tls());
        if (tls != null) {
            @SuppressWarnings("deprecation")  // REST Assured 5 runs on HttpClient 4, which takes this factory
            var factory = new org.apache.http.conn.ssl.SSLSocketFactory(tls, target.tls().insecure()
                    ? org.apache.http.conn.ssl.SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER
                    : org.apache.http.conn.ssl.SSLSocketFactory.STRICT_HOSTNAME_VERIFIER);
            base = base.sslConfig(io.restassured.config.SSLConfig.sslConfig().sslSocketFactory(factory));
        }
        this.config = base;
        this.auth = AuthHeaders.from(target.credentials());
        this.correlationId = null;
        this.deadline = null;
        this.retry = retry;
        this.counter = new RequestCounter();
    }

    private PulpClient(PulpClient other, String correlationId, Instant deadline) {
        this.target = other.target;
        this.config = other.config;
        this.connectTimeout = other.connectTimeout;
        this.readTimeout = other.readTimeout;
        this.auth = other.auth;
        this.correlationId = correlationId;
        this.deadline = deadline;
        this.retry = other.retry;
        this.counter = other.counter;
    }

    @SuppressWarnings("deprecation")  // REST Assured 5 runs on HttpClient 4's DefaultHttpClient
    private static HttpClientConfig timeouts(Duration connect, Duration read) {
        return HttpClientConfig.httpClientConfig()
                .httpClientFactory(() -> {
                    // HttpClient 4 retries a dropped GET three times by itself (and logs each): only
                    // RetryPolicy retries, so every try is counted, paced and bounded.
                    var c = new org.apache.http.impl.client.DefaultHttpClient();
                    c.setHttpRequestRetryHandler(new org.apache.http.impl.client.DefaultHttpRequestRetryHandler(0, false));
                    return c;
                })
                .setParam("http.connection.timeout", (int) Math.max(1, connect.toMillis()))
                .setParam("http.socket.timeout", (int) Math.max(1, read.toMillis()))
                .setParam("http.connection-manager.timeout", Math.max(1, read.toMillis()));
    }

    /**
     * The longest one call of this client can take with all its tries, pauses and timeouts: a
     * safe bound for waiting on calls in flight.
     */
    public Duration longestCall() {
        Duration pause = retry.maxDelay().compareTo(retry.maxRetryAfter()) >= 0 ? retry.maxDelay() : retry.maxRetryAfter();
        return connectTimeout.plus(readTimeout).multipliedBy(retry.attempts()).plus(pause.multipliedBy(retry.attempts() - 1));
    }

    /** Requests this client (and its correlation-id views) sent, and how many were retries. */
    public RequestCounter counter() {
        return counter;
    }

    /** The same client (same session) sending this Correlation-ID, so the tasks it causes can be found. */
    public PulpClient withCorrelationId(String id) {
        return new PulpClient(this, id, deadline);
    }

    /**
     * The same client (same session, same counter) whose calls end by {@code value}: none starts
     * after it (a {@link DeadlinePassedException} at once), retries stop before it, and the
     * connect and read timeouts of each call are cut to the time left.
     */
    public PulpClient until(Instant value) {
        return new PulpClient(this, correlationId, deadline == null || value.isBefore(deadline) ? value : deadline);
    }

    public Target target() {
        return target;
    }

    /** The headers every request of this client carries (shared with the dispatcher). */
    public AuthHeaders auth() {
        return auth;
    }

    /**
     * Logs in once ({@code POST login/}, pulpcore 3.70+) and uses the session from then on; keeps
     * Basic auth when the server has no login endpoint. Fails clearly on wrong credentials.
     */
    public void login() {
        Credentials c = target.credentials();
        if (!c.hasPassword() || c.token() != null) return;  // a bearer token is used as it is
        URI url = target.v3Root().resolve("login/");
        Response r;
        try {
            // A second session is harmless, so a transient answer is retried like a read.
            r = retried("POST", url, () -> spec("POST").body("{}").contentType(ContentType.JSON), answer -> {
                if (RetryPolicy.retryable(answer.statusCode())) requireStatus(answer, url, 201);
                return answer;
            }, null);
        } catch (PulpApiException e) {
            if (e.status() < 0) throw e;
            return;  // still 5xx/429 after every try: Basic auth works on every Pulp
        }
        if (r.statusCode() == 201 && r.getCookie("sessionid") != null && r.getCookie("csrftoken") != null) {
            auth = auth.withSession(r.getCookie("sessionid"), r.getCookie("csrftoken"));
        } else if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new PulpApiException("Pulp refused the credentials of user '" + c.username() + "' (HTTP " + r.statusCode()
                    + " at " + url.getPath() + "); check -Dpulp.username/-Dpulp.password or PULP_USERNAME/PULP_PASSWORD", r.statusCode());
        }
        // 404/405: a Pulp older than 3.70 or a gateway without login: keep Basic auth.
    }

    /** {@code GET status/} (no authentication needed). */
    public PulpStatus status() {
        URI url = target.statusUrl();
        JsonNode root = read(url, () -> RestAssured.given().config(config()), r -> json(r, url));
        Map<String, String> versions = new LinkedHashMap<>();
        for (JsonNode v : root.path("versions")) versions.put(v.path("component").asText(), v.path("version").asText());
        return new PulpStatus(versions, names(root.path("online_workers")), names(root.path("online_api_apps")),
                names(root.path("online_content_apps")), root.path("database_connection").path("connected").asBoolean(false),
                root.path("domain_enabled").asBoolean(false));
    }

    /**
     * {@code GET workers/?online=true} with every page (bounded), and the answer's {@code Date}
     * header: the online workers and their heartbeats by the server's clock (issue 20).
     */
    public WorkerBeats onlineWorkers() {
        return workers("online=true");
    }

    /**
     * {@code GET workers/?missing=true}: workers whose heartbeat is older than their TTL (a
     * worker that timed out, or a killed one whose record lingers), with the {@code Date} header.
     */
    public WorkerBeats missingWorkers() {
        return workers("missing=true");
    }

    private WorkerBeats workers(String filter) {
        URI first = target.v3Root().resolve("workers/?" + filter + "&fields=name,last_heartbeat&limit=1000");
        List<WorkerBeats.Beat> beats = new ArrayList<>();
        Instant serverTime = null;
        URI url = first;
        for (int page = 0; page < 100 && url != null; page++) {  // 100 pages of 1000: more workers than any fleet
            URI at = url;
            Response r = read(at, () -> spec("GET"), x -> x);
            if (serverTime == null) serverTime = WorkerDates.parse(r.header("Date"));
            JsonNode root = json(r, at);
            for (JsonNode w : root.path("results")) {
                beats.add(new WorkerBeats.Beat(w.path("name").asText(), PulpTime.ofMicros(PulpTime.parseMicros(w.path("last_heartbeat").asText()))));
            }
            url = root.path("next").isTextual() ? resolveHref(root.path("next").asText()) : null;
        }
        return new WorkerBeats(serverTime, beats);
    }

    /** One page of {@code tasks/} with these query parameters. */
    public TaskPage tasks(Map<String, String> query) {
        URI url = target.v3Root().resolve("tasks/");
        return read(url, () -> {
            RequestSpecification spec = spec("GET");
            query.forEach(spec::queryParam);
            return spec;
        }, r -> TaskParser.page(r.asByteArray()));
    }

    /**
     * A read-only GET, retried per the policy on no answer, 429, 5xx and unparsable bodies; the
     * last failure is thrown when the tries run out.
     */
    private <T> T read(URI url, Supplier<RequestSpecification> spec, Function<Response, T> parse) {
        return retried("GET", url, spec, r -> {
            requireStatus(r, url, 200);
            return parse.apply(r);
        }, null);
    }

    /**
     * One call, tried again per the policy while it fails transiently: no answer, 429, 5xx, or a
     * 2xx whose body {@code answer} could not read. After an unclear failure (the call may have
     * taken effect: no answer, 5xx, a broken 2xx), {@code beforeRetry} (when given) runs before the
     * next try and may end the call with what it finds, so a write is never made twice. The last
     * failure is thrown when the tries run out.
     */
    private <T> T retried(String method, URI url, Supplier<RequestSpecification> spec, Function<Response, T> answer,
                          Function<PulpApiException, Optional<T>> beforeRetry) {
        PulpApiException last = null;
        int failedTries = 0;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            String retryAfter = null;
            try {
                if (last != null && beforeRetry != null && unclear(last)) {
                    Optional<T> found = beforeRetry.apply(last);
                    if (found.isPresent()) return found.get();
                }
                int thisTry = attempt;
                Response r = counted(() -> call(method, url, spec.get()), thisTry);
                retryAfter = r.header("Retry-After");
                return answer.apply(r);
            } catch (DeadlinePassedException e) {
                if (last == null) throw e;
                break;  // the tries so far failed: their error says more
            } catch (PulpApiException e) {
                if (!transientFailure(e)) throw e;
                last = e;
                failedTries = attempt;
            }
            if (attempt == retry.attempts()) break;
            Duration pause = retry.delay(attempt, retryAfter);
            if (deadline != null && Instant.now().plus(pause).isAfter(deadline)) break;  // no time for another try
            sleep(pause);
        }
        throw new PulpApiException(last.getMessage() + " (after " + failedTries + (failedTries == 1 ? " try)" : " tries)"),
                last.status());
    }

    /** No answer, 429, 5xx, or a 2xx whose body could not be read: worth another try. */
    private static boolean transientFailure(PulpApiException e) {
        return e.status() < 0 || RetryPolicy.retryable(e.status()) || (e.status() >= 200 && e.status() < 300);
    }

    /** A failure after which the call may or may not have taken effect (429 says it did not). */
    private static boolean unclear(PulpApiException e) {
        return e.status() < 0 || e.status() >= 500 || (e.status() >= 200 && e.status() < 300);
    }

    private Response counted(Supplier<Response> call, int attempt) {
        requireTimeLeft();  // before counting: a call that cannot start is not a request
        counter.record(attempt > 1);
        return call.get();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PulpApiException("interrupted while waiting to retry", e);
        }
    }

    /** Creates a file repository (synchronous, 201) and returns its href; retried safely, see {@link #createNamed}. */
    public String createRepository(String name) {
        return createNamed("repositories/file/file/", name, Map.of("name", name));
    }

    /**
     * Creates an object whose name is unique (synchronously, 201) and returns its href, retried
     * like a read. After an unclear answer the object may exist, so it is looked up by name before
     * the next try, and a 400 "must be unique" then means it does: no retry makes a duplicate.
     *
     * @param listPath the list endpoint under the v3 root, where the object is created and listed
     */
    public String createNamed(String listPath, String name, Map<String, ?> body) {
        URI url = target.v3Root().resolve(listPath);
        boolean[] unclearBefore = {false};
        return retried("POST", url, () -> spec("POST").contentType(ContentType.JSON).body(body), r -> {
            if (r.statusCode() == 400 && unclearBefore[0] && r.asString().contains("must be unique")) {
                return findByName(listPath, name).orElseThrow(() -> new PulpApiException("POST " + url.getPath()
                        + " answered that the name " + name + " is taken, yet no object of that name is listed", 400));
            }
            requireStatus(r, url, 201);
            return json(r, url).path("pulp_href").asText();
        }, unclear -> {
            unclearBefore[0] = true;
            return findByName(listPath, name);
        });
    }

    /** The href of the object of exactly this name under a list path, if there is one (a read, retried). */
    public Optional<String> findByName(String listPath, String name) {
        URI url = target.v3Root().resolve(listPath);
        JsonNode root = read(url, () -> spec("GET").queryParam("name", name).queryParam("fields", "pulp_href,name")
                .queryParam("limit", 2), r -> json(r, url));
        for (JsonNode row : root.path("results")) {
            if (row.path("name").asText().equals(name) && row.path("pulp_href").isTextual()) {
                return Optional.of(row.path("pulp_href").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes a resource by href, retried like a read (a 404 means it is gone already); returns
     * the href of the task Pulp dispatched for it, if any.
     */
    public Optional<String> delete(String href) {
        URI url = resolveHref(href);
        return retried("DELETE", url, () -> spec("DELETE"), r -> {
            if (r.statusCode() == 404 || r.statusCode() == 204) return Optional.<String>empty();
            requireStatus(r, url, 202);
            return Optional.ofNullable(json(r, url).path("task").textValue());
        }, null);
    }

    /**
     * Cancels a task ({@code PATCH {"state":"canceled"}}), retried like a read: asking twice does
     * no harm. A task already final (409) or gone (404) is fine: nothing of it is left to stop.
     */
    public void cancelTask(String href) {
        URI url = resolveHref(href);
        retried("PATCH", url, () -> spec("PATCH").contentType(ContentType.JSON).body("{\"state\":\"canceled\"}"), r -> {
            if (r.statusCode() != 409 && r.statusCode() != 404) requireStatus(r, url, 200);
            return null;
        }, null);
    }

    /** POSTs JSON to a path under the v3 root, once; returns the dispatched task's href when Pulp answered 202. */
    public Optional<String> post(String path, String jsonBody) {
        URI url = target.v3Root().resolve(path);
        Response r = call("POST", url, spec("POST").contentType(ContentType.JSON).body(jsonBody));
        requireStatus(r, url, 202);
        return Optional.ofNullable(json(r, url).path("task").textValue());
    }

    /** Fails before any load, naming what is missing, when {@code GET url} answers 404 (or 401/403). */
    public void requireEndpoint(URI url, String what) {
        requireEndpoint(url, what, "GET");
    }

    /**
     * Like {@link #requireEndpoint(URI, String)} with another method (OPTIONS for views that act on
     * GET); transient answers are retried like a read's.
     */
    public void requireEndpoint(URI url, String what, String method) {
        try {
            retried(method, url, () -> {
                RequestSpecification spec = spec(method);
                if (method.equals("GET")) spec.queryParam("limit", 1);
                return spec;
            }, r -> {
                if (r.statusCode() == 404) {
                    throw new PulpApiException("the server has no " + url.getPath() + ": " + what + " is not there; check "
                            + "-Dpulp.apiRoot, -Dpulp.apiPath and -Dpulp.domain, and that the plugin is installed", 404);
                }
                if (r.statusCode() == 401 || r.statusCode() == 403) requireStatus(r, url, 200);
                if (r.statusCode() >= 500 || r.statusCode() == 429) {
                    throw new PulpApiException(method + " " + url.getPath() + " answered " + r.statusCode() + " before any load: "
                            + what + " does not work on this server", r.statusCode());
                }
                return null;
            }, null);
        } catch (PulpApiException e) {
            if (e.status() != 429) throw e;  // throttled on every try, yet there: the endpoint exists
        }
    }

    /** Hrefs of the rows of a list endpoint (relative to the v3 root) whose name starts with this prefix. */
    public List<String> hrefsByNamePrefix(String listPath, String prefix) {
        return objectsByNamePrefix(listPath, prefix).stream().map(NamedObject::href).toList();
    }

    /** The rows of a list endpoint (relative to the v3 root) whose name starts with this prefix, page by page. */
    public List<NamedObject> objectsByNamePrefix(String listPath, String prefix) {
        List<NamedObject> found = new ArrayList<>();
        URI url = target.v3Root().resolve(listPath);
        int offset = 0;
        for (int page = 0; page < 10_000; page++) {
            int from = offset;
            JsonNode root = read(url, () -> spec("GET").queryParam("name__startswith", prefix)
                    .queryParam("fields", "pulp_href,name").queryParam("limit", 1000).queryParam("offset", from), r -> json(r, url));
            for (JsonNode row : root.path("results")) {
                String name = row.path("name").asText();
                if (name.startsWith(prefix)) found.add(new NamedObject(name, row.path("pulp_href").asText()));
            }
            if (!root.path("next").isTextual()) break;
            offset += 1000;
        }
        return found;
    }

    /** An href such as {@code /pulp/api/v3/tasks/…/} as an absolute URL on the target. */
    public URI resolveHref(String href) {
        return target.baseUrl().resolve(href);
    }

    private RequestSpecification spec(String method) {
        RequestSpecBuilder b = new RequestSpecBuilder().addHeaders(auth.forMethod(method));
        if (correlationId != null) b.addHeader("Correlation-ID", correlationId);
        return RestAssured.given(b.build()).config(config());
    }

    /** The configured timeouts, cut to the time left before the deadline. */
    private RestAssuredConfig config() {
        if (deadline == null) return config;
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.compareTo(readTimeout) >= 0 && left.compareTo(connectTimeout) >= 0) return config;
        return config.httpClient(timeouts(min(connectTimeout, left), min(readTimeout, left)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Throws {@link DeadlinePassedException} once the deadline has passed, so no call starts after it. */
    private void requireTimeLeft() {
        if (deadline != null && !Instant.now().isBefore(deadline)) throw new DeadlinePassedException(deadline);
    }

    private Response call(String method, URI url, RequestSpecification spec) {
        requireTimeLeft();
        try {
            Response r = spec.urlEncodingEnabled(true).request(method, url);
            // The body is read here, under the same timeouts and error handling: REST Assured reads it
            // lazily, and a server that stalls after the headers would otherwise fail later, unwrapped.
            r.asByteArray();
            return r;
        } catch (Exception e) {  // REST Assured rethrows checked IOExceptions (ConnectException, SocketTimeoutException) unwrapped
            Throwable root = e;
            boolean tls = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                tls |= t instanceof javax.net.ssl.SSLException || t instanceof java.security.GeneralSecurityException;
                root = t;
            }
            String tlsHint = "the server's certificate against -Dpulp.tls.caBundle, the client certificate in "
                    + "-Dpulp.tls.keystore, or (only for a test server) -Dpulp.tls.insecure=true";
            // With TLS 1.3 a server that wants a client certificate just drops the connection: no SSL error to see.
            String hint = tls ? "check " + tlsHint : "check that Pulp runs there and -Dpulp.apiRoot is right"
                    + ("https".equals(url.getScheme()) ? "; over https also check " + tlsHint : "");
            throw new PulpApiException("no answer from " + method + " " + withoutUserInfo(url) + " (" + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + scrub(root.getMessage())) + "); " + hint, e);
        }
    }

    /** Server (or library) text with every secret this client sends replaced by ***. */
    private String scrub(String text) {
        return auth.scrub(text);
    }

    private void requireStatus(Response r, URI url, int expected) {
        if (r.statusCode() == expected) return;
        String hint = switch (r.statusCode()) {
            case 401, 403 -> "; check -Dpulp.username/-Dpulp.password (or PULP_USERNAME/PULP_PASSWORD) and the user's permissions";
            case 404 -> "; check -Dpulp.apiRoot, -Dpulp.apiPath and -Dpulp.domain, and that the plugin serving this endpoint is installed";
            default -> "";
        };
        // Scrubbed before it is cut, so a secret straddling the cut cannot leave a piece behind.
        String body = scrub(r.asString());
        if (body.length() > 300) body = body.substring(0, 300) + "…";
        throw new PulpApiException("expected HTTP " + expected + " from " + withoutUserInfo(url).getPath() + " but got "
                + r.statusCode() + " " + body.replaceAll("\\s+", " ").trim() + hint, r.statusCode());
    }

    private static JsonNode json(Response r, URI url) {
        try {
            return JSON.readTree(r.asByteArray());
        } catch (IOException e) {
            throw new PulpApiException("malformed JSON from " + url.getPath() + TaskParser.where(e), r.statusCode());
        }
    }

    private static List<String> names(JsonNode apps) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : apps) names.add(a.path("name").asText());
        return names;
    }

    static URI withoutUserInfo(URI url) {
        if (url.getUserInfo() == null) return url;
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
        } catch (java.net.URISyntaxException e) {
            return URI.create(url.getScheme() + "://" + url.getHost());
        }
    }
}

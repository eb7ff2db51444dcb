package io.pulpperf.throughput.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pulpperf.throughput.pulp.PulpTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for a pulpcore 3.105 API server with pulp_file, on 127.0.0.1. It answers
 * the calls the suite makes the way the recordings in {@code shared/pulp-recordings} show, and
 * runs the dispatched tasks in a {@link TaskEngine} of known capacity.
 *
 * <p>It is a tool for the suite's own tests and for a first look: its numbers say nothing about
 * Pulp's performance.
 */
public final class PulpSimulator implements AutoCloseable {
    static final String CORE_VERSION = "3.105.16";
    private static final Pattern UUID_PATH = Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/");
    private static final String USER_HREF_SUFFIX = "users/1/";

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final TaskEngine engine;
    private final ContentStore store;
    private final Map<String, String> domainUuids = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();  // sessionid -> csrftoken
    private final Map<String, ServiceTime> serviceTimes = new ConcurrentHashMap<>();
    private final long startedMicros = TaskEngine.nowMicros();

    private PulpSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.engine = new TaskEngine(config.workers(),
                name -> serviceTimes.computeIfAbsent(name, config::serviceTimeFor), config.failureRate(), config.seed());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 1024);
        this.executor = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "pulp-sim-http");
            t.setDaemon(true);
            return t;
        });
        this.store = new ContentStore("http://127.0.0.1:24816");
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a simulator with this configuration; close it to stop. */
    public static PulpSimulator start(SimulatorConfig config) {
        try {
            PulpSimulator sim = new PulpSimulator(config);
            sim.server.start();
            return sim;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the Pulp simulator on 127.0.0.1:" + config.port()
                    + " (" + e.getMessage() + "); choose another port with -Dsim.port", e);
        }
    }

    /** The base URL, in the suite's convention: status is at {@code baseUrl() + apiPath + "api/v3/status/"}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public SimulatorConfig config() {
        return config;
    }

    public TaskEngine engine() {
        return engine;
    }

    /** Changes the number of online workers while running. */
    public void setWorkers(int count) {
        engine.setWorkers(count);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        engine.close();
    }

    // --- routing ------------------------------------------------------------------------------

    private void handle(HttpExchange http) throws IOException {
        SimExchange ex = new SimExchange(http);
        try {
            if (!config.apiLatency().isZero()) {
                TimeUnit.NANOSECONDS.sleep(config.apiLatency().toNanos());
            }
            route(ex);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.close();
        } catch (RuntimeException e) {
            ex.sendJson(500, Map.of("detail", "Internal simulator error: " + e));
        }
    }

    private void route(SimExchange ex) throws IOException {
        String apiPath = config.apiPath();
        if (!ex.path.startsWith(apiPath)) {
            ex.sendNotFoundPage();
            return;
        }
        String rest = ex.path.substring(apiPath.length());
        String domain = "default";
        String v3Path = apiPath + "api/v3/";
        if (rest.startsWith("api/v3/")) {
            rest = rest.substring("api/v3/".length());
            if (config.domainEnabled() && !rest.equals("status/") && !rest.equals("login/")) {
                ex.sendNotFoundPage();  // with domains on, the router's viewsets live under {domain}/
                return;
            }
        } else if (config.domainEnabled() && rest.matches("[^/]+/api/v3/.*")) {
            domain = rest.substring(0, rest.indexOf('/'));
            v3Path = apiPath + domain + "/api/v3/";
            rest = rest.substring(domain.length() + "/api/v3/".length());
        } else {
            ex.sendNotFoundPage();
            return;
        }
        Request req = new Request(ex, domain, v3Path, rest);
        if (rest.equals("status/")) {
            ex.allow = "GET, HEAD, OPTIONS";
            if (methodIs(ex, "GET", "HEAD")) ex.sendJson(200, statusBody());
            return;
        }
        if (rest.equals("login/")) {
            ex.allow = "GET, POST, DELETE, HEAD, OPTIONS";
            login(req);
            return;
        }
        if (!authenticate(req)) return;
        if (rest.equals("tasks/")) {
            ex.allow = "GET, HEAD, OPTIONS";
            if (methodIs(ex, "GET", "HEAD")) listTasks(req);
        } else if (rest.startsWith("tasks/")) {
            ex.allow = "GET, PATCH, DELETE, HEAD, OPTIONS";
            taskDetail(req, rest.substring("tasks/".length()));
        } else if (rest.equals("workers/")) {
            ex.allow = "GET, OPTIONS";
            if (methodIs(ex, "GET", "HEAD")) listWorkers(req);
        } else if (rest.equals("distributions/file/file/")) {
            ex.allow = "GET, POST, HEAD, OPTIONS";
            if (ex.method.equals("POST")) createDistribution(req);
            else if (methodIs(ex, "GET", "HEAD")) listRows(req, store.distributions());
        } else if (rest.startsWith("distributions/file/file/")) {
            ex.allow = "GET, PUT, PATCH, DELETE, HEAD, OPTIONS";
            distributionDetail(req, rest.substring("distributions/file/file/".length()));
        } else if (rest.equals("repositories/file/file/")) {
            ex.allow = "GET, POST, HEAD, OPTIONS";
            if (ex.method.equals("POST")) createRepository(req);
            else if (methodIs(ex, "GET", "HEAD")) listRows(req, store.repositories());
        } else if (rest.startsWith("repositories/file/file/")) {
            ex.allow = "GET, PUT, PATCH, DELETE, HEAD, OPTIONS";
            repositoryDetail(req, rest.substring("repositories/file/file/".length()));
        } else {
            ex.sendNotFoundPage();
        }
    }

    /** One routed request: the exchange plus the domain and the v3 prefix its hrefs use. */
    private record Request(SimExchange ex, String domain, String v3Path, String rest) {
        String userHref() {
            return v3Path.replaceFirst("[^/]+/api/v3/$", "api/v3/") + USER_HREF_SUFFIX;
        }
    }

    private static boolean methodIs(SimExchange ex, String... methods) throws IOException {
        for (String m : methods) if (ex.method.equals(m)) return true;
        ex.sendJson(405, Map.of("detail", "Method \"" + ex.method + "\" not allowed."));
        return false;
    }

    // --- auth ---------------------------------------------------------------------------------

    /** Basic auth or a login session (with CSRF on writes), answering 401/403 as DRF does. */
    private boolean authenticate(Request req) throws IOException {
        SimExchange ex = req.ex;
        String auth = ex.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (basicMatches(auth)) return true;
            unauthorized(ex, "Invalid username/password.");
            return false;
        }
        Map<String, String> cookies = cookies(ex.header("Cookie"));
        String session = cookies.get("sessionid");
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
        unauthorized(ex, "Authentication credentials were not provided.");
        return false;
    }

    private boolean basicMatches(String header) {
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return decoded.equals(config.username() + ":" + config.password());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void unauthorized(SimExchange ex, String detail) throws IOException {
        ex.sendJson(401, Map.of("detail", detail), Map.of("WWW-Authenticate", "Basic realm=\"api\""));
    }

    private void login(Request req) throws IOException {
        SimExchange ex = req.ex;
        if (!methodIs(ex, "POST", "DELETE")) return;
        String auth = ex.header("Authorization");
        if (ex.method.equals("DELETE")) {
            String session = cookies(ex.header("Cookie")).get("sessionid");
            if (session != null) sessions.remove(session);
            ex.send(204, "application/json", new byte[0], Map.of());
            return;
        }
        if (auth == null) {
            unauthorized(ex, "Authentication credentials were not provided.");
            return;
        }
        if (!auth.regionMatches(true, 0, "Basic ", 0, 6) || !basicMatches(auth)) {
            unauthorized(ex, "Invalid username/password.");
            return;
        }
        String sessionId = UUID.randomUUID().toString().replace("-", "");
        String csrf = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        sessions.put(sessionId, csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pulp_href", req.userHref());
        body.put("prn", "prn:auth.user:1");
        body.put("username", config.username());
        var headers = ex.http.getResponseHeaders();
        headers.add("Set-Cookie", "csrftoken=" + csrf + "; expires=Fri, 26 Nov 2027 06:14:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax");
        headers.add("Set-Cookie", "sessionid=" + sessionId + "; expires=Fri, 11 Dec 2026 06:14:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax");
        ex.sendJson(201, body);
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

    // --- status and workers -------------------------------------------------------------------

    private Map<String, Object> statusBody() {
        long now = TaskEngine.nowMicros();
        Map<String, String> appVersions = appVersions();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("versions", List.of(
                version("core", "pulpcore.app"), version("certguard", "pulp_certguard.app"), version("file", "pulp_file.app")));
        body.put("online_workers", engine.onlineWorkers().stream().map(w -> app(w.name(), w.lastHeartbeatMicros(), appVersions)).toList());
        long apiBeat = startedMicros + ((now - startedMicros) / 20_000_000L) * 20_000_000L;
        body.put("online_api_apps", List.of(app("1@pulp-sim-api", apiBeat, appVersions)));
        body.put("online_content_apps", List.of(app("2@pulp-sim-content", apiBeat, appVersions)));
        body.put("database_connection", Map.of("connected", true));
        body.put("redis_connection", Map.of("connected", false));
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("total", 270553174016L);
        storage.put("used", 25659269120L);
        storage.put("free", 83285024768L);
        body.put("storage", storage);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("content_origin", "http://127.0.0.1:24816");
        content.put("content_path_prefix", "/pulp/content/");
        body.put("content_settings", content);
        body.put("domain_enabled", config.domainEnabled());
        return body;
    }

    private static Map<String, Object> version(String component, String module) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("component", component);
        v.put("version", CORE_VERSION);
        v.put("package", "pulpcore");
        v.put("module", module);
        v.put("domain_compatible", true);
        return v;
    }

    private static Map<String, String> appVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("core", CORE_VERSION);
        v.put("file", CORE_VERSION);
        v.put("certguard", CORE_VERSION);
        return v;
    }

    private static Map<String, Object> app(String name, long heartbeatMicros, Map<String, String> versions) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("last_heartbeat", PulpTime.format(heartbeatMicros));
        a.put("versions", versions);
        return a;
    }

    private void listWorkers(Request req) throws IOException {
        String online = req.ex.query.get("online");
        List<Map<String, Object>> rows = new ArrayList<>();
        if (online == null || online.equalsIgnoreCase("true")) {
            for (TaskEngine.WorkerSnapshot w : engine.onlineWorkers()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("pulp_href", req.v3Path + "workers/" + w.id() + "/");
                row.put("prn", "prn:core.appstatus:" + w.id());
                row.put("pulp_created", PulpTime.format(w.startedMicros()));
                row.put("pulp_last_updated", PulpTime.format(w.startedMicros() + 21));
                row.put("name", w.name());
                row.put("last_heartbeat", PulpTime.format(w.lastHeartbeatMicros()));
                row.put("versions", appVersions());
                row.put("current_task", w.currentTask() == null ? null : req.v3Path + "tasks/" + w.currentTask() + "/");
                rows.add(row);
            }
        }
        sendPage(req.ex, rows.size(), new ArrayList<Object>(rows), 0, Math.max(rows.size(), 100));
    }

    // --- tasks --------------------------------------------------------------------------------

    private void listTasks(Request req) throws IOException {
        TaskListQuery query = new TaskListQuery(req.ex.query);
        if (!query.isValid()) {
            req.ex.sendJson(400, query.errors);
            return;
        }
        TaskListQuery.Page page = engine.read(query::evaluate);
        TaskJson json = TaskJson.forQuery(req.ex.query, req.v3Path);
        List<Object> rows = new ArrayList<>();
        for (TaskSnapshot t : page.rows()) rows.add(json.write(t, domainUuid(req.domain)));
        sendPage(req.ex, page.count(), rows, query.offset, query.limit);
    }

    private void taskDetail(Request req, String rest) throws IOException {
        Matcher m = UUID_PATH.matcher(rest);
        if (!m.matches()) {
            req.ex.sendNotFoundPage();
            return;
        }
        UUID id = UUID.fromString(m.group(1));
        var task = engine.find(id);
        if (task.isEmpty()) {
            req.ex.sendJson(404, Map.of("detail", "No Task matches the given query."));
            return;
        }
        TaskJson json = TaskJson.forQuery(req.ex.query, req.v3Path);
        switch (req.ex.method) {
            case "GET", "HEAD" -> req.ex.sendJson(200, json.write(task.get(), domainUuid(req.domain)));
            case "PATCH" -> {
                JsonNode body = req.ex.jsonBody();
                if (body == null || !"canceled".equals(body.path("state").asText())) {
                    req.ex.sendJson(400, Map.of("state", List.of("The only acceptable value for 'state' is 'canceled'.")));
                    return;
                }
                TaskEngine.CancelResult result = engine.cancel(id);
                TaskSnapshot now = engine.find(id).orElseThrow();
                req.ex.sendJson(result == TaskEngine.CancelResult.ALREADY_FINAL ? 409 : 200, json.write(now, domainUuid(req.domain)));
            }
            default -> methodIs(req.ex, "GET", "PATCH");
        }
    }

    /** Writes DRF's limit/offset envelope with absolute next/previous links (query keys sorted, as DRF does). */
    private static void sendPage(SimExchange ex, int count, List<Object> rows, int offset, int limit) throws IOException {
        ObjectNode page = SimExchange.JSON.createObjectNode();
        page.put("count", count);
        String next = offset + limit < count ? link(ex, offset + limit) : null;
        String previous = offset <= 0 ? null : link(ex, offset - limit);
        page.put("next", next);
        page.put("previous", previous);
        page.set("results", SimExchange.JSON.valueToTree(rows));
        ex.sendJson(200, page);
    }

    private static String link(SimExchange ex, int offset) {
        TreeMap<String, String> params = new TreeMap<>(ex.query);
        if (offset <= 0) params.remove("offset"); else params.put("offset", String.valueOf(offset));
        StringBuilder url = new StringBuilder(ex.origin()).append(ex.path);
        String sep = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
               .append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        return url.toString();
    }

    private String domainUuid(String domain) {
        return domainUuids.computeIfAbsent(domain, d -> Uuid7.at(startedMicros / 1000).toString());
    }

    private void respondTask(SimExchange ex, String v3Path, TaskSnapshot task) throws IOException {
        ex.sendJson(202, Map.of("task", v3Path + "tasks/" + task.id() + "/"));
    }

    // --- distributions ------------------------------------------------------------------------

    private void createDistribution(Request req) throws IOException {
        JsonNode body = req.ex.jsonBody();
        if (body == null || !body.isObject()) {
            req.ex.sendJson(400, Map.of("detail", "JSON parse error - Expecting value: line 1 column 1 (char 0)"));
            return;
        }
        String name = body.path("name").isTextual() ? body.path("name").asText() : null;
        String basePath = body.path("base_path").isTextual() ? body.path("base_path").asText() : null;
        UUID id = Uuid7.at(System.currentTimeMillis());
        Map<String, List<String>> errors = store.claimDistribution(req.domain, name, basePath, id);
        if (!errors.isEmpty()) {
            req.ex.sendJson(400, errors);
            return;
        }
        String dom = domainUuid(req.domain);
        String v3 = req.v3Path;
        // 3.105 as recorded: exclusive on the domain's base paths, shared on its distributions and the domain.
        TaskSnapshot task = engine.dispatch("pulpcore.app.tasks.base.general_create", req.ex.correlationId, req.userHref(),
                List.of("pdrn:" + dom + ":distribution.base_path"),
                List.of("pdrn:" + dom + ":distributions", "prn:core.domain:" + dom),
                finish -> {
                    Map<String, Object> row = store.createDistribution(v3, id, name, basePath, finish - 150_000);
                    return SimTask.Outcome.created((String) row.get("pulp_href"), row);
                });
        respondTask(req.ex, req.v3Path, task);
    }

    private void distributionDetail(Request req, String rest) throws IOException {
        Matcher m = UUID_PATH.matcher(rest);
        UUID id = m.matches() ? UUID.fromString(m.group(1)) : null;
        Map<String, Object> row = id == null ? null : store.distribution(id);
        if (row == null) {
            req.ex.sendJson(404, Map.of("detail", "No FileDistribution matches the given query."));
            return;
        }
        switch (req.ex.method) {
            case "GET", "HEAD" -> req.ex.sendJson(200, row);
            case "DELETE" -> {
                String dom = domainUuid(req.domain);
                TaskSnapshot task = engine.dispatch("pulpcore.app.tasks.base.ageneral_delete", req.ex.correlationId,
                        req.userHref(), List.of("prn:file.filedistribution:" + id),
                        List.of("pdrn:" + dom + ":distributions", "prn:core.domain:" + dom),
                        finish -> store.deleteDistribution(req.domain, id) ? SimTask.Outcome.ok()
                                : SimTask.Outcome.failed("FileDistribution matching query does not exist.", traceback()));
                respondTask(req.ex, req.v3Path, task);
            }
            default -> methodIs(req.ex, "GET", "DELETE");
        }
    }

    // --- repositories -------------------------------------------------------------------------

    private void createRepository(Request req) throws IOException {
        JsonNode body = req.ex.jsonBody();
        String name = body != null && body.path("name").isTextual() ? body.path("name").asText() : null;
        if (name == null || name.isBlank()) {
            req.ex.sendJson(400, Map.of("name", List.of("This field is required.")));
            return;
        }
        Map<String, Object> row = store.createRepository(req.v3Path, name, TaskEngine.nowMicros());
        if (row == null) {
            req.ex.sendJson(400, Map.of("name", List.of("This field must be unique.")));
            return;
        }
        req.ex.sendJson(201, row, Map.of("Location", (String) row.get("pulp_href")));
    }

    private void repositoryDetail(Request req, String rest) throws IOException {
        Matcher m = UUID_PATH.matcher(rest);
        UUID id = m.matches() ? UUID.fromString(m.group(1)) : null;
        Map<String, Object> row = id == null ? null : store.repository(id);
        if (row == null) {
            req.ex.sendJson(404, Map.of("detail", "No FileRepository matches the given query."));
            return;
        }
        switch (req.ex.method) {
            case "GET", "HEAD" -> req.ex.sendJson(200, row);
            case "DELETE" -> {
                String dom = domainUuid(req.domain);
                TaskSnapshot task = engine.dispatch("pulpcore.app.tasks.base.ageneral_delete", req.ex.correlationId,
                        req.userHref(), List.of("prn:file.filerepository:" + id), List.of("prn:core.domain:" + dom),
                        finish -> store.deleteRepository(id) ? SimTask.Outcome.ok()
                                : SimTask.Outcome.failed("FileRepository matching query does not exist.", traceback()));
                respondTask(req.ex, req.v3Path, task);
            }
            default -> methodIs(req.ex, "GET", "DELETE");
        }
    }

    private static void listRows(Request req, List<Map<String, Object>> all) throws IOException {
        Map<String, String> q = req.ex.query;
        List<Object> rows = new ArrayList<>();
        for (Map<String, Object> row : all) {
            String name = String.valueOf(row.get("name"));
            if (q.containsKey("name") && !name.equals(q.get("name"))) continue;
            if (q.containsKey("name__startswith") && !name.startsWith(q.get("name__startswith"))) continue;
            if (q.containsKey("base_path") && !String.valueOf(row.get("base_path")).equals(q.get("base_path"))) continue;
            rows.add(row);
        }
        int limit = 100;
        int offset = 0;
        try {
            if (q.containsKey("limit")) limit = Math.max(1, Integer.parseInt(q.get("limit")));
            if (q.containsKey("offset")) offset = Math.max(0, Integer.parseInt(q.get("offset")));
        } catch (NumberFormatException ignored) {
            // DRF falls back to the defaults
        }
        List<Object> page = rows.subList(Math.min(offset, rows.size()), Math.min(rows.size(), offset + limit));
        sendPage(req.ex, rows.size(), new ArrayList<>(page), offset, limit);
    }

    private static String traceback() {
        return "  File \"/usr/local/lib/python3.11/site-packages/pulpcore/tasking/tasks.py\", line 73, in _execute_task\n"
                + "    result = task_function()\n";
    }

    /** The v3 API root URL of the default domain. */
    public URI v3Root() {
        String domainPart = config.domainEnabled() ? "default/" : "";
        return URI.create(baseUrl() + config.apiPath() + domainPart + "api/v3/");
    }
}

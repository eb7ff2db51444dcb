package io.pulpperf.throughput.sim;

import io.pulpperf.throughput.pulp.PulpTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code status/} ({@code pulpcore/app/views/status.py}, 3.87+ {@code AppStatusSerializer}
 * entries) and {@code workers/} ({@code WorkerViewSet} with {@code WorkerFilter}).
 */
final class StatusViews {
    static final String CORE_VERSION = "3.105.16";
    private static final Set<String> WORKER_PARAMS = Set.of("online", "missing", "name", "limit", "offset",
            "fields", "exclude_fields", "ordering", "minimal", "page_size", "format");
    /** API apps heartbeat more rarely than workers (API_APP_TTL 120 s). */
    private static final long API_HEARTBEAT_MICROS = 20_000_000L;

    private final TaskEngine engine;
    private final SimulatorConfig config;
    private final long startedMicros = TaskEngine.nowMicros();

    StatusViews(TaskEngine engine, SimulatorConfig config) {
        this.engine = engine;
        this.config = config;
    }

    void status(SimExchange ex) throws IOException {
        ex.allow = "GET, HEAD, OPTIONS";
        if (!Views.methodIs(ex, "GET", "HEAD")) return;
        long now = TaskEngine.nowMicros();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("versions", List.of(
                version("core", "pulpcore.app"), version("certguard", "pulp_certguard.app"), version("file", "pulp_file.app")));
        body.put("online_workers", engine.onlineWorkers().stream().map(w -> app(w.name(), w.lastHeartbeatMicros())).toList());
        long apiBeat = startedMicros + ((now - startedMicros) / API_HEARTBEAT_MICROS) * API_HEARTBEAT_MICROS;
        // As recorded: 2 gunicorn API processes (the images' PULP_API_WORKERS=2) and one content app.
        body.put("online_api_apps", List.of(app("101@pulp-sim", apiBeat), app("102@pulp-sim", apiBeat)));
        body.put("online_content_apps", List.of(app("103@pulp-sim", apiBeat)));
        body.put("database_connection", Map.of("connected", true));
        body.put("redis_connection", Map.of("connected", false));  // CACHE_ENABLED off, as recorded
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("total", 270553174016L);
        storage.put("used", 25659269120L);
        storage.put("free", 83285024768L);
        body.put("storage", storage);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("content_origin", ContentStore.CONTENT_ORIGIN);
        content.put("content_path_prefix", "/pulp/content/");
        body.put("content_settings", content);
        body.put("domain_enabled", config.domainEnabled());
        ex.sendJson(200, body);
    }

    void workers(ApiRequest req) throws IOException {
        SimExchange ex = req.ex();
        ex.allow = "GET, OPTIONS";
        if (!Views.methodIs(ex, "GET", "HEAD")) return;
        List<String> unknown = ex.query.keySet().stream()
                .filter(k -> !WORKER_PARAMS.contains(k) && !k.startsWith("name__") && !k.startsWith("last_heartbeat")).toList();
        if (!unknown.isEmpty()) {
            ex.sendJson(400, Map.of("errors", unknown.stream().map(k -> "Invalid Filter: '" + k + "'").toList()));
            return;
        }
        // A stopped worker deletes its row (worker.py shutdown()); a running one whose beat is older
        // than its TTL is missing, not online (WorkerFilter: online = not missing).
        Boolean online = flag(ex.query.get("online"));
        Boolean missing = flag(ex.query.get("missing"));
        String name = ex.query.get("name");
        List<Object> rows = new ArrayList<>();
        for (TaskEngine.WorkerSnapshot w : engine.workerRows()) {
            if (online != null && w.online() != online) continue;
            if (missing != null && w.online() == missing) continue;
            if (name != null && !name.equals(w.name())) continue;
            rows.add(fields(workerRow(req.v3Path(), w), ex.query.get("fields")));
        }
        Pagination.sendSlice(ex, rows);
    }

    /** django-filter's BooleanFilter: "true"/"false" (any case), anything else filters nothing. */
    private static Boolean flag(String value) {
        if ("true".equalsIgnoreCase(value)) return Boolean.TRUE;
        if ("false".equalsIgnoreCase(value)) return Boolean.FALSE;
        return null;
    }

    /** drf-queryfields' {@code fields}: only the named fields, in the serializer's order. */
    private static Map<String, Object> fields(Map<String, Object> row, String only) {
        if (only == null || only.isBlank()) return row;
        List<String> names = List.of(only.split(","));
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (names.contains(k)) out.put(k, v);
        });
        return out;
    }

    private static Map<String, Object> workerRow(String v3Path, TaskEngine.WorkerSnapshot w) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pulp_href", v3Path + "workers/" + w.id() + "/");
        row.put("prn", "prn:core.appstatus:" + w.id());
        row.put("pulp_created", PulpTime.format(w.startedMicros()));
        row.put("pulp_last_updated", PulpTime.format(w.startedMicros() + 21));
        row.put("name", w.name());
        row.put("last_heartbeat", PulpTime.format(w.lastHeartbeatMicros()));
        row.put("versions", appVersions());
        row.put("current_task", w.currentTask() == null ? null : v3Path + "tasks/" + w.currentTask() + "/");
        return row;
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

    private static Map<String, Object> app(String name, long heartbeatMicros) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("last_heartbeat", PulpTime.format(heartbeatMicros));
        a.put("versions", appVersions());
        return a;
    }
}

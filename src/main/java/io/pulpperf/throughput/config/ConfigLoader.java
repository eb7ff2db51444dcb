package io.pulpperf.throughput.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the matrix file ({@code config/matrix.yaml} unless {@code -Dpulp.config} names another)
 * and applies the {@code pulp.*} properties and {@code PULP_*} environment variables. Every
 * mistake stops the run before any request with a {@link ConfigException} that names the file,
 * the key and what is expected. Keys, types, ranges and enums are checked by the schema
 * ({@link MatrixSchema}, {@code config/matrix.schema.json}) before anything is read, so the code
 * below reads values it knows to be well-formed and checks only what a schema cannot say.
 */
public final class ConfigLoader {
    public static final String DEFAULT_CONFIG = "config/matrix.yaml";

    private final Map<String, String> props;
    private final Map<String, String> env;
    private final Path baseDir;

    /**
     * @param props   {@code -D} properties (only {@code pulp.*} are read)
     * @param env     environment variables (only {@code PULP_*} are read)
     * @param baseDir directory relative paths are resolved against (the project directory)
     */
    public ConfigLoader(Map<String, String> props, Map<String, String> env, Path baseDir) {
        this.props = props;
        this.env = env;
        this.baseDir = baseDir;
    }

    /** Loads from this JVM's system properties (secrets from {@link SecretHolder}) and environment, relative to the working directory. */
    public static SuiteSettings fromSystem() {
        return new ConfigLoader(SecretHolder.systemProperties(), System.getenv(), Path.of("")).load();
    }

    public SuiteSettings load() {
        Path file = baseDir.resolve(prop("pulp.config", DEFAULT_CONFIG));
        String where = file.toString();
        JsonNode root = readValid(file);
        JsonNode defaults = root.path("defaults");
        JsonNode scenariosNode = root.path("scenarios");
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < scenariosNode.size(); i++) {
            Scenario s = scenario(where, "scenarios[" + i + "].", scenariosNode.get(i), defaults);
            if (!names.add(s.name())) throw new ConfigException(where + ": scenarios[" + i + "].name: '" + s.name() + "' is used twice; names must be unique");
            scenarios.add(s);
        }
        scenarios = applyOverrides(scenarios, names);

        JsonNode polling = root.path("polling");
        Duration pollInterval = duration(where, "polling.interval", polling.path("interval"), Duration.ofMillis(500));
        int pageSize = whole(polling.path("pageSize"), 1000);
        Duration stallPeriod = duration(where, "polling.stallPeriod", polling.path("stallPeriod"), Duration.ofSeconds(30));

        return new SuiteSettings(file, target(), pollInterval, pageSize, workerMismatch(),
                baseDir.resolve(prop("pulp.output", "target/throughput")), simulator(where, root.path("simulator")), cleanup(),
                scaling(), stallPeriod, scenarios, limits(where, root.path("limits")));
    }

    /**
     * One top-level section of the matrix file, after the schema checked the whole file, for a
     * package that reads its own section (the {@code resources:} section is read in resources, so
     * config does not depend on it); read apart from {@link #load} so SuiteSettings stays as it is.
     */
    public Section section(String key) {
        Path file = baseDir.resolve(prop("pulp.config", DEFAULT_CONFIG));
        return new Section(file.toString(), readValid(file).path(key), props);
    }

    /**
     * @param where the file's path, for messages
     * @param node  the section (a missing node when the file has none)
     * @param props the {@code -D} properties, for the section's overrides
     */
    public record Section(String where, JsonNode node, Map<String, String> props) {}

    private static Limits limits(String where, JsonNode node) {
        Limits d = Limits.defaults();
        if (node.isMissingNode()) return d;
        return new Limits(duration(where, "limits.connectTimeout", node.path("connectTimeout"), d.connectTimeout()),
                duration(where, "limits.readTimeout", node.path("readTimeout"), d.readTimeout()),
                whole(node.path("readTries"), d.readTries()),
                whole(node.path("failedPolls"), d.failedPolls()),
                duration(where, "limits.grace", node.path("grace"), d.grace()));
    }

    /** The file as a tree, after the schema found nothing wrong with it. */
    private static JsonNode readValid(Path file) {
        JsonNode root = readYaml(file);
        MatrixSchema.get().check(file.toString(), root);
        return root;
    }

    private static JsonNode readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Matrix file " + file + " does not exist; pass an existing file with -Dpulp.config=path/to/matrix.yaml");
        }
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new ConfigException(file + ": expected a YAML mapping with 'scenarios' (and optional defaults, polling, simulator)");
            }
            return node;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ConfigException(file + ": YAML syntax error" + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + ": " + yamlProblem(e));
        } catch (IOException e) {
            throw new ConfigException("Cannot read matrix file " + file + ": " + e.getMessage());
        }
    }

    /** SnakeYAML's problem in one line ("expected ',' or ']', but got <stream end>"), without its drawing of the file. */
    private static String yamlProblem(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
                return (m.getContext() == null ? "" : m.getContext() + ": ") + m.getProblem();
            }
        }
        return e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private Scenario scenario(String where, String path, JsonNode node, JsonNode defaults) {
        Workload workload = Workload.of(text(node, defaults, "workload", "repository-delete"));
        // workers and tasks may come from defaults, so the schema cannot require them in a scenario.
        int workers = whole(pick(node, defaults, "workers"), -1);
        if (workers < 0 && node.path("fleet").path("counts").isArray()) workers = FleetSection.largest(node.path("fleet"));
        if (workers < 0) throw new ConfigException(where + ": " + path + "workers: missing; expected a whole number >= 1");
        int tasks = whole(pick(node, defaults, "tasks"), -1);
        // A search sets its task counts per step; tasks is then only a placeholder.
        if (tasks < 0 && "search".equals(text(node, defaults, "shape", ""))) tasks = 1;
        // A fleet dispatches no task and sets its worker counts in fleet.counts: placeholders again.
        boolean fleetShape = "fleet".equals(text(node, defaults, "shape", ""));
        if (tasks < 0 && fleetShape) tasks = 1;
        if (tasks < 0) throw new ConfigException(where + ": " + path + "tasks: missing; expected a whole number >= 1");
        int concurrency = whole(pick(node, defaults, "concurrency"), 8);
        JsonNode rateNode = pick(node, defaults, "rate");
        Double rate = rateNode.isMissingNode() ? null : rateNode.asDouble();
        Shape shape = Shape.of(text(node, defaults, "shape", "steady"));
        Duration timeout = duration(where, path + "timeout", pick(node, defaults, "timeout"), Duration.ofMinutes(10));
        Thresholds thresholds = thresholds(where, path + "thresholds", node.path("thresholds"), defaults.path("thresholds"));
        CustomRequest request = request(where, path + "request", pick(node, defaults, "request"), workload);
        String testPath = workload == Workload.TASK_INGESTION ? text(node, defaults, "testPath", "test/tasks/") : null;
        SearchSettings search = search(where, path + "search", node.path("search"));
        FleetSettings fleet = FleetSection.read(where, path + "fleet", node.path("fleet"), props.get(FleetSection.BOTTLENECK_AT_PROPERTY));
        List<Disruption> disruptions = DisruptionSection.read(where, path + "disruptions", node.path("disruptions"));
        try {
            return new Scenario(node.path("name").asText(), workload, workers, tasks, concurrency, rate, shape, timeout, thresholds,
                    request, testPath, search, fleet, disruptions);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + path.substring(0, path.length() - 1) + ": " + e.getMessage());
        }
    }

    private static SearchSettings search(String where, String key, JsonNode node) {
        if (node.isMissingNode()) return null;
        JsonNode wait = node.path("maxP95Wait");
        try {
            return new SearchSettings(node.path("from").asDouble(), node.path("factor").asDouble(), node.path("max").asDouble(),
                    duration(where, key + ".step", node.path("step"), null),
                    whole(node.path("refine"), 3),
                    wait.isMissingNode() ? null : duration(where, key + ".maxP95Wait", wait, null),
                    number(node.path("tolerance"), SearchSettings.DEFAULT_TOLERANCE),
                    confirm(where, key + ".confirm", node.path("confirm")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + key + ": " + e.getMessage());
        }
    }

    /** {@code confirm:} a duration, or 0 (number or text) to switch the confirmation step off; left out: null (2 x step). */
    private static Duration confirm(String where, String key, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return null;
        if ((node.isNumber() && node.asDouble() == 0) || node.asText().trim().equals("0")) return Duration.ZERO;
        return duration(where, key, node, null);
    }

    private static CustomRequest request(String where, String key, JsonNode node, Workload workload) {
        if (node.isMissingNode() || workload != Workload.CUSTOM) return null;
        JsonNode body = node.path("body");
        String bodyText = body.isMissingNode() ? null : body.isTextual() ? body.asText() : body.toString();
        try {
            return new CustomRequest(node.path("method").asText(), node.path("path").asText(), bodyText);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + key + ": " + e.getMessage());
        }
    }

    private static Thresholds thresholds(String where, String key, JsonNode node, JsonNode defaults) {
        JsonNode sustained = pick(node, defaults, "minSustainedRate");
        JsonNode age = pick(node, defaults, "maxHeartbeatAge");
        JsonNode timeouts = pick(node, defaults, "maxTimeouts");
        JsonNode ingestion = pick(node, defaults, "minIngestionRate");
        JsonNode recovery = pick(node, defaults, "maxRecoverySeconds");
        JsonNode failedBy = pick(node, defaults, "maxFailedByDisruption");
        try {
            return new Thresholds(number(pick(node, defaults, "minTasksPerSecond"), 0), number(pick(node, defaults, "minSuccessRate"), 1.0),
                    whole(pick(node, defaults, "maxLostTasks"), 0), sustained.isMissingNode() ? null : sustained.asDouble(),
                    age.isMissingNode() ? null : duration(where, key + ".maxHeartbeatAge", age, null),
                    timeouts.isMissingNode() ? null : timeouts.asInt(), ingestion.isMissingNode() ? null : ingestion.asDouble(),
                    recovery.isMissingNode() ? null : recovery.asDouble(), failedBy.isMissingNode() ? null : failedBy.asInt());
        } catch (IllegalArgumentException e) { // a number too big for a double (1e400) passes the schema's ">= 0"
            throw new ConfigException(where + ": " + key + ": " + e.getMessage());
        }
    }

    private static SimulatorSettings simulator(String where, JsonNode node) {
        if (node.isMissingNode()) return SimulatorSettings.defaults();
        Map<String, String> times = new LinkedHashMap<>();
        node.path("serviceTimes").fields().forEachRemaining(e -> times.put(e.getKey(), e.getValue().asText()));
        JsonNode contention = node.path("contention");
        SimulatorSettings d = SimulatorSettings.defaults();
        return new SimulatorSettings(times, number(node.path("failureRate"), 0),
                new SimulatorSettings.Contention(number(contention.path("sigma"), 0), number(contention.path("kappa"), 0)),
                duration(where, "simulator.workerTtl", node.path("workerTtl"), d.workerTtl()),
                duration(where, "simulator.heartbeatLag", node.path("heartbeatLag"), d.heartbeatLag()),
                duration(where, "simulator.heartbeatLagPerWorker", node.path("heartbeatLagPerWorker"), d.heartbeatLagPerWorker()));
    }

    // --- -D overrides -------------------------------------------------------------------------

    private List<Scenario> applyOverrides(List<Scenario> scenarios, Set<String> names) {
        String selection = prop("pulp.scenarios", "");
        List<Scenario> selected = scenarios;
        if (!selection.isBlank()) {
            List<String> wanted = Arrays.stream(selection.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            List<String> unknown = wanted.stream().filter(w -> !names.contains(w)).toList();
            if (!unknown.isEmpty()) {
                throw new ConfigException("-Dpulp.scenarios names unknown scenario(s) " + unknown + "; known: " + String.join(", ", names));
            }
            selected = scenarios.stream().filter(s -> wanted.contains(s.name())).toList();
        }
        String tasks = prop("pulp.tasks", null);
        if (tasks != null) {
            int n = propInt("pulp.tasks", tasks, 1);
            selected = selected.stream().map(s -> s.withTasks(n)).toList();
        }
        String minTps = prop("pulp.minTasksPerSecond", null);
        String minSuccess = prop("pulp.minSuccessRate", null);
        if (minTps != null || minSuccess != null) {
            Double tps = minTps == null ? null : propDouble("pulp.minTasksPerSecond", minTps, 0, Double.MAX_VALUE);
            Double success = minSuccess == null ? null : propDouble("pulp.minSuccessRate", minSuccess, 0, 1);
            selected = selected.stream().map(s -> s.withThresholds(new Thresholds(
                    tps == null ? s.thresholds().minTasksPerSecond() : tps,
                    success == null ? s.thresholds().minSuccessRate() : success,
                    s.thresholds().maxLostTasks(), s.thresholds().minSustainedRate(), s.thresholds().maxHeartbeatAge(),
                    s.thresholds().maxTimeouts(), s.thresholds().minIngestionRate(), s.thresholds().maxRecoverySeconds(),
                    s.thresholds().maxFailedByDisruption()))).toList();
        }
        return selected;
    }

    private Target target() {
        String apiRoot = prop("pulp.apiRoot", "");
        String apiPath = prop("pulp.apiPath", "/pulp/");
        String domain = prop("pulp.domain", "");
        String user = prop("pulp.username", env.getOrDefault("PULP_USERNAME", ""));
        String password = prop("pulp.password", env.getOrDefault("PULP_PASSWORD", ""));
        URI base = null;
        if (!apiRoot.isBlank()) {
            try {
                base = new URI(apiRoot.trim());
            } catch (URISyntaxException e) {
                base = null;
            }
            if (base == null || base.getHost() == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
                throw new ConfigException("-Dpulp.apiRoot must be an http(s) URL such as http://localhost:8080 (status is then at "
                        + "{apiRoot}/pulp/api/v3/status/), was '" + apiRoot + "'");
            }
            if (base.getQuery() != null || base.getPath().contains("/api/v3")) {
                throw new ConfigException("-Dpulp.apiRoot must stop before Pulp's API_ROOT, e.g. http://localhost:8080 rather than "
                        + "http://localhost:8080/pulp/api/v3/; set -Dpulp.apiPath for an API_ROOT other than /pulp/, was '" + apiRoot + "'");
            }
        }
        String token = prop("pulp.token", env.getOrDefault("PULP_TOKEN", ""));
        Map<String, String> headers = HeaderSpec.parse(prop("pulp.headers", env.getOrDefault("PULP_HEADERS", "")),
                "-Dpulp.headers (or PULP_HEADERS)");
        String identity = prop("pulp.identityHeader", env.getOrDefault("PULP_IDENTITY_HEADER", ""));
        if (!identity.isBlank()) headers.put("x-rh-identity", identity.trim());
        Credentials credentials = new Credentials(user.isBlank() ? null : user, password.isEmpty() ? null : password,
                token.isBlank() ? null : token.trim(), headers);
        if (base == null && !credentials.hasPassword()) credentials = new Credentials("admin", "password");
        try {
            return new Target(base, apiPath, domain.isBlank() ? null : domain, credentials, tls());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private TlsSettings tls() {
        Path ca = optionalFile("pulp.tls.caBundle");
        Path keystore = optionalFile("pulp.tls.keystore");
        String keystorePassword = prop("pulp.tls.keystorePassword", env.getOrDefault("PULP_TLS_KEYSTORE_PASSWORD", null));
        String insecure = prop("pulp.tls.insecure", "false");
        if (!insecure.equals("true") && !insecure.equals("false")) {
            throw new ConfigException("-Dpulp.tls.insecure must be 'true' or 'false', was '" + insecure + "'");
        }
        return new TlsSettings(ca, keystore, keystorePassword, Boolean.parseBoolean(insecure));
    }

    private Path optionalFile(String key) {
        String value = prop(key, "");
        if (value.isBlank()) return null;
        Path p = baseDir.resolve(value);
        if (!Files.isReadable(p)) throw new ConfigException("-D" + key + " names " + p + ", which is not a readable file");
        return p;
    }

    private WorkerScaling scaling() {
        String command = prop("pulp.workers.scaleCommand", "");
        String timeoutText = prop("pulp.workers.scaleTimeout", "5m");
        Duration timeout;
        try {
            timeout = Durations.parse(timeoutText);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("-Dpulp.workers.scaleTimeout: " + e.getMessage());
        }
        try {
            return new WorkerScaling(command.isBlank() ? null : command, timeout);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private boolean cleanup() {
        String value = prop("pulp.cleanup", "true");
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigException("-Dpulp.cleanup must be 'true' or 'false', was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private WorkerMismatch workerMismatch() {
        String value = prop("pulp.workers.mismatch", "skip");
        return switch (value) {
            case "skip" -> WorkerMismatch.SKIP;
            case "label" -> WorkerMismatch.LABEL;
            default -> throw new ConfigException("-Dpulp.workers.mismatch must be 'skip' or 'label', was '" + value + "'");
        };
    }

    // --- small parsers ------------------------------------------------------------------------

    private String prop(String key, String fallback) {
        String v = props.get(key);
        return v == null ? fallback : v;
    }

    private static int propInt(String key, String text, int min) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min) return v;
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new ConfigException("-D" + key + " must be a whole number >= " + min + ", was '" + text + "'");
    }

    private static double propDouble(String key, String text, double min, double max) {
        try {
            double v = Double.parseDouble(text.trim());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new ConfigException("-D" + key + " must be a number" + (max == 1 ? " between 0 and 1" : " >= " + min) + ", was '" + text + "'");
    }

    private static JsonNode pick(JsonNode node, JsonNode defaults, String key) {
        JsonNode v = node.path(key);
        return v.isMissingNode() ? defaults.path(key) : v;
    }

    private static String text(JsonNode node, JsonNode defaults, String key, String fallback) {
        JsonNode v = pick(node, defaults, key);
        return v.isMissingNode() ? fallback : v.asText();
    }

    // The schema has checked type and range; these only read, or fall back when the key is absent.
    private static int whole(JsonNode v, int fallback) {
        return v.isMissingNode() ? fallback : v.asInt();
    }

    private static double number(JsonNode v, double fallback) {
        return v.isMissingNode() ? fallback : v.asDouble();
    }

    /** The schema checks the form; > 0 stays here (a pattern that says "not zero" would be unreadable). */
    private static Duration duration(String where, String key, JsonNode v, Duration fallback) {
        if (v.isMissingNode()) return fallback;
        try {
            Duration d = Durations.parse(v.asText());
            if (d.isZero()) throw new IllegalArgumentException("expected a duration > 0, got '" + v.asText() + "'");
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + key + ": " + e.getMessage());
        }
    }
}

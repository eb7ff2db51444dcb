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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the matrix file ({@code config/matrix.yaml} unless {@code -Dpulp.config} names another)
 * and applies the {@code pulp.*} properties and {@code PULP_*} environment variables. Every
 * mistake stops the run before any request with a {@link ConfigException} that names the file,
 * the key and what is expected.
 */
public final class ConfigLoader {
    public static final String DEFAULT_CONFIG = "config/matrix.yaml";
    private static final Set<String> TOP_KEYS = Set.of("defaults", "polling", "simulator", "scenarios", "limits", "resources");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "workload", "workers", "tasks", "concurrency", "rate",
            "shape", "timeout", "thresholds", "request", "testPath", "search");
    private static final Set<String> DEFAULT_KEYS = Set.of("workload", "workers", "tasks", "concurrency", "rate", "shape",
            "timeout", "thresholds", "request", "testPath");
    private static final Set<String> REQUEST_KEYS = Set.of("method", "path", "body");
    private static final Set<String> THRESHOLD_KEYS = Set.of("minTasksPerSecond", "minSuccessRate", "maxLostTasks", "minSustainedRate");
    private static final Set<String> SEARCH_KEYS = Set.of("from", "factor", "max", "step", "refine", "maxP95Wait", "tolerance");
    private static final Set<String> POLLING_KEYS = Set.of("interval", "pageSize", "stallPeriod");
    private static final Set<String> SIMULATOR_KEYS = Set.of("serviceTimes", "failureRate");
    private static final Set<String> LIMIT_KEYS = Set.of("connectTimeout", "readTimeout", "readTries", "failedPolls", "grace");

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
        JsonNode root = readYaml(file);
        requireKeys(where, "", root, TOP_KEYS);

        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode()) requireKeys(where, "defaults.", defaults, DEFAULT_KEYS);
        JsonNode scenariosNode = root.path("scenarios");
        if (!scenariosNode.isArray() || scenariosNode.isEmpty()) {
            throw new ConfigException(where + ": 'scenarios' must be a non-empty list of scenarios (each with name, workers, tasks, ...)");
        }
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < scenariosNode.size(); i++) {
            Scenario s = scenario(where, "scenarios[" + i + "].", scenariosNode.get(i), defaults);
            if (!names.add(s.name())) throw new ConfigException(where + ": scenarios[" + i + "].name: '" + s.name() + "' is used twice; names must be unique");
            scenarios.add(s);
        }
        scenarios = applyOverrides(scenarios, names);

        JsonNode polling = root.path("polling");
        if (!polling.isMissingNode()) requireKeys(where, "polling.", polling, POLLING_KEYS);
        Duration pollInterval = duration(where, "polling.interval", polling.path("interval"), Duration.ofMillis(500));
        int pageSize = wholeNumber(where, "polling.pageSize", polling.path("pageSize"), 1000, 1, 100_000);
        Duration stallPeriod = duration(where, "polling.stallPeriod", polling.path("stallPeriod"), Duration.ofSeconds(30));

        return new SuiteSettings(file, target(), pollInterval, pageSize, workerMismatch(),
                baseDir.resolve(prop("pulp.output", "target/throughput")), simulator(where, root.path("simulator")), cleanup(),
                scaling(), stallPeriod, scenarios, limits(where, root.path("limits")));
    }

    /**
     * The {@code resources:} section (issue 13) with the {@code -Dpulp.resources*} overrides; read
     * apart from {@link #load} so SuiteSettings stays as it is for runs without Prometheus.
     */
    public io.pulpperf.throughput.resources.ResourcesConfig resources() {
        Path file = baseDir.resolve(prop("pulp.config", DEFAULT_CONFIG));
        return ResourcesSection.read(file.toString(), readYaml(file).path("resources"), props);
    }

    private static Limits limits(String where, JsonNode node) {
        Limits d = Limits.defaults();
        if (node.isMissingNode()) return d;
        requireKeys(where, "limits.", node, LIMIT_KEYS);
        return new Limits(duration(where, "limits.connectTimeout", node.path("connectTimeout"), d.connectTimeout()),
                duration(where, "limits.readTimeout", node.path("readTimeout"), d.readTimeout()),
                wholeNumber(where, "limits.readTries", node.path("readTries"), d.readTries(), 1, 100),
                wholeNumber(where, "limits.failedPolls", node.path("failedPolls"), d.failedPolls(), 1, 10_000),
                duration(where, "limits.grace", node.path("grace"), d.grace()));
    }

    private JsonNode readYaml(Path file) {
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
        if (!node.isObject()) throw new ConfigException(where + ": " + path.substring(0, path.length() - 1) + ": expected a mapping with name, workers, tasks, ...");
        requireKeys(where, path, node, SCENARIO_KEYS);
        JsonNode nameNode = node.path("name");
        if (!nameNode.isTextual()) throw new ConfigException(where + ": " + path + "name: expected a scenario name, e.g. repo-delete-2w");
        String workloadKey = text(node, defaults, "workload", "repository-delete");
        Workload workload;
        try {
            workload = Workload.of(workloadKey);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + path + "workload: " + e.getMessage());
        }
        int workers = wholeNumber(where, path + "workers", pick(node, defaults, "workers"), -1, 1, 10_000);
        if (workers < 0) throw new ConfigException(where + ": " + path + "workers: missing; expected a whole number >= 1");
        int tasks = wholeNumber(where, path + "tasks", pick(node, defaults, "tasks"), -1, 1, 100_000_000);
        // A search sets its task counts per step; tasks is then only a placeholder.
        if (tasks < 0 && "search".equals(text(node, defaults, "shape", ""))) tasks = 1;
        if (tasks < 0) throw new ConfigException(where + ": " + path + "tasks: missing; expected a whole number >= 1");
        int concurrency = wholeNumber(where, path + "concurrency", pick(node, defaults, "concurrency"), 8, 1, 10_000);
        JsonNode rateNode = pick(node, defaults, "rate");
        Double rate = rateNode.isMissingNode() || rateNode.isNull() ? null
                : number(where, path + "rate", rateNode, 0, Double.MIN_VALUE, 1_000_000);
        Shape shape;
        try {
            shape = Shape.of(text(node, defaults, "shape", "steady"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + path + "shape: " + e.getMessage());
        }
        Duration timeout = duration(where, path + "timeout", pick(node, defaults, "timeout"), Duration.ofMinutes(10));
        Thresholds thresholds = thresholds(where, path + "thresholds", node.path("thresholds"), defaults.path("thresholds"));
        CustomRequest request = request(where, path + "request", pick(node, defaults, "request"), workload);
        String testPath = workload == Workload.TASK_INGESTION ? text(node, defaults, "testPath", "test/tasks/") : null;
        SearchSettings search = search(where, path + "search", node.path("search"));
        try {
            return new Scenario(nameNode.asText(), workload, workers, tasks, concurrency, rate, shape, timeout, thresholds,
                    request, testPath, search);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + path.substring(0, path.length() - 1) + ": " + e.getMessage());
        }
    }

    private static SearchSettings search(String where, String key, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return null;
        requireKeys(where, key + ".", node, SEARCH_KEYS);
        for (String required : List.of("from", "factor", "max", "step")) {
            if (node.path(required).isMissingNode()) {
                throw new ConfigException(where + ": " + key + "." + required + ": missing; the search needs from, factor, max and step");
            }
        }
        JsonNode wait = node.path("maxP95Wait");
        try {
            return new SearchSettings(number(where, key + ".from", node.path("from"), 0, Double.MIN_VALUE, 1_000_000),
                    number(where, key + ".factor", node.path("factor"), 0, Double.MIN_VALUE, 100),
                    number(where, key + ".max", node.path("max"), 0, Double.MIN_VALUE, 1_000_000),
                    duration(where, key + ".step", node.path("step"), null),
                    wholeNumber(where, key + ".refine", node.path("refine"), 3, 0, 20),
                    wait.isMissingNode() || wait.isNull() ? null : duration(where, key + ".maxP95Wait", wait, null),
                    number(where, key + ".tolerance", node.path("tolerance"), SearchSettings.DEFAULT_TOLERANCE, Double.MIN_VALUE, 0.49));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + key + ": " + e.getMessage());
        }
    }

    private static CustomRequest request(String where, String key, JsonNode node, Workload workload) {
        if (node.isMissingNode() || node.isNull() || workload != Workload.CUSTOM) return null;
        requireKeys(where, key + ".", node, REQUEST_KEYS);
        JsonNode body = node.path("body");
        String bodyText = body.isMissingNode() || body.isNull() ? null : body.isTextual() ? body.asText() : body.toString();
        try {
            return new CustomRequest(node.path("method").asText(null), node.path("path").asText(null), bodyText);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + key + ": " + e.getMessage());
        }
    }

    private Thresholds thresholds(String where, String path, JsonNode node, JsonNode defaults) {
        if (!node.isMissingNode()) requireKeys(where, path + ".", node, THRESHOLD_KEYS);
        if (!defaults.isMissingNode()) requireKeys(where, "defaults.thresholds.", defaults, THRESHOLD_KEYS);
        double minTps = number(where, path + ".minTasksPerSecond", pick(node, defaults, "minTasksPerSecond"), 0, 0, Double.MAX_VALUE);
        double minSuccess = number(where, path + ".minSuccessRate", pick(node, defaults, "minSuccessRate"), 1.0, 0, 1);
        int maxLost = wholeNumber(where, path + ".maxLostTasks", pick(node, defaults, "maxLostTasks"), 0, 0, Integer.MAX_VALUE);
        JsonNode sustained = pick(node, defaults, "minSustainedRate");
        Double minSustained = sustained.isMissingNode() || sustained.isNull() ? null
                : number(where, path + ".minSustainedRate", sustained, 0, 0, Double.MAX_VALUE);
        return new Thresholds(minTps, minSuccess, maxLost, minSustained);
    }

    private SimulatorSettings simulator(String where, JsonNode node) {
        if (node.isMissingNode()) return SimulatorSettings.defaults();
        requireKeys(where, "simulator.", node, SIMULATOR_KEYS);
        Map<String, String> times = new LinkedHashMap<>();
        JsonNode st = node.path("serviceTimes");
        if (!st.isMissingNode()) {
            if (!st.isObject()) throw new ConfigException(where + ": simulator.serviceTimes: expected a mapping of task name to duration, e.g. general_create: 40ms");
            for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String value = e.getValue().asText();
                try {
                    io.pulpperf.throughput.sim.ServiceTime.parse(value, 0);
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException(where + ": simulator.serviceTimes." + e.getKey() + ": " + ex.getMessage());
                }
                times.put(e.getKey(), value);
            }
        }
        double failureRate = number(where, "simulator.failureRate", node.path("failureRate"), 0, 0, 1);
        return new SimulatorSettings(times, failureRate);
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
                    s.thresholds().maxLostTasks(), s.thresholds().minSustainedRate()))).toList();
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

    private static void requireKeys(String where, String path, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) throw new ConfigException(where + ": " + (path.isEmpty() ? "top level" : path.substring(0, path.length() - 1)) + ": expected a mapping with keys " + allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigException(where + ": unknown key '" + path + key + "'; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static JsonNode pick(JsonNode node, JsonNode defaults, String key) {
        JsonNode v = node.path(key);
        return v.isMissingNode() ? defaults.path(key) : v;
    }

    private static String text(JsonNode node, JsonNode defaults, String key, String fallback) {
        JsonNode v = pick(node, defaults, key);
        return v.isMissingNode() || v.isNull() ? fallback : v.asText();
    }

    private static int wholeNumber(String where, String key, JsonNode v, int fallback, int min, int max) {
        if (v.isMissingNode() || v.isNull()) return fallback;
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw new ConfigException(where + ": " + key + ": expected a whole number between " + min + " and " + max + ", got '" + v.asText() + "'");
        }
        return v.asInt();
    }

    private static double number(String where, String key, JsonNode v, double fallback, double min, double max) {
        if (v.isMissingNode() || v.isNull()) return fallback;
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            String range = max == 1 ? "between 0 and 1" : min == Double.MIN_VALUE ? "> 0" : ">= " + min;
            throw new ConfigException(where + ": " + key + ": expected a number " + range + ", got '" + v.asText() + "'");
        }
        return v.asDouble();
    }

    private static Duration duration(String where, String key, JsonNode v, Duration fallback) {
        if (v.isMissingNode() || v.isNull()) return fallback;
        try {
            Duration d = Durations.parse(v.asText());
            if (d.isZero()) throw new IllegalArgumentException("expected a duration > 0, got '" + v.asText() + "'");
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + key + ": " + e.getMessage());
        }
    }
}

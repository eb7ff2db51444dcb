package io.pulpperf.throughput.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.pulpperf.throughput.resources.Presets;
import io.pulpperf.throughput.resources.ResourceQuery;
import io.pulpperf.throughput.resources.ResourceRole;
import io.pulpperf.throughput.resources.ResourceUnit;
import io.pulpperf.throughput.resources.ResourcesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema and the loader agree: every shipped matrix file is valid; every key the schema
 * declares is one the loader reads (set to a non-default value, the loaded settings show it); every
 * {@code default} in the schema is what the loader yields when the key is left out; the schema's
 * enums are the suite's.
 */
class MatrixSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final MatrixSchema SCHEMA = MatrixSchema.get();

    @TempDir
    Path dir;

    // --- (a) shipped files ----------------------------------------------------------------------

    /**
     * Every *.yaml / *.yml under config/, so a new file is covered without touching this test; but
     * accepted-changes.yaml, which is no matrix file (history.AcceptedChanges reads it, and
     * AcceptedChangesTest loads the shipped one).
     */
    static List<Path> shippedFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.getFileName().toString().equals("accepted-changes.yaml")).sorted().toList();
        }
    }

    @Test
    void thereAreShippedFilesToCheck() throws IOException {
        assertThat(shippedFiles()).hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0} validates against the schema and names it for editors")
    @MethodSource("shippedFiles")
    void eachShippedFileValidatesAndNamesTheSchema(Path file) throws IOException {
        assertThat(SCHEMA.validate(YAML.readTree(file.toFile()))).as(file + ": schema errors").isEmpty();
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("# yaml-language-server: $schema=./matrix.schema.json");
    }

    @Test
    void theJarsSchemaIsTheOneInConfig() throws IOException {
        assertThat(SCHEMA.root()).isEqualTo(JSON.readTree(Path.of("config/matrix.schema.json").toFile()));
    }

    @Test
    void theSchemaIsAValidDraft07Schema() {
        // The draft-07 meta-schema ships inside the validator's jar: no network.
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        assertThat(meta.validate(SCHEMA.root())).isEmpty();
        assertThat(SCHEMA.root().path("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
    }

    // --- (b) every key is read, (c) every default is the loader's -------------------------------

    /** A document without the key (valid), what the key is set to, and how the loaded settings show it. */
    record Probe(String path, ObjectNode without, JsonNode value, Function<Loaded, Object> read, Object expected) {
        ObjectNode with() {
            ObjectNode doc = without.deepCopy();
            set(doc, path, value);
            return doc;
        }

        @Override
        public String toString() {
            return path;
        }
    }

    record Loaded(SuiteSettings settings, ResourcesConfig resources, java.util.Optional<io.pulpperf.throughput.history.HistorySettings> history,
                  io.pulpperf.throughput.run.Repeats repeats, java.util.Optional<io.pulpperf.throughput.logs.LogSettings> logs) {
        Scenario scenario() {
            return settings.scenarios().get(0);
        }

        ResourceQuery series() {
            return resources.own().get(0);
        }
    }

    static Stream<Probe> probes() {
        List<Probe> out = new ArrayList<>();
        // Keys a scenario and defaults share: each is probed in both places.
        shared(out, "workload", "distribution-create", "{}", l -> l.scenario().workload().key());
        shared(out, "workers", 3, "{\"workers\": 2}", l -> l.scenario().workers());
        shared(out, "tasks", 9, "{\"tasks\": 5}", l -> l.scenario().tasks());
        shared(out, "concurrency", 3, "{}", l -> l.scenario().concurrency());
        shared(out, "rate", 12.5, "{}", l -> l.scenario().rate());
        shared(out, "shape", "backlog", "{}", l -> l.scenario().shape().key());
        shared(out, "timeout", "3m", "{}", l -> l.scenario().timeout());
        shared(out, "testPath", "perf/tasks/", "{\"workload\": \"task-ingestion\"}", l -> l.scenario().testPath());
        shared(out, "repeat", 3, "{}", l -> l.repeats().of(l.scenario().name()));
        shared(out, "thresholds.minTasksPerSecond", 2.5, "{}", l -> l.scenario().thresholds().minTasksPerSecond());
        shared(out, "thresholds.minSuccessRate", 0.9, "{}", l -> l.scenario().thresholds().minSuccessRate());
        shared(out, "thresholds.maxLostTasks", 4, "{}", l -> l.scenario().thresholds().maxLostTasks());
        shared(out, "thresholds.minSustainedRate", 7.5, "{}", l -> l.scenario().thresholds().minSustainedRate());
        shared(out, "thresholds.maxHeartbeatAge", "20s", "{}", l -> l.scenario().thresholds().maxHeartbeatAge());
        shared(out, "thresholds.maxTimeouts", 2, "{}", l -> l.scenario().thresholds().maxTimeouts());
        shared(out, "thresholds.minIngestionRate", 50.5, "{}", l -> l.scenario().thresholds().minIngestionRate());
        shared(out, "thresholds.maxRecoverySeconds", 45.5, "{}", l -> l.scenario().thresholds().maxRecoverySeconds());
        shared(out, "thresholds.maxFailedByDisruption", 3, "{}", l -> l.scenario().thresholds().maxFailedByDisruption());
        String custom = "{\"workload\": \"custom\", \"request\": {\"method\": \"POST\", \"path\": \"a/\"}}";
        shared(out, "request.method", "PUT", custom, l -> l.scenario().request().method());
        shared(out, "request.path", "b/{seq}/", custom, l -> l.scenario().request().path());
        shared(out, "request.body", "{\"name\": \"{run}-{seq}\"}", custom, l -> l.scenario().request().body());
        // Scenario only.
        out.add(new Probe("scenarios[].name", base(), text("renamed"), l -> l.scenario().name(), "renamed"));
        ObjectNode search = base();
        merge((ObjectNode) search.at("/scenarios/0"), "{\"shape\": \"search\", \"search\": {\"from\": 2, \"factor\": 2, \"max\": 50, \"step\": \"2s\"}}");
        searchProbe(out, search, "from", 3.5, l -> l.scenario().search().from());
        searchProbe(out, search, "factor", 2.5, l -> l.scenario().search().factor());
        searchProbe(out, search, "max", 60.5, l -> l.scenario().search().max());
        searchProbe(out, search, "step", "4s", l -> l.scenario().search().step());
        searchProbe(out, search, "refine", 5, l -> l.scenario().search().refine());
        searchProbe(out, search, "maxP95Wait", "750ms", l -> l.scenario().search().maxP95Wait());
        searchProbe(out, search, "tolerance", 0.1, l -> l.scenario().search().tolerance());
        searchProbe(out, search, "confirm", "6s", l -> l.scenario().search().confirm());
        ObjectNode fleet = base();
        merge((ObjectNode) fleet.at("/scenarios/0"), "{\"shape\": \"fleet\", \"fleet\": {\"counts\": [1]}}");
        out.add(new Probe("scenarios[].fleet.counts", fleet, JSON.valueToTree(List.of(10, 20)), l -> l.scenario().fleet().counts(), List.of(10, 20)));
        out.add(new Probe("scenarios[].fleet.hold", fleet, text("30s"), l -> l.scenario().fleet().hold(), java.time.Duration.ofSeconds(30)));
        out.add(new Probe("scenarios[].fleet.interval", fleet, text("2s"), l -> l.scenario().fleet().interval(), java.time.Duration.ofSeconds(2)));
        out.add(new Probe("scenarios[].fleet.bottleneckAt", fleet, JSON.valueToTree(0.5), l -> l.scenario().fleet().bottleneckAt(), 0.5));
        // Issue 28: disruptions, one probed at a time ("after" replaces "at", which it excludes).
        ObjectNode disrupted = base();
        merge((ObjectNode) disrupted.at("/scenarios/0"), "{\"disruptions\": [{\"name\": \"d\", \"at\": \"1s\", \"command\": \"true\"}]}");
        Function<Loaded, Disruption> d = l -> l.scenario().disruptions().get(0);
        out.add(new Probe("scenarios[].disruptions[].name", disrupted, text("db-failover"), l -> d.apply(l).name(), "db-failover"));
        out.add(new Probe("scenarios[].disruptions[].at", disrupted, text("20s"), l -> d.apply(l).at(), Duration.ofSeconds(20)));
        ObjectNode afterCount = disrupted.deepCopy();
        ((ObjectNode) afterCount.at("/scenarios/0/disruptions/0")).remove("at");
        ((ObjectNode) afterCount.at("/scenarios/0/disruptions/0")).put("after", 1);  // one of at and after is needed
        out.add(new Probe("scenarios[].disruptions[].after", afterCount, text("500 tasks completed"), l -> d.apply(l).afterCompleted(), 500));
        out.add(new Probe("scenarios[].disruptions[].command", disrupted, text("oc delete pod -l app=pulp-worker"), l -> d.apply(l).command(),
                "oc delete pod -l app=pulp-worker"));
        out.add(new Probe("scenarios[].disruptions[].timeout", disrupted, text("90s"), l -> d.apply(l).timeout(), Duration.ofSeconds(90)));
        out.add(new Probe("scenarios[].disruptions[].window", disrupted, text("30s"), l -> d.apply(l).window(), Duration.ofSeconds(30)));
        out.add(new Probe("scenarios[].disruptions[].tolerance", disrupted, JSON.valueToTree(0.2), l -> d.apply(l).tolerance(), 0.2));
        // The file's other sections.
        top(out, "polling.interval", "150ms", l -> l.settings().pollInterval());
        top(out, "polling.pageSize", 250, l -> l.settings().pageSize());
        top(out, "polling.stallPeriod", "45s", l -> l.settings().stallPeriod());
        top(out, "simulator.serviceTimes", JSON.createObjectNode().put("general_create", "exp:40ms"), l -> l.settings().simulator().serviceTimes(),
                Map.of("general_create", "exp:40ms"));
        top(out, "simulator.failureRate", 0.25, l -> l.settings().simulator().failureRate());
        top(out, "simulator.contention.sigma", 0.1, l -> l.settings().simulator().contention().sigma());
        top(out, "simulator.contention.kappa", 0.005, l -> l.settings().simulator().contention().kappa());
        top(out, "simulator.workerTtl", "3s", l -> l.settings().simulator().workerTtl());
        top(out, "simulator.heartbeatLag", "250ms", l -> l.settings().simulator().heartbeatLag());
        top(out, "simulator.heartbeatLagPerWorker", "40ms", l -> l.settings().simulator().heartbeatLagPerWorker());
        top(out, "limits.connectTimeout", "2s", l -> l.settings().limits().connectTimeout());
        top(out, "limits.readTimeout", "15s", l -> l.settings().limits().readTimeout());
        top(out, "limits.readTries", 6, l -> l.settings().limits().readTries());
        top(out, "limits.failedPolls", 9, l -> l.settings().limits().failedPolls());
        top(out, "limits.grace", "30s", l -> l.settings().limits().grace());
        top(out, "resources.presets", JSON.createArrayNode().add("rds"), l -> l.resources().presets(), List.of("rds"));
        top(out, "resources.placeholders", JSON.createObjectNode().put("namespace", "perf"), l -> l.resources().placeholders(),
                Map.of("namespace", "perf"));
        top(out, "resources.thresholds", JSON.createObjectNode().put("API CPU", 2), l -> l.resources().thresholds(), Map.of("API CPU", 2.0));
        ObjectNode series = base();
        merge(series, "{\"resources\": {\"series\": [{\"name\": \"n\", \"query\": \"up\", \"unit\": \"count\"}]}}");
        seriesProbe(out, series, "name", "DB CPU", l -> l.series().name());
        seriesProbe(out, series, "query", "max(up)", l -> l.series().expr());
        seriesProbe(out, series, "unit", "percent", l -> l.series().unit().key());
        seriesProbe(out, series, "role", "database", l -> l.series().role() == null ? null : l.series().role().key());
        seriesProbe(out, series, "max", 90.5, l -> l.series().max());
        seriesProbe(out, series, "legend", "groupname", l -> l.series().legend());
        out.add(new Probe("history.path", base(), text("h.jsonl"),
                l -> l.history().map(h -> h.file().toString()).orElse(null), "h.jsonl"));
        ObjectNode history = base();
        merge(history, "{\"history\": {\"path\": \"h.jsonl\"}}");
        historyProbe(out, history, "window", 30, l -> l.history().orElseThrow().judge().window());
        historyProbe(out, history, "tolerance", 0.05, l -> l.history().orElseThrow().judge().tolerance());
        historyProbe(out, history, "significance", 0.05, l -> l.history().orElseThrow().judge().significance());
        historyProbe(out, history, "accepted", "acc.yaml", l -> l.history().orElseThrow().accepted().toString());
        out.add(new Probe("history.append", history, JSON.getNodeFactory().booleanNode(false), l -> l.history().orElseThrow().append(), false));
        out.add(new Probe("history.tolerances", history, JSON.createObjectNode().put("queueWaitP95Ms", 0.25),
                l -> l.history().orElseThrow().judge().tolerances().isEmpty() ? null : l.history().orElseThrow().judge().tolerances(),
                Map.of("queueWaitP95Ms", 0.25)));
        // logs: (issue 26); with no source there are no log settings, so the other keys are probed beside a file.
        top(out, "logs.files", JSON.createArrayNode().add("/var/log/pulp/*.log"),
                l -> l.logs().map(io.pulpperf.throughput.logs.LogSettings::files).orElse(List.of()), List.of("/var/log/pulp/*.log"));
        top(out, "logs.command", "oc logs -l app=pulp --since-time={start}", l -> l.logs().map(io.pulpperf.throughput.logs.LogSettings::command).orElse(null));
        ObjectNode logs = base();
        merge(logs, "{\"logs\": {\"files\": [\"a.log\"]}}");
        logsProbe(out, logs, "timeout", "30s", l -> l.logs().orElseThrow().timeout());
        logsProbe(out, logs, "maxBytes", 1048576, l -> (int) l.logs().orElseThrow().maxBytes());
        logsProbe(out, logs, "maxExamples", 5, l -> l.logs().orElseThrow().maxExamples());
        out.add(new Probe("logs.classes", logs, JSON.createObjectNode().put("oom", "Out of memory"), l -> l.logs().orElseThrow().classes(),
                Map.of("oom", "Out of memory")));
        logsProbe(out, logs, "thresholds.maxApiTimeouts", 2, l -> toInt(l.logs().orElseThrow().maxApiTimeouts()));
        logsProbe(out, logs, "thresholds.maxLogErrors", 3, l -> toInt(l.logs().orElseThrow().maxLogErrors()));
        return out.stream();
    }

    private static Integer toInt(Long v) {
        return v == null ? null : v.intValue();
    }

    private static void logsProbe(List<Probe> out, ObjectNode without, String key, Object value, Function<Loaded, Object> read) {
        JsonNode v = JSON.valueToTree(value);
        out.add(new Probe("logs." + key, without, v, read, expected(v)));
    }

    @Test
    void everyKeyTheSchemaDeclaresHasAProbeAndNoOther() {
        assertThat(new TreeSet<>(probes().map(Probe::path).toList()))
                .as("keys probed here vs keys the schema declares: a key added to one side only shows here")
                .isEqualTo(new TreeSet<>(leaves().keySet()));
    }

    @ParameterizedTest(name = "{0} is read by the loader")
    @MethodSource("probes")
    void everyKeyIsReadByTheLoader(Probe p) throws IOException {
        assertThat(SCHEMA.validate(p.with())).as("the probe's document is valid").isEmpty();
        Object set = p.read().apply(load(p.with()));
        assertThat(set).as("set to " + p.value()).isEqualTo(p.expected());
        assertThat(p.read().apply(load(p.without()))).as("left out: must differ, or the probe proves nothing").isNotEqualTo(p.expected());
    }

    @ParameterizedTest(name = "the schema's default of {0} is the loader's")
    @MethodSource("probes")
    void everyDefaultInTheSchemaIsWhatTheLoaderYields(Probe p) throws IOException {
        JsonNode def = leaves().get(p.path()).path("default");
        Object absent = p.read().apply(load(p.without()));
        if (def.isMissingNode()) {
            // No default: the key is needed (the probe's document has it even "without"), or left out it means "not set".
            if (!has(p.without(), p.path())) assertThat(absent).as(p.path() + " has no default in the schema").isNull();
            return;
        }
        assertThat(has(p.without(), p.path())).as(p.path() + ": a key with a default is left out of the probe's document").isFalse();
        assertThat(absent).as(p.path() + ": schema default " + def).isEqualTo(javaValue(def, absent));
    }

    @Test
    void theSchemasEnumsAreTheSuites() {
        JsonNode defs = SCHEMA.root().path("definitions");
        assertThat(strings(defs.at("/workload/enum"))).containsExactly(Arrays.stream(Workload.values()).map(Workload::key).toArray(String[]::new));
        assertThat(strings(defs.at("/shape/enum"))).containsExactly(Arrays.stream(Shape.values()).map(Shape::key).toArray(String[]::new));
        JsonNode resources = SCHEMA.root().at("/properties/resources/properties");
        assertThat(strings(resources.at("/presets/items/enum"))).containsExactlyElementsOf(Presets.all().keySet());
        assertThat(strings(resources.at("/series/items/properties/unit/enum")))
                .containsExactly(Arrays.stream(ResourceUnit.values()).map(ResourceUnit::key).toArray(String[]::new));
        assertThat(strings(resources.at("/series/items/properties/role/enum")))
                .containsExactly(Arrays.stream(ResourceRole.values()).map(ResourceRole::key).toArray(String[]::new));
    }

    @Test
    void anUnknownKeyIsNamedBeforeTheOtherMistakes() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), "scenarios:\n  - {name: a, workers: 0, tasks: 1}\npollng: {interval: 1s}\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("pulp.config", "m.yaml"), Map.of(), dir).load())
                .isInstanceOf(ConfigException.class).hasMessageEndingWith(
                        "m.yaml: unknown key 'pollng'; expected one of [defaults, history, limits, logs, polling, resources, scenarios, simulator]");
    }

    @Test
    void aThresholdBeyondADoubleIsAConfigMistakeToo() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), "scenarios:\n  - {name: a, workers: 1, tasks: 1, thresholds: {minSustainedRate: 1e400}}\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("pulp.config", "m.yaml"), Map.of(), dir).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("scenarios[0].thresholds: minSustainedRate must be a number >= 0");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private Loaded load(ObjectNode doc) throws IOException {
        Files.writeString(dir.resolve("m.yaml"), YAML.writeValueAsString(doc));
        ConfigLoader loader = new ConfigLoader(Map.of("pulp.config", "m.yaml"), Map.of(), dir);
        SuiteSettings settings = loader.load();
        return new Loaded(settings, io.pulpperf.throughput.resources.ResourcesSection.of(loader),
                io.pulpperf.throughput.history.HistorySettings.load(settings.configFile(), Map.of()),
                io.pulpperf.throughput.run.Repeats.load(settings.configFile(), Map.of()),
                io.pulpperf.throughput.logs.LogSettingsLoader.load(loader));
    }

    /** One valid scenario and nothing else. */
    private static ObjectNode base() {
        return (ObjectNode) parse("{\"scenarios\": [{\"name\": \"s\", \"workers\": 2, \"tasks\": 5}]}");
    }

    /** Probes a shared key in the scenario and in defaults; context is what the key needs beside it, at the same level. */
    private static void shared(List<Probe> out, String key, Object value, String context, Function<Loaded, Object> read) {
        JsonNode v = JSON.valueToTree(value);
        Object expected = expected(v);
        String top = key.split("\\.")[0];
        ObjectNode inScenario = base();
        merge((ObjectNode) inScenario.at("/scenarios/0"), context);
        out.add(new Probe("scenarios[]." + key, inScenario, v, read, expected));
        ObjectNode inDefaults = base();
        ((ObjectNode) inDefaults.at("/scenarios/0")).remove(top);
        inDefaults.set("defaults", parse(context));
        out.add(new Probe("defaults." + key, inDefaults, v, read, expected));
    }

    private static void searchProbe(List<Probe> out, ObjectNode without, String key, Object value, Function<Loaded, Object> read) {
        JsonNode v = JSON.valueToTree(value);
        out.add(new Probe("scenarios[].search." + key, without, v, read, expected(v)));
    }

    private static void seriesProbe(List<Probe> out, ObjectNode without, String key, Object value, Function<Loaded, Object> read) {
        JsonNode v = JSON.valueToTree(value);
        out.add(new Probe("resources.series[]." + key, without, v, read, expected(v)));
    }

    private static void historyProbe(List<Probe> out, ObjectNode without, String key, Object value, Function<Loaded, Object> read) {
        JsonNode v = JSON.valueToTree(value);
        out.add(new Probe("history." + key, without, v, read, expected(v)));
    }

    private static void top(List<Probe> out, String path, Object value, Function<Loaded, Object> read) {
        JsonNode v = JSON.valueToTree(value);
        out.add(new Probe(path, base(), v, read, expected(v)));
    }

    private static void top(List<Probe> out, String path, JsonNode value, Function<Loaded, Object> read, Object expected) {
        out.add(new Probe(path, base(), value, read, expected));
    }

    /** What a setting reads as in the loaded settings: durations as Duration, numbers as the record's type. */
    private static Object expected(JsonNode v) {
        if (v.isTextual() && v.asText().matches("\\d+(\\.\\d+)?(us|ms|s|m|h)")) return Durations.parse(v.asText());
        if (v.isInt()) return v.asInt();
        if (v.isNumber()) return v.asDouble();
        return v.asText();
    }

    /** A schema default as the loader's type, shaped like the value the loader gave. */
    private static Object javaValue(JsonNode def, Object like) {
        if (like instanceof Duration) return Durations.parse(def.asText());
        if (like instanceof Integer) return def.asInt();
        if (like instanceof Double) return def.asDouble();
        if (like instanceof String) return def.asText();
        return JSON.convertValue(def, Object.class);
    }

    /** Every key the schema declares that holds a value rather than more keys: path -> its schema. */
    private static Map<String, JsonNode> leaves() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        walk(SCHEMA.root(), "", out);
        return out;
    }

    private static void walk(JsonNode schema, String prefix, Map<String, JsonNode> out) {
        JsonNode node = SCHEMA.resolve(schema);
        if (node.path("type").asText().equals("array") && SCHEMA.resolve(node.path("items")).has("properties")) {
            walk(node.path("items"), prefix + "[]", out);
            return;
        }
        if (!node.has("properties")) {
            out.put(prefix, node);
            return;
        }
        node.path("properties").fields().forEachRemaining(e -> walk(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out));
    }

    /** Sets a value at a dotted path ("scenarios[].search.from": [] is the first element), making mappings on the way. */
    private static void set(ObjectNode doc, String path, JsonNode value) {
        JsonNode node = doc;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean first = part.endsWith("[]");
            String name = first ? part.substring(0, part.length() - 2) : part;
            if (i == parts.length - 1) {
                ((ObjectNode) node).set(name, value);
                return;
            }
            JsonNode next = node.path(name);
            if (next.isMissingNode()) next = ((ObjectNode) node).putObject(name);
            node = first ? ((ArrayNode) next).get(0) : next;
        }
    }

    private static boolean has(JsonNode doc, String path) {
        JsonNode node = doc;
        for (String part : path.split("\\.")) {
            node = part.endsWith("[]") ? node.path(part.substring(0, part.length() - 2)).path(0) : node.path(part);
        }
        return !node.isMissingNode();
    }

    private static void merge(ObjectNode target, String json) {
        parse(json).fields().forEachRemaining(e -> target.set(e.getKey(), e.getValue()));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static JsonNode text(String s) {
        return JSON.getNodeFactory().textNode(s);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

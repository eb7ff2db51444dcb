package io.pulpperf.throughput.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import io.pulpperf.throughput.run.Clients;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the matrix file and the -D overrides; every mistake is one clear sentence. */
class ConfigLoaderTest {
    private static final String VALID = """
            defaults:
              workload: repository-delete
              concurrency: 4
              timeout: 90s
              thresholds: { minTasksPerSecond: 2, minSuccessRate: 0.95 }
            polling: { interval: 100ms, pageSize: 500 }
            simulator:
              serviceTimes: { general_create: 40ms }
            scenarios:
              - name: a
                workers: 1
                tasks: 10
              - name: b
                workload: distribution-create
                workers: 2
                tasks: 20
                concurrency: 2
                thresholds: { minTasksPerSecond: 5 }
            """;

    @TempDir
    Path dir;

    private SuiteSettings load(String yaml, Map<String, String> props) throws IOException {
        Files.writeString(dir.resolve("m.yaml"), yaml);
        Map<String, String> all = new HashMap<>(props);
        all.putIfAbsent("pulp.config", "m.yaml");
        return new ConfigLoader(all, Map.of(), dir).load();
    }

    private SuiteSettings load(String yaml) throws IOException {
        return load(yaml, Map.of());
    }

    @Test
    void readsScenariosWithDefaults() throws IOException {
        SuiteSettings s = load(VALID);
        assertThat(s.scenarios()).hasSize(2);
        Scenario a = s.scenarios().get(0);
        assertThat(a.workload()).isEqualTo(Workload.REPOSITORY_DELETE);
        assertThat(a.concurrency()).isEqualTo(4);
        assertThat(a.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(a.thresholds()).isEqualTo(new Thresholds(2, 0.95, 0));
        Scenario b = s.scenarios().get(1);
        assertThat(b.workload()).isEqualTo(Workload.DISTRIBUTION_CREATE);
        assertThat(b.thresholds().minTasksPerSecond()).isEqualTo(5);
        assertThat(b.thresholds().minSuccessRate()).as("inherits the default").isEqualTo(0.95);
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.pageSize()).isEqualTo(500);
        assertThat(s.simulator().serviceTimes()).containsEntry("general_create", "40ms");
        assertThat(s.target().isSimulator()).isTrue();
        assertThat(s.cleanup()).isTrue();
    }

    @Test
    void theDefaultMatrixFileIsValidAndHasThreeWorkerCounts() {
        SuiteSettings s = new ConfigLoader(Map.of(), Map.of(), Path.of("")).load();
        assertThat(s.scenarios().stream().map(Scenario::workers).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(s.scenarios().stream().map(Scenario::workload).distinct()).hasSize(2);
    }

    @Test
    void everyShippedMatrixFileIsValid() throws IOException {
        // The matrix files of config/ (accepted-changes.yaml is none: MatrixSchemaTest.shippedFiles says why).
        List<Path> yaml = MatrixSchemaTest.shippedFiles();
        assertThat(yaml).hasSizeGreaterThanOrEqualTo(3);
        for (Path f : yaml) {
            assertThat(new ConfigLoader(Map.of("pulp.config", f.toString()), Map.of(), Path.of("")).load().scenarios())
                    .as(f.toString()).isNotEmpty();
        }
    }

    @Test
    void overridesSelectScenariosAndReplaceCountsAndThresholds() throws IOException {
        SuiteSettings s = load(VALID, Map.of("pulp.scenarios", "b", "pulp.tasks", "7",
                "pulp.minTasksPerSecond", "0.5", "pulp.minSuccessRate", "0.9"));
        assertThat(s.scenarios()).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("b");
            assertThat(b.tasks()).isEqualTo(7);
            assertThat(b.thresholds()).isEqualTo(new Thresholds(0.5, 0.9, 0));
        });
    }

    @Test
    void thresholdOverridesKeepTheFleetAndIngestionThresholds() throws IOException {
        SuiteSettings s = load("""
                scenarios:
                  - {name: f, shape: fleet, fleet: {counts: [2, 5], hold: 10s, interval: 1s}, thresholds: {maxHeartbeatAge: 20s, maxTimeouts: 1}}
                  - {name: i, workload: task-ingestion, workers: 2, tasks: 10, thresholds: {minIngestionRate: 150}}
                """, Map.of("pulp.minSuccessRate", "0.9"));
        Scenario f = s.scenarios().get(0);
        assertThat(f.thresholds().maxHeartbeatAge()).isEqualTo(java.time.Duration.ofSeconds(20));
        assertThat(f.thresholds().maxTimeouts()).isEqualTo(1);
        assertThat(f.workers()).as("the largest count, when workers is left out").isEqualTo(5);
        assertThat(f.toString()).isEqualTo("f: fleet of [2, 5] workers, each held 10 s");
        assertThat(s.scenarios().get(1).thresholds().minIngestionRate()).isEqualTo(150.0);
    }

    @Test
    void fleetBottleneckBarComesFromTheFileOrTheDefaultAndMinusDOverridesItOrSaysWhatIsWrong() throws IOException {
        String yaml = """
                scenarios:
                  - {name: f, shape: fleet, fleet: {counts: [2], hold: 10s, interval: 1s, bottleneckAt: 0.6}}
                  - {name: g, shape: fleet, fleet: {counts: [2], hold: 10s, interval: 1s}}
                """;
        SuiteSettings s = load(yaml);
        assertThat(s.scenarios()).extracting(x -> x.fleet().bottleneckAt()).containsExactly(0.6, FleetSettings.DEFAULT_BOTTLENECK_AT);
        assertThat(load(yaml, Map.of("pulp.fleet.bottleneckAt", "0.95")).scenarios()).extracting(x -> x.fleet().bottleneckAt())
                .containsExactly(0.95, 0.95);
        assertThatThrownBy(() -> load(yaml, Map.of("pulp.fleet.bottleneckAt", "high"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("-Dpulp.fleet.bottleneckAt").hasMessageContaining("expected a number such as 0.8").hasMessageContaining("'high'");
        assertThatThrownBy(() -> load(yaml, Map.of("pulp.fleet.bottleneckAt", "0"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("-Dpulp.fleet.bottleneckAt").hasMessageContaining("must be > 0 and <= 100");
    }

    @Test
    void targetComposesUrlsForDomainsAndOtherApiRoots() throws IOException {
        SuiteSettings s = load(VALID, Map.of("pulp.apiRoot", "https://perf.example/api", "pulp.domain", "perf",
                "pulp.username", "u", "pulp.password", "p"));
        assertThat(s.target().statusUrl()).hasToString("https://perf.example/api/pulp/api/v3/status/");
        assertThat(s.target().v3Root()).hasToString("https://perf.example/api/pulp/perf/api/v3/");
        SuiteSettings t = load(VALID, Map.of("pulp.apiRoot", "https://perf.example", "pulp.apiPath", "/api/pulp/"));
        assertThat(t.target().v3Root()).hasToString("https://perf.example/api/pulp/api/v3/");
        SuiteSettings plain = load(VALID, Map.of("pulp.apiRoot", "http://localhost:8080/"));
        assertThat(plain.target().v3Root()).hasToString("http://localhost:8080/pulp/api/v3/");
    }

    @Test
    void credentialsComeFromEnvironmentWhenNotGivenAsProperties() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), VALID);
        SuiteSettings s = new ConfigLoader(Map.of("pulp.config", "m.yaml", "pulp.apiRoot", "http://localhost:8080"),
                Map.of("PULP_USERNAME", "env-user", "PULP_PASSWORD", "env-secret"), dir).load();
        assertThat(s.target().credentials().username()).isEqualTo("env-user");
        assertThat(s.target().credentials().password()).isEqualTo("env-secret");
        assertThat(s.target().credentials().toString()).doesNotContain("env-secret");
    }

    @Test
    void missingFileNamesTheFileAndTheProperty() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("pulp.config", "nope.yaml"), Map.of(), dir).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.yaml").hasMessageContaining("-Dpulp.config");
    }

    @Test
    void yamlSyntaxErrorGivesTheLine() {
        assertThatThrownBy(() -> load("scenarios:\n  - name: a\n    workers: [1\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("m.yaml").hasMessageContaining("YAML syntax error at line");
    }

    @Test
    void aKeyLeftEmptyByCommentedOutChildrenIsNamedAsEmpty() throws IOException {
        String yaml = "defaults:\n  thresholds:\n    # minTasksPerSecond: 5\nscenarios:\n  - name: a\n    workload: repository-delete\n"
                + "    workers: 1\n    tasks: 10\n    concurrency: 2\n";
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml").hasMessageContaining("defaults.thresholds: empty; remove the key")
                .hasMessageContaining("minTasksPerSecond");
    }

    @Test
    void unknownKeyIsNamedWithItsPathAndTheKnownKeys() {
        assertThatThrownBy(() -> load(VALID.replace("    tasks: 10", "    tasks: 10\n    wrokers: 3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'scenarios[0].wrokers'")
                .hasMessageContaining("workers");
    }

    @Test
    void negativeOrZeroCountsAreRefused() {
        assertThatThrownBy(() -> load(VALID.replace("tasks: 10", "tasks: -5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("scenarios[0].tasks").hasMessageContaining("between 1");
        assertThatThrownBy(() -> load(VALID.replace("workers: 1", "workers: 0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("scenarios[0].workers");
    }

    @Test
    void thresholdsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> load(VALID.replace("minSuccessRate: 0.95", "minSuccessRate: 1.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("minSuccessRate").hasMessageContaining("between 0 and 1");
    }

    @Test
    void unknownWorkloadListsTheKnownOnes() {
        assertThatThrownBy(() -> load(VALID.replace("workload: distribution-create", "workload: sync")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown workload 'sync'")
                .hasMessageContaining("repository-delete");
    }

    @Test
    void badOverridesStopTheRunWithOneSentence() {
        assertThatThrownBy(() -> load(VALID, Map.of("pulp.scenarios", "a,zzz")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("[zzz]").hasMessageContaining("known: a, b");
        assertThatThrownBy(() -> load(VALID, Map.of("pulp.tasks", "-3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("-Dpulp.tasks must be a whole number >= 1");
        assertThatThrownBy(() -> load(VALID, Map.of("pulp.minTasksPerSecond", "fast")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("-Dpulp.minTasksPerSecond must be a number");
        assertThatThrownBy(() -> load(VALID, Map.of("pulp.minSuccessRate", "2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("between 0 and 1");
    }

    @Test
    void apiRootMustBeAnHttpUrlEndingBeforeApiRoot() {
        assertThatThrownBy(() -> load(VALID, Map.of("pulp.apiRoot", "localhost:8080")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("-Dpulp.apiRoot must be an http(s) URL");
        assertThatThrownBy(() -> load(VALID, Map.of("pulp.apiRoot", "http://localhost:8080/pulp/api/v3/")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must stop before Pulp's API_ROOT");
        assertThatThrownBy(() -> load(VALID, Map.of("pulp.apiRoot", "http://localhost:8080", "pulp.apiPath", "api/pulp")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pulp.apiPath must start and end with '/'");
    }

    /** One mistake of issue 7's list: what to change, and where and what the message must name. */
    record BadSetting(String name, UnaryOperator<String> yaml, Map<String, String> props, String file, String key,
                      String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadSetting> badSettings() {
        UnaryOperator<String> same = UnaryOperator.identity();
        return Stream.of(
                new BadSetting("a missing matrix file", same, Map.of("pulp.config", "nope.yaml"), "nope.yaml", "-Dpulp.config",
                        "pass an existing file"),
                new BadSetting("a YAML syntax error", y -> "scenarios:\n  - name: a\n    workers: [1\n", Map.of(), "m.yaml",
                        "YAML syntax error at line 3, column 16", "while parsing a flow sequence: expected ',' or ']', but got <stream end>"),
                new BadSetting("an unknown top-level key", y -> y + "pollng: { interval: 1s }\n", Map.of(), "m.yaml", "'pollng'",
                        "expected one of [defaults, history, limits, logs, polling, resources, scenarios, simulator]"),
                new BadSetting("an unknown key in limits", y -> y + "limits: { readTimout: 5s }\n", Map.of(), "m.yaml",
                        "'limits.readTimout'", "readTimeout"),
                new BadSetting("zero workers", y -> y.replace("workers: 1", "workers: 0"), Map.of(), "m.yaml", "scenarios[0].workers",
                        "expected a whole number between 1 and 10000, got '0'"),
                new BadSetting("a negative task count", y -> y.replace("tasks: 10", "tasks: -5"), Map.of(), "m.yaml",
                        "scenarios[0].tasks", "expected a whole number between 1 and"),
                new BadSetting("zero concurrency", y -> y.replace("concurrency: 2", "concurrency: 0"), Map.of(), "m.yaml",
                        "scenarios[1].concurrency", "expected a whole number between 1 and 10000"),
                new BadSetting("a negative rate", y -> y.replace("tasks: 10", "tasks: 10\n    rate: -5"), Map.of(), "m.yaml",
                        "scenarios[0].rate", "expected a number > 0, got '-5'"),
                new BadSetting("a zero timeout", y -> y.replace("timeout: 90s", "timeout: 0s"), Map.of(), "m.yaml",
                        "scenarios[0].timeout", "expected a duration > 0"),
                new BadSetting("a success rate above 1", y -> y.replace("minSuccessRate: 0.95", "minSuccessRate: 1.5"), Map.of(),
                        "m.yaml", "thresholds.minSuccessRate", "expected a number between 0 and 1"),
                new BadSetting("a negative tasks/s threshold", y -> y.replace("minTasksPerSecond: 2", "minTasksPerSecond: -1"), Map.of(),
                        "m.yaml", "thresholds.minTasksPerSecond", "expected a number >= 0"),
                new BadSetting("a negative lost-task threshold", y -> y.replace("minSuccessRate: 0.95", "minSuccessRate: 0.95, maxLostTasks: -1"),
                        Map.of(), "m.yaml", "thresholds.maxLostTasks", "expected a whole number between 0 and"),
                new BadSetting("zero read tries", y -> y + "limits: { readTries: 0 }\n", Map.of(), "m.yaml", "limits.readTries",
                        "expected a whole number between 1 and 100"),
                new BadSetting("a grace that is no duration", y -> y + "limits: { grace: soon }\n", Map.of(), "m.yaml", "limits.grace",
                        "expected a duration such as"),
                new BadSetting("a scale command without {workers}", same, Map.of("pulp.workers.scaleCommand", "oc scale --replicas=3"),
                        null, "-Dpulp.workers.scaleCommand", "must contain {workers}"),
                new BadSetting("an API root that is not a URL", same, Map.of("pulp.apiRoot", "localhost:8080"), null, "-Dpulp.apiRoot",
                        "must be an http(s) URL such as http://localhost:8080"),
                new BadSetting("an API root without a host", same, Map.of("pulp.apiRoot", "http://"), null, "-Dpulp.apiRoot",
                        "must be an http(s) URL"));
    }

    /**
     * The suite's start as TaskThroughputTest does it: settings first, then the clients (which log
     * in). A bad setting must stop it before any request reaches the server.
     */
    @ParameterizedTest(name = "{0} stops the run before any request")
    @MethodSource("badSettings")
    void aBadSettingStopsTheRunBeforeAnyRequest(BadSetting bad) throws IOException {
        try (PulpSimulator sim = PulpSimulator.start(SimulatorConfig.defaults())) {
            Map<String, String> props = new HashMap<>(Map.of("pulp.apiRoot", sim.baseUrl(), "pulp.username", "admin",
                    "pulp.password", "password"));
            props.putAll(bad.props());
            assertThatThrownBy(() -> Clients.connect(load(bad.yaml().apply(VALID), props)))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> {
                        if (bad.file() != null) assertThat(e.getMessage()).as("names the file").contains(bad.file());
                    })
                    .hasMessageContaining(bad.key()).hasMessageContaining(bad.expected());
            assertThat(sim.requestCount()).as("requests that reached the server").isZero();
        }
    }

    @Test
    void aGoodSettingReachesTheServerSoTheCheckAboveCanFail() throws IOException {
        try (PulpSimulator sim = PulpSimulator.start(SimulatorConfig.defaults())) {
            Clients.connect(load(VALID, Map.of("pulp.apiRoot", sim.baseUrl(), "pulp.username", "admin", "pulp.password", "password")));
            assertThat(sim.requestCount()).as("the login").isPositive();
        }
    }

    @Test
    void limitsAreReadWithDefaultsForWhatIsLeftOut() throws IOException {
        assertThat(load(VALID).limits()).isEqualTo(Limits.defaults());
        Limits l = load(VALID + "limits: { connectTimeout: 2s, readTimeout: 15s, readTries: 6, failedPolls: 9, grace: 30s }\n").limits();
        assertThat(l).isEqualTo(new Limits(Duration.ofSeconds(2), Duration.ofSeconds(15), 6, 9, Duration.ofSeconds(30)));
        assertThat(load(VALID + "limits: { grace: 2m }\n").limits().readTimeout()).isEqualTo(Limits.defaults().readTimeout());
    }

    @Test
    void duplicateScenarioNamesAreRefused() {
        assertThatThrownBy(() -> load(VALID.replace("name: b", "name: a")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'a' is used twice");
    }

    private static final String SEARCH = """
            scenarios:
              - name: cap
                workers: 2
                shape: search
                search: { from: 2, factor: 1.5, max: 500, step: 20s, refine: 3, maxP95Wait: 10s }
                thresholds: { minSustainedRate: 11.5 }
            """;

    @Test
    void readsASearchScenarioWithoutATaskCount() throws IOException {
        Scenario s = load(SEARCH).scenarios().get(0);
        assertThat(s.shape()).isEqualTo(Shape.SEARCH);
        assertThat(s.search()).isEqualTo(new SearchSettings(2, 1.5, 500, Duration.ofSeconds(20), 3, Duration.ofSeconds(10),
                SearchSettings.DEFAULT_TOLERANCE));
        assertThat(s.thresholds().minSustainedRate()).isEqualTo(11.5);
        assertThat(s.search().tasksAt(2)).isEqualTo(40);
        assertThat(s.search().drainLimit()).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void aSearchWithoutItsSettingsOrWithBadOnesIsRefused() {
        assertThatThrownBy(() -> load(SEARCH.replace("search: { from: 2, factor: 1.5, max: 500, step: 20s, refine: 3, maxP95Wait: 10s }", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("shape search needs search:");
        assertThatThrownBy(() -> load(SEARCH.replace("factor: 1.5", "factor: 1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search.factor must be > 1");
        assertThatThrownBy(() -> load(SEARCH.replace("step: 20s, ", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("scenarios[0].search.step: missing");
        assertThatThrownBy(() -> load(SEARCH.replace("refine: 3", "refines: 3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'scenarios[0].search.refines'");
        assertThatThrownBy(() -> load(SEARCH.replace("shape: search", "shape: steady\n    tasks: 5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search: is only for shape search");
    }
}

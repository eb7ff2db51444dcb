package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.pulp.PulpStatus;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** environment.properties, categories.json and executor.json: context without secrets. */
class AllureContextFilesTest {
    @TempDir
    Path dir;

    private static final Map<String, String> GITHUB = Map.of("GITHUB_ACTIONS", "true", "GITHUB_SERVER_URL", "https://github.com",
            "GITHUB_REPOSITORY", "pulp/perf-suite", "GITHUB_RUN_ID", "1234567", "GITHUB_RUN_NUMBER", "42",
            "GITHUB_WORKFLOW", "nightly");

    @Test
    void executorLinksTheWorkflowRunInGitHubActions() {
        Map<String, Object> e = AllureContextFiles.executor(GITHUB).orElseThrow();
        assertThat(e).containsEntry("name", "GitHub Actions").containsEntry("type", "github")
                .containsEntry("url", "https://github.com/pulp/perf-suite/actions")
                .containsEntry("buildUrl", "https://github.com/pulp/perf-suite/actions/runs/1234567")
                .containsEntry("buildName", "nightly #42").containsEntry("buildOrder", 42L);
    }

    @Test
    void noExecutorOutsideGitHubActions() throws Exception {
        assertThat(AllureContextFiles.executor(Map.of("GITHUB_RUN_ID", "1"))).isEmpty();
        AllureContextFiles.write(dir, Map.of("date", "x"), Map.of());
        assertThat(dir.resolve("executor.json")).doesNotExist();
        assertThat(dir.resolve("categories.json")).exists();
        assertThat(dir.resolve("environment.properties")).exists();
    }

    @Test
    void writesAllThreeInGitHubActions() throws Exception {
        AllureContextFiles.write(dir, Map.of("date", "x"), GITHUB);
        assertThat(Files.readString(dir.resolve("executor.json"))).contains("\"buildUrl\" : \"https://github.com/pulp/perf-suite/actions/runs/1234567\"");
        assertThat(Files.readString(dir.resolve("categories.json"))).isEqualTo(AllureContextFiles.categories());
    }

    @Test
    void environmentHasTheTargetWithoutCredentialsAndEverythingARunIsJudgedBy() throws Exception {
        Target target = new Target(URI.create("https://perf:s3cr3t@perf.example:8443"), "/api/pulp/", "perf",
                new Credentials("perf", "s3cr3t"));
        PulpStatus status = new PulpStatus(Map.of("core", "3.105.16", "file", "3.105.16"), List.of("w1", "w2"), List.of("a1"),
                List.of("c1", "c2", "c3"), true, true);
        Baseline baseline = new Baseline(Path.of("last/results.json"), 0.1, Map.of());
        Map<String, Object> context = RunContext.of(target, false, status, Path.of("config/nightly.yaml"), Optional.of(baseline));
        String text = AllureContextFiles.environment(context);
        assertThat(text).doesNotContain("s3cr3t");
        Properties p = new Properties();
        p.load(new StringReader(text));
        assertThat(p).containsEntry("target", "https://perf.example:8443").containsEntry("simulator", "false")
                .containsEntry("pulp.core", "3.105.16").containsEntry("pulp.file", "3.105.16")
                .containsEntry("onlineWorkersAtStart", "2").containsEntry("onlineApiApps", "1").containsEntry("onlineContentApps", "3")
                .containsEntry("domain", "perf").containsEntry("baseline", "last/results.json").containsEntry("baselineTolerance", "0.1")
                .containsKeys("java", "suiteVersion", "date", "config");
    }

    @Test
    void environmentNamesTheSimulatorPlainly() throws Exception {
        Target target = new Target(URI.create("http://127.0.0.1:41234"), "/pulp/", null, Credentials.none());
        Properties p = new Properties();
        p.load(new StringReader(AllureContextFiles.environment(RunContext.of(target, true, null, Path.of("m.yaml"), Optional.empty()))));
        assertThat(p).containsEntry("target", RunContext.SIMULATOR_LABEL).containsEntry("simulator", "true");
    }

    @Test
    void environmentEscapesKeysAndValuesSoPropertiesReadThemBack() throws Exception {
        String text = AllureContextFiles.environment(new java.util.LinkedHashMap<>(Map.of("a key=with:odd", "line\nbreak é")));
        Properties p = new Properties();
        p.load(new StringReader(text));
        assertThat(p).containsEntry("a key=with:odd", "line\nbreak é");
    }

    @Test
    void redactDropsUserInfoQueryAndFragment() {
        assertThat(Redact.url(URI.create("https://u:p@host:8443/x/?token=y#f"))).isEqualTo("https://host:8443/x/");
        assertThat(Redact.url(URI.create("http://localhost:8080"))).isEqualTo("http://localhost:8080");
        assertThat(Redact.url(null)).isEqualTo("-");
    }
}

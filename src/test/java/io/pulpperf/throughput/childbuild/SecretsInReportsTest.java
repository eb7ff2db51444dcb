package io.pulpperf.throughput.childbuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.SecretProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The main job as a user starts it ({@code mvn -o -B test -Dpulp.password=...}), in a child
 * Maven build of a copy of this project, with a distinct sentinel in every secret property: no
 * sentinel may be left in any file under the child's {@code target/} or {@code allure-results/}
 * (Surefire's XML reports, its temporary files and dump streams, Allure results, raw data), nor
 * on its console, whether the scenario passes or fails. Skipped without {@code mvn} on PATH,
 * unless {@code PULP_REQUIRE_CHILD_MAVEN_TESTS=true} (CI), which makes it fail instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Secrets given as -D to mvn test are in no report or file of the build")
class SecretsInReportsTest {
    private static final List<String> SCANNED = List.of("target", "allure-results");
    private static final String REPORT = "target/surefire-reports/TEST-io.pulpperf.throughput.TaskThroughputTest.xml";
    private static final int BUILD_MINUTES = 5;
    /** A property that is no secret: Surefire must still report it, so the scan is known to read where leaks land. */
    private static final String MARKER = "pulp.secretsTest.marker";

    private ChildMaven child;

    @BeforeAll
    void copyProject() throws IOException {
        Optional<Path> mvn = ChildMaven.mvnOnPath();
        if (mvn.isEmpty()) {
            String reason = "no mvn on PATH, so no child Maven build can run";
            if (ChildMaven.required()) throw new AssertionError(ChildMaven.REQUIRE_ENV + "=true but " + reason);
            Assumptions.abort(reason + "; set " + ChildMaven.REQUIRE_ENV + "=true to fail instead of skipping");
        }
        child = ChildMaven.copyOfThisProject(mvn.get());
    }

    @AfterAll
    void deleteCopy() throws IOException {
        if (child != null) child.close();
    }

    @Test
    @DisplayName("a scenario that fails its threshold: its report keeps Surefire's properties, without the secrets")
    void failingScenario() throws Exception {
        Map<String, String> sentinels = sentinels();
        String marker = "marker-" + UUID.randomUUID();
        ChildMaven.Result result = build(sentinels, List.of("-Dpulp.minTasksPerSecond=1000000000", "-D" + MARKER + "=" + marker));

        String report = report(result, sentinels);
        assertThat(result.exitCode()).as("exit code of the failing build").isNotZero();
        assertThat(count(report, "failures")).as("failed tests in " + REPORT).isPositive();
        assertThat(report).as(REPORT + " lists the system properties (with -D" + MARKER + ")").contains(marker);
        assertNoLeaks(result, sentinels);
    }

    @Test
    @DisplayName("a scenario that passes")
    void passingScenario() throws Exception {
        Map<String, String> sentinels = sentinels();
        // No throughput floor: a busy machine must not turn this run into the failing case.
        ChildMaven.Result result = build(sentinels, List.of("-Dpulp.minTasksPerSecond=0"));

        String report = report(result, sentinels);
        assertThat(result.exitCode()).as("exit code of the passing build; console:%n%s", tail(result, sentinels)).isZero();
        assertThat(count(report, "tests")).as("tests in " + REPORT).isPositive();
        assertThat(count(report, "failures") + count(report, "errors") + count(report, "skipped")).as("failed, broken or skipped tests").isZero();
        assertNoLeaks(result, sentinels);
    }

    /** A distinct sentinel for every secret property, the ones not yet read by any loader included. */
    private static Map<String, String> sentinels() {
        Map<String, String> sentinels = new LinkedHashMap<>();
        for (String name : SecretProperties.NAMES) sentinels.put(name, "SENTINEL-" + UUID.randomUUID());
        return sentinels;
    }

    private ChildMaven.Result build(Map<String, String> sentinels, List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-o", "-B", "test", ChildMaven.NO_RECOMPILE, "-Dpulp.scenarios=repo-delete-1w",
                "-Dpulp.tasks=20", "-Dpulp.username=admin"));
        sentinels.forEach((name, value) -> args.add("-D" + name + "=" + asValue(name, value)));
        args.addAll(extra);
        return child.run(args, BUILD_MINUTES);
    }

    /** Header lists take {@code Name: value}; the sentinel is the value, as a real secret would be. */
    private static String asValue(String name, String sentinel) {
        return name.endsWith("headers") ? "X-Secrets-Test: " + sentinel : sentinel;
    }

    private String report(ChildMaven.Result result, Map<String, String> sentinels) throws IOException {
        Path file = child.project().resolve(REPORT);
        assertThat(file).as("the scenario's Surefire report; console:%n%s", tail(result, sentinels)).isRegularFile();
        return Files.readString(file);
    }

    private void assertNoLeaks(ChildMaven.Result result, Map<String, String> sentinels) throws IOException {
        List<String> leaks = SentinelScan.leaks(child.project(), SCANNED, sentinels);
        assertThat(leaks).as("files of the child build holding a secret").isEmpty();
        List<String> onConsole = sentinels.entrySet().stream().filter(e -> result.console().contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        assertThat(onConsole).as("secret properties printed on the child build's console").isEmpty();
    }

    /** The console's last lines, each sentinel replaced by its property's name. */
    private static String tail(ChildMaven.Result result, Map<String, String> sentinels) {
        List<String> lines = result.console().lines().toList();
        return SentinelScan.masked(String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())), sentinels);
    }

    /** The {@code name="N"} attribute of the report's testsuite element. */
    private static int count(String report, String name) {
        Matcher m = Pattern.compile("<testsuite [^>]*\\b" + name + "=\"(\\d+)\"").matcher(report);
        assertThat(m.find()).as("attribute " + name + " of <testsuite>").isTrue();
        return Integer.parseInt(m.group(1));
    }
}

package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The presets whose real sources cannot run here (kubernetes, rds, rds-proxy, pulp-otel,
 * pgbouncer), checked by Prometheus's own {@code promtool test rules}: the files under
 * src/test/resources/promtool/ hold input series with the exporters' exact metric and label names
 * and the values each query must return; every {@code expr: PRESET p / name} line is replaced by
 * that preset query as shipped. Skipped without promtool unless PULP_REQUIRE_PROMETHEUS_TESTS=true.
 */
@DisplayName("Presets evaluated by promtool against the exporters' series")
class PresetsPromtoolTest {
    private static final Pattern PRESET_LINE = Pattern.compile("(?m)^(\\s*- expr: )PRESET (\\S+) / (.+?)(?: WITH (\\S+))?\\s*$");
    private static final Map<String, String> PLACEHOLDERS = Map.of("namespace", "pulp-perf", "db_instance", "pulp-db",
            "proxy_name", "pulp-proxy");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kubernetes.yml", "rds.yml", "pulp-otel.yml"})
    void presetQueriesReturnTheExpectedValues(String file) throws Exception {
        String input = Files.readString(Path.of("src/test/resources/promtool", file));
        Result r = promtool(filled(input));
        assertThat(r.exitCode).as("promtool test rules on %s:%n%s", file, r.output).isZero();
        assertThat(r.output).contains("SUCCESS");
    }

    @Test
    @DisplayName("the harness fails when a preset query returns another value (so the tests above can fail)")
    void aWrongExpectationFails() throws Exception {
        String input = Files.readString(Path.of("src/test/resources/promtool/kubernetes.yml")).replace("value: 1.5}", "value: 1.6}");
        Result r = promtool(filled(input));
        assertThat(r.exitCode).isNotZero();
        assertThat(r.output).contains("FAILED").contains("container_cpu_usage_seconds_total");
    }

    @Test
    @DisplayName("every preset query of the files is one the presets ship")
    void everyMarkerNamesAShippedQuery() throws IOException {
        for (String f : List.of("kubernetes.yml", "rds.yml", "pulp-otel.yml")) {
            assertThat(filled(Files.readString(Path.of("src/test/resources/promtool", f)))).doesNotContainPattern("- expr: PRESET");
        }
    }

    /** The file with every PRESET marker replaced by the shipped query, single-quoted for YAML. */
    static String filled(String input) {
        Matcher m = PRESET_LINE.matcher(input);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Map<String, String> values = new HashMap<>(PLACEHOLDERS);
            if (m.group(4) != null) {
                for (String kv : m.group(4).split(",")) values.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            ResourcesConfig config = new ResourcesConfig("test", List.of(m.group(2)), List.of(), values, Map.of());
            String expr = config.queries(Duration.ofSeconds(15)).stream().filter(q -> q.name().equals(m.group(3))).findFirst()
                    .orElseThrow(() -> new AssertionError("preset " + m.group(2) + " has no query '" + m.group(3) + "'")).expr();
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "'" + expr.replace("'", "''") + "'"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private record Result(int exitCode, String output) {}

    private static Result promtool(String content) throws Exception {
        Path file = Files.createTempFile("preset-test", ".yml");
        try {
            Files.writeString(file, content);
            ProcessBuilder pb = new ProcessBuilder("promtool", "test", "rules", file.toString()).redirectErrorStream(true);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                boolean required = "true".equals(System.getenv(TestPrometheus.REQUIRE_ENV));
                if (required) throw new AssertionError(TestPrometheus.REQUIRE_ENV + "=true but promtool cannot run: " + e.getMessage());
                Assumptions.abort("promtool is not installed (Debian package prometheus; .ci/prometheus.sh installs it): " + e.getMessage());
                return null;
            }
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
                throw new AssertionError("promtool did not finish within 60 s");
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.config.ConfigLoader;
import io.pulpperf.throughput.report.GrafanaLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resources: section, -Dpulp.resources*, -Dpulp.prometheus.* and -Dpulp.grafana.url: values and error messages. */
@DisplayName("Resource settings: matrix file section, presets, placeholders, Prometheus and Grafana properties")
class ResourcesSettingsTest {
    private static final String SCENARIOS = "scenarios:\n  - {name: a, workers: 1, tasks: 10}\n";
    @TempDir
    Path dir;

    private ResourcesConfig resources(String yaml, Map<String, String> props) throws Exception {
        Files.writeString(dir.resolve("m.yaml"), SCENARIOS + yaml);
        Map<String, String> all = new HashMap<>(props);
        all.put("pulp.config", "m.yaml");
        return ResourcesSection.of(new ConfigLoader(all, Map.of(), dir));
    }

    @Test
    void fileSeriesPresetsPlaceholdersAndThresholds() throws Exception {
        ResourcesConfig c = resources("""
                resources:
                  presets: [kubernetes]
                  placeholders: {namespace: pulp-perf}
                  thresholds: {"API CPU": 4}
                  series:
                    - {name: DB CPU, query: 'max(rds_cpu{db="{db}"})', unit: percent, role: database, max: 90}
                """, Map.of("pulp.resources.db", "pulp-db"));
        List<ResourceQuery> q = c.queries(Duration.ofSeconds(15));
        assertThat(q).hasSize(10);
        assertThat(q.get(0).name()).isEqualTo("API CPU");
        assertThat(q.get(0).expr()).isEqualTo("sum(rate(container_cpu_usage_seconds_total{namespace=\"pulp-perf\", pod=~\"pulp-api-.*\", "
                + "container!=\"\", container!=\"POD\"}[60s]))");
        assertThat(q.get(0).max()).as("thresholds: by series name").isEqualTo(4.0);
        ResourceQuery own = q.get(9);
        assertThat(own).isEqualTo(new ResourceQuery("DB CPU", "max(rds_cpu{db=\"pulp-db\"})", ResourceUnit.PERCENT, ResourceRole.DATABASE,
                90.0, null, "file"));
        assertThat(c.queries(Duration.ofSeconds(1)).get(0).expr()).as("rate window = 4 scrape intervals").contains("[4s]");
    }

    @Test
    void presetsPropertyReplacesTheFilesAndPlaceholderPropertiesWin() throws Exception {
        ResourcesConfig c = resources("resources:\n  presets: [kubernetes]\n  placeholders: {db_name: from-file}\n",
                Map.of("pulp.resources", "postgres-exporter, process-exporter", "pulp.resources.db_name", "from-property"));
        assertThat(c.presets()).containsExactly("postgres-exporter", "process-exporter");
        assertThat(c.queries(Duration.ofSeconds(1)).get(1).expr()).as("DB connections").isEqualTo("sum(pg_stat_activity_count{datname=~\"from-property\"})");
        assertThat(resources("", Map.of()).isEmpty()).as("no section, no property: nothing to read").isTrue();
    }

    @Test
    void errorsNameTheFileTheKeyAndWhatIsExpected() throws Exception {
        String file = dir.resolve("m.yaml").toString();
        assertThatThrownBy(() -> resources("resources:\n  presets: [kubernetes]\n", Map.of()).queries(Duration.ofSeconds(1)))
                .isInstanceOf(ConfigException.class).hasMessage(file + ": preset kubernetes (API CPU): placeholder {namespace} is not set; "
                        + "set it under resources.placeholders.namespace or with -Dpulp.resources.namespace=...");
        assertThatThrownBy(() -> resources("", Map.of("pulp.resources", "kubernetes,nope")))
                .hasMessage("-Dpulp.resources: unknown preset 'nope'; expected one of [kubernetes, rds, postgres-exporter, process-exporter, "
                        + "pulp-otel, pgbouncer, rds-proxy]");
        assertThatThrownBy(() -> resources("resources:\n  series:\n    - {name: x, query: up, unit: watts}\n", Map.of()))
                .hasMessage(file + ": resources.series[0].unit: expected one of cores, bytes, percent, count, seconds, got 'watts'");
        assertThatThrownBy(() -> resources("resources:\n  series:\n    - {name: x, unit: count}\n", Map.of()))
                .hasMessage(file + ": resources.series[0].query: missing; expected a PromQL expression");
        assertThatThrownBy(() -> resources("resources:\n  series:\n    - {name: x, query: up, unit: count, role: db}\n", Map.of()))
                .hasMessage(file + ": resources.series[0].role: expected one of api, worker, content, database, other, got 'db'");
        assertThatThrownBy(() -> resources("resources:\n  series:\n    - {name: x, query: up, unit: count, max: lots}\n", Map.of()))
                .hasMessage(file + ": resources.series[0].max: expected a number (the highest allowed peak), got 'lots'");
        assertThatThrownBy(() -> resources("resources:\n  query: up\n", Map.of()))
                .hasMessage(file + ": unknown key 'resources.query'; expected one of [placeholders, presets, series, thresholds]");
    }

    @Test
    void prometheusSettingsKeepSecretsOutOfTextAndRejectMistakes() {
        assertThat(PromSettingsLoader.load(Map.of(), Map.of(), dir)).isEmpty();
        PromSettings s = PromSettingsLoader.load(Map.of("pulp.prometheus.url", "https://thanos.example:9091/", "pulp.prometheus.headers",
                "X-Scope-OrgID: tenant-secret"), Map.of("PULP_PROMETHEUS_TOKEN", "tok-secret"), dir).orElseThrow();
        assertThat(s.url().toString()).isEqualTo("https://thanos.example:9091");
        assertThat(s.token()).isEqualTo("tok-secret");
        assertThat(s.scrapeInterval()).as("not set: asked from Prometheus").isNull();
        assertThat(s.toString()).contains("bearer").contains("X-Scope-OrgID").doesNotContain("tok-secret").doesNotContain("tenant-secret");
        assertThatThrownBy(() -> PromSettingsLoader.load(Map.of("pulp.prometheus.url", "http://u:pw-secret@host:9090"), Map.of(), dir))
                .hasMessageStartingWith("-Dpulp.prometheus.url must be an http(s) URL without credentials").satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain("pw-secret"));
        assertThatThrownBy(() -> PromSettingsLoader.load(Map.of("pulp.prometheus.url", "http://h:9090", "pulp.prometheus.token", "t",
                "pulp.prometheus.username", "u", "pulp.prometheus.password", "p"), Map.of(), dir)).hasMessageContaining("not both");
        assertThatThrownBy(() -> PromSettingsLoader.load(Map.of("pulp.prometheus.url", "http://h:9090", "pulp.prometheus.headers",
                "no-colon-secret"), Map.of(), dir)).hasMessageEndingWith("part 1 has no valid 'Name:'");
        assertThatThrownBy(() -> PromSettingsLoader.load(Map.of("pulp.prometheus.url", "http://h:9090", "pulp.prometheus.scrapeInterval",
                "1"), Map.of(), dir)).hasMessage("-Dpulp.prometheus.scrapeInterval must be a duration of at least 100ms such as 1s, 15s or 1m, was '1'");
    }

    @Test
    void grafanaLinkCarriesTheWindowInEpochMillis() {
        GrafanaLink g = GrafanaLink.of("https://grafana.example/d/abc/pulp?orgId=1&from=now-6h&to=now&var-ns=perf#panel").orElseThrow();
        assertThat(g.url(Instant.ofEpochMilli(1_700_000_000_000L), Instant.ofEpochMilli(1_700_000_060_500L)))
                .isEqualTo("https://grafana.example/d/abc/pulp?orgId=1&var-ns=perf&from=1700000000000&to=1700000060500#panel");
        assertThat(GrafanaLink.of(" ")).isEmpty();
        assertThatThrownBy(() -> GrafanaLink.of("grafana.example/d/abc")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("-Dpulp.grafana.url must be an http(s) URL");
    }
}

package io.pulpperf.throughput.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's {@code disruptions:} and the disruption thresholds, read and checked (issue 28). */
class DisruptionConfigTest {
    @TempDir
    Path dir;

    private Scenario load(String scenarioYaml) throws IOException {
        Files.writeString(dir.resolve("m.yaml"), "scenarios:\n  - name: a\n    workers: 2\n    tasks: 20\n" + scenarioYaml);
        return new ConfigLoader(Map.of("pulp.config", "m.yaml"), Map.of(), dir).load().scenarios().get(0);
    }

    @Test
    void readsSeveralDisruptionsAtATimeOrAfterACountAndTheirThresholds() throws IOException {
        Scenario s = load("""
                    thresholds: { maxRecoverySeconds: 60, maxFailedByDisruption: 2 }
                    disruptions:
                      - name: db-failover
                        at: 20s
                        command: "aws rds reboot-db-instance --db-instance-identifier pulp --force-failover"
                        timeout: 2m
                      - name: worker-kill
                        after: 500 tasks completed
                        command: "oc delete pod -l app=pulp-worker --wait=false"
                        window: 30s
                        tolerance: 0.2
                """);
        assertThat(s.disruptions()).hasSize(2);
        Disruption a = s.disruptions().get(0);
        assertThat(a.at()).isEqualTo(Duration.ofSeconds(20));
        assertThat(a.afterCompleted()).isNull();
        assertThat(a.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.window()).isEqualTo(Disruption.DEFAULT_WINDOW);
        assertThat(a.when()).isEqualTo("+20 s");
        Disruption b = s.disruptions().get(1);
        assertThat(b.afterCompleted()).isEqualTo(500);
        assertThat(b.when()).isEqualTo("after 500 tasks completed");
        assertThat(b.window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.tolerance()).isEqualTo(0.2);
        assertThat(b.timeout()).isEqualTo(Disruption.DEFAULT_TIMEOUT);
        assertThat(s.thresholds().maxRecoverySeconds()).isEqualTo(60.0);
        assertThat(s.thresholds().maxFailedByDisruption()).isEqualTo(2);
    }

    @Test
    void aScenarioWithoutDisruptionsHasNone() throws IOException {
        assertThat(load("").disruptions()).isEmpty();
        assertThat(load("").thresholds().maxRecoverySeconds()).isNull();
    }

    @Test
    void badDisruptionsAreNamedWithTheirPlaceAndWhatToWrite() {
        assertThatThrownBy(() -> load("""
                    disruptions:
                      - name: x
                        at: 20s
                        after: 5
                        command: "true"
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("scenarios[0].disruptions[0]")
                .hasMessageContaining("give exactly one of at (e.g. 20s) and after (e.g. 500 tasks completed)");
        assertThatThrownBy(() -> load("""
                    disruptions:
                      - name: x
                        at: 20s
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("command");
        assertThatThrownBy(() -> load("""
                    disruptions:
                      - name: x
                        after: soon
                        command: "true"
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> load("""
                    shape: fleet
                    fleet: { counts: [1, 2] }
                    disruptions:
                      - { name: x, at: 1s, command: "true" }
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("disruptions are for the steady and backlog shapes");
        assertThatThrownBy(() -> load("""
                    disruptions:
                      - { name: x, at: 1s, command: "true" }
                      - { name: x, at: 2s, command: "true" }
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("each disruption needs its own name");
    }
}

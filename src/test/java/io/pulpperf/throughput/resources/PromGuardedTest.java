package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Credentials against a real Prometheus that asks for basic auth (its --web.config.file, started by
 * .ci/prometheus.sh beside the open one): the right ones read, wrong ones stop the run before load
 * with a message that names what was sent and never the secret itself.
 */
@RequiresPrometheus
@DisplayName("Prometheus reader on a real Prometheus with basic auth")
class PromGuardedTest {
    private static final ResourcesConfig ONE_QUERY = new ResourcesConfig("test", List.of(),
            List.of(new ResourceQuery("node CPU", "sum(rate(node_cpu_seconds_total{mode!=\"idle\"}[1m]))", ResourceUnit.CORES,
                    ResourceRole.API, null, null, "file")), Map.of(), Map.of());
    private TestPrometheus.Guarded guarded;

    @BeforeEach
    void setUp() {
        guarded = TestPrometheus.Guarded.fromEnvironment();
        if (guarded == null && TestPrometheus.fromEnvironment().required) {
            throw new AssertionError("PULP_TEST_PROMETHEUS_GUARDED_URL is not set: start Prometheus with .ci/prometheus.sh");
        }
        Assumptions.assumeTrue(guarded != null, "no guarded Prometheus (PULP_TEST_PROMETHEUS_GUARDED_URL): .ci/prometheus.sh starts one");
    }

    @Test
    @DisplayName("the right basic credentials read series")
    void rightCredentialsRead() {
        PromClient client = new PromClient(guarded.settings(null, guarded.username(), guarded.password()));
        assertThat(client.instant("up")).isNotEmpty();
        assertThat(new PromObserver(guarded.settings(null, guarded.username(), guarded.password()), ONE_QUERY).preflight())
                .contains("Reading 1 resource queries");
    }

    @Test
    @DisplayName("a wrong password stops the run before load, without either password in the message")
    void wrongPasswordIsRefused() {
        String wrong = "wrong-" + UUID.randomUUID();
        PromObserver observer = new PromObserver(guarded.settings(null, guarded.username(), wrong), ONE_QUERY);
        assertThatThrownBy(observer::preflight).isInstanceOf(PromUnavailableException.class)
                .hasMessageContaining("refused the credentials (HTTP 401, basic auth as " + guarded.username() + ")")
                .hasMessageContaining("query 'node CPU'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(guarded.password()));
    }

    @Test
    @DisplayName("a bearer token, which Prometheus's own auth does not take, is refused without the token in the message")
    void tokenIsRefused() {
        String token = "tok-" + UUID.randomUUID();
        PromObserver observer = new PromObserver(guarded.settings(token, null, null), ONE_QUERY);
        assertThatThrownBy(observer::preflight).isInstanceOf(PromUnavailableException.class)
                .hasMessageContaining("refused the credentials (HTTP 401, bearer token)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    @DisplayName("no credentials: refused, and the message says none were given")
    void noCredentialsAreRefused() {
        PromObserver observer = new PromObserver(guarded.settings(null, null, null), ONE_QUERY);
        assertThatThrownBy(observer::preflight).isInstanceOf(PromUnavailableException.class)
                .hasMessageContaining("refused the credentials (HTTP 401, no credentials given)");
    }
}

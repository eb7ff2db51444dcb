package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every knob from {@code -Dsim.*} properties, and the API latency knob's effect. */
@DisplayName("Simulator knobs from properties and code")
class SimulatorConfigTest {

    @Test
    void everyPropertyIsRead() {
        Properties p = new Properties();
        p.setProperty("sim.port", "0");
        p.setProperty("sim.workers", "5");
        p.setProperty("sim.username", "ops");
        p.setProperty("sim.password", "s3cret");
        p.setProperty("sim.apiPath", "/api/pulp/");
        p.setProperty("sim.domainEnabled", "true");
        p.setProperty("sim.serviceTime", "7ms");
        p.setProperty("sim.serviceTime.general_create", "exp:40ms");
        p.setProperty("sim.failureRate", "0.1");
        p.setProperty("sim.seed", "99");
        p.setProperty("sim.apiLatency", "3ms");
        p.setProperty("sim.testEndpoints", "false");
        p.setProperty("sim.testEndpointDuration", "2s");
        p.setProperty("sim.testDispatchInterval", "20ms");
        p.setProperty("sim.stallWithoutWorkers", "true");
        p.setProperty("sim.echoCorrelationId", "false");
        p.setProperty("sim.token", "tok3n");
        SimulatorConfig c = SimulatorConfig.fromProperties(p);
        assertThat(c.port()).isZero();
        assertThat(c.workers()).isEqualTo(5);
        assertThat(c.username()).isEqualTo("ops");
        assertThat(c.password()).isEqualTo("s3cret");
        assertThat(c.apiPath()).isEqualTo("/api/pulp/");
        assertThat(c.domainEnabled()).isTrue();
        assertThat(c.defaultServiceTime()).isEqualTo("7ms");
        assertThat(c.serviceTimes()).containsEntry("general_create", "exp:40ms").containsEntry("no_op_task", "300ms");
        assertThat(c.failureRate()).isEqualTo(0.1);
        assertThat(c.seed()).isEqualTo(99);
        assertThat(c.apiLatency()).isEqualTo(Duration.ofMillis(3));
        assertThat(c.testEndpoints()).isFalse();
        assertThat(c.testEndpointDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.testDispatchInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(c.stallWithoutWorkers()).isTrue();
        assertThat(c.echoCorrelationId()).isFalse();
        assertThat(c.token()).isEqualTo("tok3n");
        assertThat(c.toString()).doesNotContain("s3cret").doesNotContain("tok3n");
    }

    @Test
    void defaultsAreTheStandaloneOnes() {
        SimulatorConfig c = SimulatorConfig.fromProperties(new Properties());
        assertThat(c.port()).isEqualTo(24817);
        assertThat(c.workers()).isEqualTo(2);
        assertThat(c.username()).isEqualTo("admin");
        assertThat(c.password()).isEqualTo("password");
        assertThat(c.faults()).isEqualTo(FaultPlan.none());
        assertThat(c.echoCorrelationId()).isTrue();
        assertThat(c.token()).isNull();
    }

    @Test
    void badValuesAreRejectedWithTheirName() {
        Properties p = new Properties();
        p.setProperty("sim.serviceTime.general_create", "soon");
        assertThatThrownBy(() -> SimulatorConfig.fromProperties(p)).hasMessageContaining("soon");
        assertThatThrownBy(() -> SimulatorConfig.defaults().withFailureRate(2)).hasMessageContaining("sim.failureRate");
        assertThatThrownBy(() -> SimulatorConfig.defaults().withTestDispatchInterval(Duration.ZERO)).hasMessageContaining("testDispatchInterval");
    }

    @Test
    void apiLatencyDelaysEveryAnswerByAtLeastTheConfiguredTime() {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withApiLatency(Duration.ofMillis(60)))) {
            s.anonymous().get("/pulp/api/v3/status/");  // warm up the client
            long start = System.nanoTime();
            s.anonymous().get("/pulp/api/v3/status/").then().statusCode(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        }
    }
}

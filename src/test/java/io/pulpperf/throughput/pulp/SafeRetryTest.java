package io.pulpperf.throughput.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.sim.FaultPlan;
import io.pulpperf.throughput.sim.FaultPlan.Kind;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Writes the suite repeats (fixture creates, cleanup deletes) and the endpoint check, against a
 * simulator whose faults hit them: retried like reads, and a create never made twice.
 */
@DisplayName("Fixture creates, deletes and the endpoint check are retried safely")
class SafeRetryTest {
    private static final String REPOS = "repositories/file/file/";
    private PulpSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) sim.close();
    }

    private PulpClient client(FaultPlan faults, Duration readTimeout, int tries) {
        sim = PulpSimulator.start(SimulatorConfig.defaults().withDefaultServiceTime("1ms").withFaults(faults));
        return new PulpClient(new Target(URI.create(sim.baseUrl()), "/pulp/", null, new Credentials("admin", "password")),
                Duration.ofSeconds(2), readTimeout, new RetryPolicy(tries, Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofSeconds(1)));
    }

    private long named(String name) {
        return sim.objectNames().stream().filter(name::equals).count();
    }

    @Test
    void aCreateWhoseAnswersComePastTheTimeoutIsMadeOnceAndFound() {
        // Every POST is held 400 ms, then handled: the client (200 ms) never sees an answer, yet the first one creates.
        FaultPlan held = FaultPlan.of(1.0, Kind.SLOW_ANSWER).withTargets(FaultPlan.Target.DISPATCH)
                .withSlowFor(Duration.ofMillis(400));
        PulpClient c = client(held, Duration.ofMillis(200), 6);
        String href = c.createRepository("held-once");
        assertThat(href).matches("/pulp/api/v3/repositories/file/file/[0-9a-f-]{36}/");
        assertThat(c.findByName(REPOS, "held-once")).contains(href);
        assertThat(named("held-once")).as("one repository of that name").isEqualTo(1);
        assertThat(c.counter().retries()).as("the create was tried again after no answer").isPositive();
    }

    @Test
    void aCreateAnsweredWithABrokenBodyIsLookedUpNotMadeAgain() {
        // The request is handled, then its 201 body cut in half: the object exists, and the lookup finds it.
        PulpClient c = client(FaultPlan.of(1.0, Kind.MALFORMED_JSON).withTargets(FaultPlan.Target.DISPATCH),
                Duration.ofSeconds(5), 4);
        String href = c.createRepository("broken-body");
        assertThat(c.counter().requests()).as("one POST, one lookup: no second POST").isEqualTo(2);
        assertThat(c.findByName(REPOS, "broken-body")).contains(href);
        assertThat(named("broken-body")).isEqualTo(1);
    }

    @Test
    void a503BeforeTheCreateIsRetriedAndThenCreates() {
        // Seed 4098: the first write gets a 503 (no side effect), the second goes through.
        PulpClient c = client(FaultPlan.of(0.5, Kind.SERVER_ERROR).withTargets(FaultPlan.Target.DISPATCH).withSeed(4098),
                Duration.ofSeconds(5), 4);
        c.createRepository("after-503");
        assertThat(sim.injectedFaults()).containsEntry(Kind.SERVER_ERROR, 1L);
        assertThat(named("after-503")).isEqualTo(1);
    }

    @Test
    void aDeleteAnswered503IsRetriedAndA404MeansGone() {
        PulpClient c = client(FaultPlan.none(), Duration.ofSeconds(5), 4);
        String href = c.createRepository("to-delete");
        sim.setFaultPlan(FaultPlan.of(0.5, Kind.SERVER_ERROR).withTargets(FaultPlan.Target.DISPATCH).withSeed(4098));
        assertThat(c.delete(href)).as("the delete's task, after a 503").isPresent();
        assertThat(sim.injectedFaults()).containsEntry(Kind.SERVER_ERROR, 1L);
        sim.setFaultPlan(FaultPlan.none());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> named("to-delete") == 0);
        assertThat(c.delete(href)).as("gone already").isEmpty();
    }

    @Test
    void theEndpointCheckIsRetriedAndStillFailsClearlyWhenEveryTryFails() {
        PulpClient c = client(FaultPlan.of(0.5, Kind.SERVER_ERROR).withTargets(FaultPlan.Target.READ).withSeed(4098),
                Duration.ofSeconds(5), 4);
        URI url = URI.create(sim.v3Root() + "distributions/file/file/");
        c.requireEndpoint(url, "the pulp_file plugin");
        assertThat(c.counter().retries()).as("its 503 was retried").isEqualTo(1);

        sim.setFaultPlan(FaultPlan.of(1.0, Kind.SERVER_ERROR).withTargets(FaultPlan.Target.READ));
        assertThatThrownBy(() -> c.requireEndpoint(url, "the pulp_file plugin")).isInstanceOf(PulpApiException.class)
                .hasMessageContaining("answered 503 before any load").hasMessageEndingWith("(after 4 tries)");
    }
}

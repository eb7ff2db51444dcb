package io.pulpperf.throughput.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.measure.TaskCollector;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The REST client against the simulator: status, session login, pages, keyset collection, clear errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PulpClientTest {
    private PulpSimulator sim;
    private PulpClient client;

    @BeforeAll
    void start() {
        sim = PulpSimulator.start(SimulatorConfig.defaults().withWorkers(3).withDefaultServiceTime("1ms"));
        client = new PulpClient(target("admin", "password"), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private Target target(String user, String password) {
        return new Target(URI.create(sim.baseUrl()), "/pulp/", null, new Credentials(user, password));
    }

    @Test
    void statusReportsVersionsAndWorkers() {
        PulpStatus status = client.status();
        assertThat(status.coreVersion()).isEqualTo("3.105.16");
        assertThat(status.workerCount()).isEqualTo(3);
        assertThat(status.databaseConnected()).isTrue();
        assertThat(status.onlineApiApps()).isNotEmpty();
    }

    @Test
    void loginSwitchesToASessionWithCsrfOnWrites() {
        PulpClient c = new PulpClient(target("admin", "password"), Duration.ofSeconds(2), Duration.ofSeconds(10));
        c.login();
        assertThat(c.auth().isSession()).isTrue();
        assertThat(c.auth().forMethod("GET")).containsKey("Cookie").doesNotContainKey("Authorization").doesNotContainKey("X-CSRFToken");
        assertThat(c.auth().forMethod("DELETE")).containsKey("X-CSRFToken");
        // a write through the session works: the simulator checks the CSRF token
        String href = c.createRepository("client-test-session");
        assertThat(c.delete(href)).hasValueSatisfying(task -> assertThat(task).matches("/pulp/api/v3/tasks/[0-9a-f-]{36}/"));
        assertThat(c.auth().toString()).doesNotContain("password");
    }

    @Test
    void wrongPasswordIsOneClearSentenceWithoutTheSecret() {
        PulpClient c = new PulpClient(target("admin", "s3cret-wrong"), Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertThatThrownBy(c::login).isInstanceOf(PulpApiException.class)
                .hasMessageContaining("refused the credentials of user 'admin'").hasMessageContaining("-Dpulp.password")
                .hasMessageNotContaining("s3cret-wrong");
        assertThatThrownBy(() -> c.tasks(Map.of())).isInstanceOf(PulpApiException.class)
                .hasMessageContaining("got 401").hasMessageContaining("PULP_PASSWORD");
    }

    @Test
    void unreachableServerSaysWhereAndWhatToCheck() {
        PulpClient c = new PulpClient(new Target(URI.create("http://127.0.0.1:1"), "/pulp/", null, Credentials.none()),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThatThrownBy(c::status).isInstanceOf(PulpApiException.class)
                .hasMessageContaining("no answer from GET http://127.0.0.1:1/pulp/api/v3/status/")
                .hasMessageContaining("-Dpulp.apiRoot");
    }

    @Test
    void missingEndpointPointsAtApiRootAndPlugins() {
        PulpClient c = new PulpClient(new Target(URI.create(sim.baseUrl()), "/api/pulp/", null, Credentials.none()),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThatThrownBy(c::status).isInstanceOf(PulpApiException.class)
                .hasMessageContaining("got 404").hasMessageContaining("-Dpulp.apiPath");
    }

    @Test
    void keysetCollectionReturnsEveryTaskOnceAcrossManyPages() {
        String cid = CorrelationIds.newRun();
        PulpClient tagged = client.withCorrelationId(cid);
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < 53; i++) hrefs.add(tagged.delete(tagged.createRepository("collect-" + i)).orElseThrow());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> client.tasks(Map.of("logging_cid", cid, "state__in", "waiting,running", "limit", "1")).count() == 0);
        List<PulpTask> seen = new ArrayList<>();
        TaskCollector.Collection c = new TaskCollector(client, 10).collect(cid, seen::add, Instant.now().plusSeconds(10), 100);
        assertThat(new HashSet<>(seen.stream().map(PulpTask::href).toList())).containsExactlyInAnyOrderElementsOf(hrefs);
        assertThat(seen).hasSize(53);
        assertThat(c.pages()).isEqualTo(6);
        assertThat(seen).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo("completed");
            assertThat(t.startedMicros()).isGreaterThanOrEqualTo(t.createdMicros());
            assertThat(t.finishedMicros()).isGreaterThanOrEqualTo(t.startedMicros());
        });
    }
}

package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Injected API faults ({@link FaultPlan}), seen through the JDK's HTTP client. */
@DisplayName("Injected API faults")
class FaultInjectionTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(SimHttp s, String path) throws IOException, InterruptedException {
        return CLIENT.send(request(s, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(SimHttp s, String path) {
        return HttpRequest.newBuilder(URI.create(s.sim.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic YWRtaW46cGFzc3dvcmQ=");  // admin:password, the default test user
    }

    private static SimHttp with(FaultPlan plan) {
        return SimHttp.fast(SimulatorConfig.defaults().withFaults(plan));
    }

    @Test
    void serverErrorsAnswerTheConfiguredStatusWithAJsonBody() throws Exception {
        try (SimHttp s = with(FaultPlan.of(1.0, FaultPlan.Kind.SERVER_ERROR).withServerErrorStatus(502))) {
            HttpResponse<String> r = get(s, "/pulp/api/v3/status/");
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(Recording.JSON.readTree(r.body()).path("detail").asText()).isNotEmpty();
        }
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() throws Exception {
        try (SimHttp s = with(FaultPlan.of(1.0, FaultPlan.Kind.TOO_MANY_REQUESTS).withRetryAfterSeconds(3))) {
            HttpResponse<String> r = get(s, "/pulp/api/v3/tasks/");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
        }
    }

    @Test
    void aResetConnectionGivesTheClientAnIOException() {
        try (SimHttp s = with(FaultPlan.of(1.0, FaultPlan.Kind.CONNECTION_RESET))) {
            assertThatThrownBy(() -> get(s, "/pulp/api/v3/status/")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void malformedJsonIsATruncatedBodyOfTheRealAnswer() throws Exception {
        try (SimHttp s = with(FaultPlan.of(1.0, FaultPlan.Kind.MALFORMED_JSON))) {
            HttpResponse<String> r = get(s, "/pulp/api/v3/status/");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("{\"versions\":");
            assertThatThrownBy(() -> Recording.JSON.readTree(r.body())).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void faultsHitOnlyTheTargetedKindOfEndpoint() throws Exception {
        FaultPlan onlyDispatch = FaultPlan.of(1.0, FaultPlan.Kind.SERVER_ERROR).withTargets(FaultPlan.Target.DISPATCH);
        try (SimHttp s = with(onlyDispatch)) {
            assertThat(get(s, "/pulp/api/v3/tasks/").statusCode()).isEqualTo(200);
            assertThat(get(s, "/pulp/api/v3/status/").statusCode()).isEqualTo(200);
            HttpResponse<String> post = CLIENT.send(request(s, "/pulp/api/v3/repositories/file/file/")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(503);
        }
    }

    @Test
    void theRateIsHonouredAndTheSeedMakesTheSequenceRepeatable() throws Exception {
        FaultPlan plan = FaultPlan.of(0.3, FaultPlan.Kind.SERVER_ERROR, FaultPlan.Kind.TOO_MANY_REQUESTS).withSeed(11);
        List<Integer> first = statuses(plan, 200);
        long faulted = first.stream().filter(c -> c != 200).count();
        assertThat(faulted).isBetween(30L, 90L);  // 60 expected; far outside only if the rate were ignored
        assertThat(first).contains(503, 429);
        assertThat(statuses(plan, 200)).isEqualTo(first);
    }

    private static List<Integer> statuses(FaultPlan plan, int count) throws Exception {
        try (SimHttp s = with(plan)) {
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < count; i++) codes.add(get(s, "/pulp/api/v3/status/").statusCode());
            return codes;
        }
    }

    @Test
    void theApiCanBeSwitchedDownAndBackUp() throws Exception {
        try (SimHttp s = SimHttp.fast()) {
            assertThat(get(s, "/pulp/api/v3/status/").statusCode()).isEqualTo(200);
            s.sim.setApiDown(true);
            assertThatThrownBy(() -> get(s, "/pulp/api/v3/status/")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> get(s, "/pulp/api/v3/tasks/")).isInstanceOf(IOException.class);
            s.sim.setApiDown(false);
            assertThat(get(s, "/pulp/api/v3/status/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anOutageWindowFromPropertiesStartsAndEndsByItself() throws Exception {
        Properties p = new Properties();
        p.setProperty("sim.apiDown.after", "0ms");
        p.setProperty("sim.apiDown.for", "1h");
        FaultPlan plan = FaultPlan.fromProperties(p);
        assertThat(plan.downAfter()).isEqualTo(Duration.ZERO);
        try (SimHttp s = with(plan)) {
            assertThatThrownBy(() -> get(s, "/pulp/api/v3/status/")).isInstanceOf(IOException.class);
        }
        try (SimHttp s = with(plan.withDownWindow(Duration.ofHours(1), null))) {
            assertThat(get(s, "/pulp/api/v3/status/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void faultPlansAreReadFromProperties() {
        Properties p = new Properties();
        p.setProperty("sim.fault.rate", "0.25");
        p.setProperty("sim.fault.targets", "read");
        p.setProperty("sim.fault.seed", "9");
        p.setProperty("sim.fault.status", "500");
        p.setProperty("sim.fault.retryAfter", "4");
        p.setProperty("sim.fault.kinds", "5xx, 429,reset,malformed,slow");
        p.setProperty("sim.fault.slowFor", "2s");
        p.setProperty("sim.fault.brokenTaskEvery", "7");
        p.setProperty("sim.fault.echoRequest", "true");
        FaultPlan plan = SimulatorConfig.fromProperties(p).faults();
        assertThat(plan).isEqualTo(new FaultPlan(0.25, java.util.EnumSet.allOf(FaultPlan.Kind.class),
                java.util.Set.of(FaultPlan.Target.READ), 9, 500, 4, null, null, Duration.ofSeconds(2), 7, true));
        p.setProperty("sim.fault.targets", "all");
        assertThat(SimulatorConfig.fromProperties(p).faults().targets()).as("every request: writes, reads and login")
                .isEqualTo(java.util.EnumSet.allOf(FaultPlan.Target.class));
        p.setProperty("sim.fault.kinds", "teapot");
        assertThatThrownBy(() -> SimulatorConfig.fromProperties(p)).hasMessageContaining("teapot");
    }

    @Test
    void aSlowAnswerComesAfterTheConfiguredPauseAndIsTheRealAnswer() throws Exception {
        try (SimHttp s = with(FaultPlan.of(1.0, FaultPlan.Kind.SLOW_ANSWER).withSlowFor(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            HttpResponse<String> r = get(s, "/pulp/api/v3/status/");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> CLIENT.send(request(s, "/pulp/api/v3/status/").timeout(Duration.ofMillis(50)).GET().build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.net.http.HttpTimeoutException.class);
            assertThat(s.sim.injectedFaults()).containsEntry(FaultPlan.Kind.SLOW_ANSWER, 2L);
        }
    }

    @Test
    void brokenTaskRowsLackPulpCreatedOrHaveStateNullOnEveryRead() throws Exception {
        try (SimHttp s = with(FaultPlan.none().withBrokenTaskEvery(3))) {
            for (int i = 0; i < 7; i++) s.createDistribution("d" + i, null);
            s.awaitIdle();
            for (int read = 0; read < 2; read++) {
                var rows = s.get("tasks/?ordering=pulp_created").path("results");
                assertThat(rows).hasSize(7);
                for (int seq = 0; seq < 7; seq++) {
                    var row = rows.get(seq);
                    assertThat(row.has("pulp_created")).as("task %d has pulp_created", seq).isEqualTo(seq != 2);
                    assertThat(row.path("state").isNull()).as("task %d has state null", seq).isEqualTo(seq == 5);
                    assertThat(row.path("pulp_href").asText()).startsWith("/pulp/api/v3/tasks/");
                }
            }
        }
    }

    @Test
    void serverErrorsCanEchoTheRequestHeadersAsADebugPageDoes() throws Exception {
        try (SimHttp s = with(FaultPlan.of(1.0, FaultPlan.Kind.SERVER_ERROR).withErrorsEchoingRequest(true))) {
            HttpResponse<String> r = get(s, "/pulp/api/v3/tasks/");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(Recording.JSON.readTree(r.body()).path("request").path("headers").path("Authorization").asText())
                    .isEqualTo("Basic YWRtaW46cGFzc3dvcmQ=");
        }
    }

    @Test
    void theRequestCountIncludesRequestsThatGotNoAnswer() {
        try (SimHttp s = SimHttp.fast()) {
            assertThat(s.sim.requestCount()).isZero();
            s.sim.setApiDown(true);
            assertThatThrownBy(() -> get(s, "/pulp/api/v3/status/")).isInstanceOf(IOException.class);
            // The JDK client sends a GET once more when the connection drops before any answer.
            assertThat(s.sim.requestCount()).isBetween(1L, 2L);
        }
    }

    /** A valid id (Pulp would replace any other anyway), so only the gateway can make the server drop it. */
    private static final String MINE = "4d6e8f0a2b4c4d6e8f0a2b4c6d8e0f1a";

    @Test
    void withoutCorrelationIdEchoTheServerMakesUpItsOwnAndStoresThat() throws Exception {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withEchoCorrelationId(false))) {
            io.restassured.response.Response r = s.as().header("Correlation-ID", MINE).contentType("application/json")
                    .body("{\"name\": \"x\", \"base_path\": \"x\"}").post(s.v3 + "distributions/file/file/");
            assertThat(r.statusCode()).isEqualTo(202);
            String echoed = r.header("Correlation-ID");
            assertThat(echoed).isNotBlank().isNotEqualTo(MINE);
            String task = r.jsonPath().getString("task");
            assertThat(s.get(task).path("logging_cid").asText()).isEqualTo(echoed);
            assertThat(s.get("tasks/?logging_cid=" + MINE).path("count").asInt()).isZero();
        }
    }

    @Test
    void aConfiguredBearerTokenIsAcceptedAndAWrongOneRefused() {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withToken("t0ken"))) {
            s.anonymous().header("Authorization", "Bearer t0ken").get(s.v3 + "tasks/").then().statusCode(200);
            s.anonymous().header("Authorization", "Bearer nope").get(s.v3 + "tasks/").then().statusCode(401);
        }
        try (SimHttp s = SimHttp.fast()) {
            s.anonymous().header("Authorization", "Bearer t0ken").get(s.v3 + "tasks/").then().statusCode(401);
        }
    }
}

package io.pulpperf.throughput.sim;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * A started simulator and the calls tests make on it, through HTTP like any client (REST
 * Assured), as the configured admin user. Closing it stops the simulator.
 */
final class SimHttp implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final PulpSimulator sim;
    final String v3;

    SimHttp(SimulatorConfig config) {
        this.sim = PulpSimulator.start(config);
        this.v3 = sim.v3Root().getPath();
    }

    /** A simulator with fast tasks (1 ms), so setups finish quickly. */
    static SimHttp fast(SimulatorConfig config) {
        return new SimHttp(config.withDefaultServiceTime("1ms"));
    }

    static SimHttp fast() {
        return fast(SimulatorConfig.defaults());
    }

    /** Authenticated as the admin user, raw paths (no re-encoding). */
    RequestSpecification as() {
        return anonymous().auth().preemptive().basic(sim.config().username(), sim.config().password());
    }

    RequestSpecification anonymous() {
        return given().baseUri(sim.baseUrl()).urlEncodingEnabled(false);
    }

    JsonNode json(Response r) {
        try {
            return Recording.JSON.readTree(r.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code count} workers are listed as missing (their heartbeat older than the TTL). */
    void awaitMissing(int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> get("workers/?missing=true").path("count").asInt() == count);
    }

    /** GET of a path under the v3 root (or an absolute path), as JSON, expecting 200. */
    JsonNode get(String path) {
        Response r = as().get(path.startsWith("/") ? path : v3 + path);
        if (r.statusCode() != 200) throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.asString());
        return json(r);
    }

    /** Creates a repository (201) and returns its href. */
    String createRepository(String name) {
        Response r = as().contentType(ContentType.JSON).body(Map.of("name", name)).post(v3 + "repositories/file/file/");
        return expect(r, 201).path("pulp_href").asText();
    }

    /** Dispatches a repository delete and returns the task href. */
    String deleteRepository(String href) {
        return expect(as().delete(href), 202).path("task").asText();
    }

    /** Dispatches a distribution create and returns the task href. */
    String createDistribution(String name, String correlationId) {
        RequestSpecification spec = as().contentType(ContentType.JSON).body(Map.of("name", name, "base_path", name));
        if (correlationId != null) spec = spec.header("Correlation-ID", correlationId);
        return expect(spec.post(v3 + "distributions/file/file/"), 202).path("task").asText();
    }

    /** PATCH state=canceled; returns the answer. */
    Response cancel(String taskHref) {
        return as().contentType(ContentType.JSON).body(Map.of("state", "canceled")).patch(taskHref);
    }

    /** Waits until the task is in one of these states and returns it. */
    JsonNode awaitTask(String taskHref, String... states) {
        JsonNode[] last = new JsonNode[1];
        await("task " + taskHref + " in " + Arrays.toString(states)).atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> Arrays.asList(states).contains((last[0] = get(taskHref)).path("state").asText()));
        return last[0];
    }

    /** Waits until no task is waiting, running or canceling. */
    void awaitIdle() {
        await("all tasks finished").atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> sim.engine().incompleteCount() == 0);
    }

    /** The primary key in an href such as {@code /pulp/api/v3/tasks/<id>/}. */
    static String idOf(String href) {
        String trimmed = href.substring(0, href.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private JsonNode expect(Response r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + r.statusCode() + ": " + r.asString());
        }
        return json(r);
    }

    @Override
    public void close() {
        sim.close();
    }
}

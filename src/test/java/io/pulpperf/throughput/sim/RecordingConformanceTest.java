package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every recorded request of a real pulpcore 3.105.16 against a fresh simulator brought
 * into the same state ({@link ReplaySetups}), and checks the answer conforms ({@link Conformance}):
 * status, kept headers, field names, order and JSON types at every level, timestamp and href
 * shapes, pagination links, and error bodies word for word.
 */
@DisplayName("Simulator answers like the recorded pulpcore 3.105.16")
class RecordingConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyRecording() {
        return Recording.all().stream().map(rec -> dynamicTest(rec.name(), () -> replay(rec)));
    }

    @Test
    void theRecordingsAreAllThere() {
        assertThat(Recording.all()).hasSizeGreaterThanOrEqualTo(35);
    }

    private static void replay(Recording rec) {
        ReplaySetups.Setup setup = ReplaySetups.forRecording(rec.name());
        try (SimHttp sim = SimHttp.fast(setup.config())) {
            Map<String, String> ids = setup.prepare().apply(sim);
            Response answer = send(sim, rec, ids);
            assertThat(Conformance.problems(rec, answer)).as("differences from %s", rec.name()).isEmpty();
        }
    }

    /** The recorded request with recorded ids replaced by the simulator's and real credentials. */
    private static Response send(SimHttp sim, Recording rec, Map<String, String> ids) {
        String path = rec.path();
        for (var id : ids.entrySet()) path = path.replace(id.getKey(), id.getValue());
        String auth = rec.requestHeaders().getOrDefault("authorization", "");
        RequestSpecification spec = auth.contains("<admin credentials>") ? sim.as()
                : auth.contains("<wrong credentials>") ? sim.anonymous().auth().preemptive().basic("admin", "wrong-password")
                : sim.anonymous();
        String cid = rec.requestHeaders().get("correlation-id");
        if (cid != null) spec = spec.header("Correlation-ID", cid);
        if (!rec.requestBody().isNull() && !rec.requestBody().isMissingNode()) {
            spec = spec.contentType(ContentType.JSON).body(rec.requestBody().toString());
        }
        return spec.request(rec.method(), path);
    }
}

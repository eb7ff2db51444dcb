package io.pulpperf.throughput.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.pulp.AuthHeaders;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An exception of the suite's own during dispatch ends the dispatch loudly, with what was sent logged. */
class DispatcherFailureTest {

    @ParameterizedTest(name = "open model: {0}")
    @ValueSource(booleans = {false, true})
    void aWorkloadThatThrowsStopsTheClientsAndIsThrownWithTheLogKept(boolean open) {
        try (PulpSimulator sim = PulpSimulator.start(SimulatorConfig.defaults().withDefaultServiceTime("1ms"))) {
            URI url = URI.create(sim.baseUrl() + "/pulp/api/v3/distributions/file/file/");
            Dispatcher d = new Dispatcher(Dispatcher.newHttpClient(Duration.ofSeconds(2)), AuthHeaders.basic("admin", "password"),
                    Duration.ofSeconds(5));
            List<DispatchRecord> logged = new CopyOnWriteArrayList<>();
            assertThatThrownBy(() -> d.run("cid", 100, 1, open ? 200.0 : null, seq -> {
                if (seq == 5) throw new IllegalStateException("no fixture for task 5");
                return new DispatchRequest("POST", url, "{\"name\": \"d" + seq + "\", \"base_path\": \"d" + seq + "\"}",
                        DispatchRequest.Answer.TASK_HREF);
            }, Instant.now().plusSeconds(30), logged::add)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no fixture for task 5");
            // Request 0 is also made once up front to learn the answer type; requests 0-4 went out and were logged.
            assertThat(logged).extracting(DispatchRecord::seq).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
            assertThat(logged).allSatisfy(r -> assertThat(r.status()).isEqualTo(202));
        }
    }
}

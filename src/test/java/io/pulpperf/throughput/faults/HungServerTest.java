package io.pulpperf.throughput.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.load.DispatchRequest;
import io.pulpperf.throughput.load.Dispatcher;
import io.pulpperf.throughput.measure.RunAwaiter;
import io.pulpperf.throughput.pulp.AuthHeaders;
import io.pulpperf.throughput.pulp.PulpApiException;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.RetryPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server on 127.0.0.1 that accepts connections and then never answers (or sends the headers
 * and stalls in the body): no call of the suite may hang on it. Each case asserts a bound on the
 * elapsed time that holds with the timeouts given, far below what a hang would take.
 */
@DisplayName("A server that accepts but never answers hangs nothing")
class HungServerTest {
    private static final Duration SLACK = Duration.ofMillis(1500);

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    /** Accepts every connection and holds it; with {@code headersFirst}, writes a status line and headers, then nothing. */
    private URI start(boolean headersFirst) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    held.add(s);
                    if (headersFirst) {
                        OutputStream out = s.getOutputStream();
                        out.write("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"ta"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (IOException e) {
                    return;  // closed by the test
                }
            }
        }, "hung-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** REST Assured's first call costs seconds (Groovy starts): paid here, not inside a timed case. */
    @BeforeAll
    static void warmUp() {
        PulpClient closedPort = client(URI.create("http://127.0.0.1:1"), Duration.ofMillis(100), 1);
        assertThatThrownBy(closedPort::status).isInstanceOf(PulpApiException.class);
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) server.close();
        for (Socket s : held) s.close();
    }

    private static PulpClient client(URI base, Duration readTimeout, int tries) {
        return new PulpClient(new Target(base, "/pulp/", null, Credentials.none()), Duration.ofSeconds(1), readTimeout,
                new RetryPolicy(tries, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @ParameterizedTest(name = "headers sent first: {0}")
    @ValueSource(booleans = {false, true})
    void theApiClientGivesUpAfterItsReadTimeoutTimesItsTries(boolean headersFirst) throws IOException {
        PulpClient c = client(start(headersFirst), Duration.ofMillis(300), 2);
        long t0 = System.nanoTime();
        assertThatThrownBy(c::status).isInstanceOf(PulpApiException.class)
                .hasMessageContaining("no answer from GET").hasMessageContaining("SocketTimeoutException")
                .hasMessageContaining("(after 2 tries)");
        assertThat(since(t0)).isLessThan(Duration.ofMillis(2 * 300 + 100).plus(SLACK));
        assertThat(c.counter().requests()).isEqualTo(2);
    }

    @Test
    void aDeadlineCutsALongReadTimeoutAndStopsTheRetries() throws IOException {
        PulpClient c = client(start(false), Duration.ofSeconds(30), 4).until(Instant.now().plusMillis(500));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> c.tasks(Map.of())).isInstanceOf(PulpApiException.class).hasMessageContaining("no answer from GET");
        assertThat(since(t0)).as("not the 30 s read timeout").isLessThan(Duration.ofMillis(500).plus(SLACK));
        assertThatThrownBy(() -> c.tasks(Map.of())).as("after the deadline no call starts")
                .hasMessageStartingWith("no time left to ask the server");
    }

    @ParameterizedTest(name = "headers sent first: {0}")
    @ValueSource(booleans = {false, true})
    void theDispatcherRecordsNoAnswerAfterItsTimeout(boolean headersFirst) throws IOException {
        long t0 = System.nanoTime();
        List<DispatchRecord> records = dispatch(start(headersFirst), Duration.ofMillis(300), 2, Instant.now().plusSeconds(30));
        assertThat(since(t0)).isLessThan(Duration.ofMillis(300).plus(SLACK));
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(-1);
            assertThat(r.error()).isEqualTo("no complete answer within 300 ms (the read timeout)");
        });
    }

    @Test
    void noDispatchRequestOutlivesTheRunsDeadline() throws IOException {
        long t0 = System.nanoTime();
        List<DispatchRecord> records = dispatch(start(false), Duration.ofSeconds(30), 1, Instant.now().plusMillis(400));
        assertThat(since(t0)).as("not the 30 s read timeout").isLessThan(Duration.ofMillis(400).plus(SLACK));
        assertThat(records).singleElement().satisfies(r -> assertThat(r.error()).endsWith("(the scenario's timeout)"));
    }

    /** {@code tasks} POSTs to the server, one client each, as a closed-model run does. */
    private static List<DispatchRecord> dispatch(URI base, Duration readTimeout, int tasks, Instant deadline) {
        Dispatcher d = new Dispatcher(Dispatcher.newHttpClient(Duration.ofSeconds(1)), AuthHeaders.none(), readTimeout);
        return d.run("cid", tasks, tasks, null,
                seq -> new DispatchRequest("POST", base.resolve("/pulp/api/v3/x/"), "{}", DispatchRequest.Answer.TASK_HREF), deadline);
    }

    @Test
    void theWaitEndsAtItsTimeoutEvenWhileAPollHangs() throws IOException {
        // A 30 s read timeout and no deadline on the client: only the wait's own bound can end it.
        RunAwaiter awaiter = new RunAwaiter(client(start(false), Duration.ofSeconds(30), 1), Duration.ofMillis(50), 5,
                Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        RunAwaiter.Outcome o = awaiter.awaitFinished(Map.of("logging_cid", "x"), Duration.ofMillis(700), n -> { });
        assertThat(since(t0)).isLessThan(Duration.ofMillis(700).plus(SLACK));
        assertThat(o.finished()).isFalse();
        assertThat(o.problem()).startsWith("timed out after 0 s with no poll answered");
    }
}

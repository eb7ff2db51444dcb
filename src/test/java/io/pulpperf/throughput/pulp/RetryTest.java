package io.pulpperf.throughput.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Read-only calls ride out 5xx, 429 and garbage, within bounds; other errors are not retried. */
class RetryTest {
    private static final String PAGE = "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"pulp_href\":\"/pulp/api/v3/tasks/1/\","
            + "\"state\":\"completed\",\"pulp_created\":\"2026-11-27T06:14:29.664087Z\"}]}";
    private HttpServer server;
    private final Deque<int[]> script = new ArrayDeque<>();  // {status, retryAfterSeconds or -1, garbage 0/1}
    private int served;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            int[] step = script.isEmpty() ? new int[] {200, -1, 0} : script.poll();
            served++;
            if (step[1] >= 0) exchange.getResponseHeaders().set("Retry-After", String.valueOf(step[1]));
            byte[] body = (step[2] == 1 ? "{\"count\": 1, \"resu" : step[0] == 200 ? PAGE : "{\"detail\":\"busy\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(step[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PulpClient client(int attempts) {
        return new PulpClient(new Target(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "/pulp/", null,
                Credentials.none()), Duration.ofSeconds(2), Duration.ofSeconds(2),
                new RetryPolicy(attempts, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)));
    }

    @Test
    void fiveHundredsAndGarbageAreRetriedThenTheAnswerIsUsed() {
        script.add(new int[] {503, -1, 0});
        script.add(new int[] {200, -1, 1});
        script.add(new int[] {502, -1, 0});
        PulpClient c = client(4);
        assertThat(c.tasks(Map.of()).tasks()).hasSize(1);
        assertThat(served).isEqualTo(4);
        assertThat(c.counter().requests()).isEqualTo(4);
        assertThat(c.counter().retries()).isEqualTo(3);
    }

    @Test
    void retryAfterIsHonouredUpToItsCap() {
        script.add(new int[] {429, 1, 0});
        long t0 = System.nanoTime();
        assertThat(client(2).tasks(Map.of()).count()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void triesAreBoundedAndTheLastErrorIsSaid() {
        for (int i = 0; i < 5; i++) script.add(new int[] {503, -1, 0});
        assertThatThrownBy(() -> client(3).tasks(Map.of())).isInstanceOf(PulpApiException.class)
                .hasMessageContaining("got 503").hasMessageContaining("after 3 tries");
        assertThat(served).isEqualTo(3);
    }

    @Test
    void clientErrorsAreNotRetried() {
        script.add(new int[] {401, -1, 0});
        assertThatThrownBy(() -> client(4).tasks(Map.of())).hasMessageContaining("got 401");
        assertThat(served).isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToItsCapWithFullJitterInTheUpperHalf() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(30));
        for (int attempt = 1; attempt <= 6; attempt++) {
            long cap = Math.min(1000, 100L << (attempt - 1));
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int i = 0; i < 200; i++) {
                long ms = p.delay(attempt, null).toMillis();
                assertThat(ms).as("delay before try %d", attempt + 1).isBetween(cap / 2, cap);
                seen.add(ms);
            }
            assertThat(seen).as("jitter: clients that failed together do not retry together").hasSizeGreaterThan(10);
        }
        assertThat(p.delay(1, "7")).as("Retry-After in seconds wins").isEqualTo(Duration.ofSeconds(7));
        assertThat(p.delay(1, "3600")).as("capped").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theTriesStopWhenTheNextPauseWouldPassTheDeadline() {
        for (int i = 0; i < 5; i++) script.add(new int[] {503, 20, 0});  // Retry-After 20 s
        PulpClient c = new PulpClient(new Target(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "/pulp/", null,
                Credentials.none()), Duration.ofSeconds(2), Duration.ofSeconds(2),
                new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30)));
        long t0 = System.nanoTime();
        // 10 s leaves room for REST Assured's first call, and none for a 20 s pause.
        assertThatThrownBy(() -> c.until(java.time.Instant.now().plusSeconds(10)).tasks(Map.of()))
                .hasMessageContaining("got 503").hasMessageContaining("(after 1 try)");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("no 20 s pause started").isLessThan(Duration.ofSeconds(10));
        assertThat(served).isEqualTo(1);
    }
}

package io.pulpperf.throughput.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dispatcher's HTTP/1.1 client against a scripted server: every body framing Pulp may answer with. */
@DisplayName("Dispatcher's HTTP/1.1 client: framings, keep-alive, errors")
class Http1ClientTest {

    /** A one-thread server: answers each request head with {@code answer.apply(head)}; null closes the connection. */
    private static final class Scripted implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();
        final List<String> heads = Collections.synchronizedList(new ArrayList<>());
        final Thread thread;

        Scripted(Function<String, String> answer) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        for (int i = 0; i < 10; i++) {
                            String head = readHead(in);
                            if (head == null) break;
                            heads.add(head);
                            String a = answer.apply(head);
                            if (a == null) break;
                            out.write(a.getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                            if (a.contains("Connection: close")) break;
                        }
                    } catch (IOException e) {
                        // next connection
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                b.write(c);
                String s = b.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r\n\r\n")) {
                    int len = 0;
                    for (String line : s.split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) len = Integer.parseInt(line.substring(15).trim());
                    }
                    return s + new String(in.readNBytes(len), StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static Http1Client.Response send(Http1Client c, String method, URI url, String body) throws IOException {
        return c.send(method, url, Map.of("Accept", "application/json"), body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));
    }

    @Test
    void contentLengthAnswerOnAClosingConnection() throws Exception {
        try (Scripted s = new Scripted(h -> "HTTP/1.1 202 Accepted\r\nContent-Length: 14\r\nConnection: close\r\nCorrelation-ID: x\r\n\r\n{\"task\": \"/t\"}");
             Http1Client c = new Http1Client(Duration.ofSeconds(2), null)) {
            Http1Client.Response r = send(c, "POST", s.url("/pulp/api/v3/x/?a=1"), "{\"name\":\"n\"}");
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.header("correlation-id")).isEqualTo("x");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"task\": \"/t\"}");
            send(c, "POST", s.url("/pulp/api/v3/x/?a=1"), "{}");
            assertThat(s.connections.get()).isEqualTo(2);  // Connection: close means a new connection per request
            assertThat(s.heads.get(0)).startsWith("POST /pulp/api/v3/x/?a=1 HTTP/1.1\r\n").contains("Host: 127.0.0.1:")
                    .contains("Content-Length: 12\r\n").endsWith("{\"name\":\"n\"}");
        }
    }

    @Test
    void keepAliveReusesTheConnectionAndChunkedBodiesAreJoined() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"tas\r\n9;ext=1\r\nks_execut\r\n6\r\ned\":2}\r\n0\r\n\r\n";
        try (Scripted s = new Scripted(h -> chunked); Http1Client c = new Http1Client(Duration.ofSeconds(2), null)) {
            for (int i = 0; i < 3; i++) {
                Http1Client.Response r = send(c, "GET", s.url("/t/"), null);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"tasks_executed\":2}");
            }
            assertThat(s.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void interimAnswersAreSkippedAndHeadHasNoBody() throws Exception {
        try (Scripted s = new Scripted(h -> h.startsWith("HEAD") ? "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"
                : "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n");
             Http1Client c = new Http1Client(Duration.ofSeconds(2), null)) {
            assertThat(send(c, "DELETE", s.url("/r/"), null).status()).isEqualTo(204);
            Http1Client.Response head = send(c, "HEAD", s.url("/r/"), null);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
        }
    }

    @Test
    void aBodyWithoutLengthIsReadToTheEndOfTheConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Http1Client c = new Http1Client(Duration.ofSeconds(2), null)) {
            Thread t = new Thread(() -> {
                try (Socket sock = server.accept()) {
                    Scripted.readHead(sock.getInputStream());
                    sock.getOutputStream().write("HTTP/1.1 200 OK\r\n\r\n{\"tasks_executed\":1}".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the test fails on the client side
                }
            });
            t.start();
            Http1Client.Response r = send(c, "GET", URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"), null);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"tasks_executed\":1}");
            t.join(5000);
        }
    }

    @Test
    void aTruncatedBodyOrADroppedConnectionIsAnError() throws Exception {
        try (Scripted s = new Scripted(h -> h.contains("/short/") ? "HTTP/1.1 200 OK\r\nContent-Length: 50\r\nConnection: close\r\n\r\n{\"tas"
                : null);
             Http1Client c = new Http1Client(Duration.ofSeconds(2), null)) {
            assertThatThrownBy(() -> send(c, "GET", s.url("/short/"), null)).isInstanceOf(IOException.class)
                    .hasMessageContaining("of 50 body bytes");
            assertThatThrownBy(() -> send(c, "POST", s.url("/drop/"), "{}")).isInstanceOf(IOException.class)
                    .hasMessageContaining("closed before any answer");
        }
    }

    @Test
    void aStaleKeptAliveConnectionIsRetriedOnceOnlyForSafeMethods() throws Exception {
        AtomicInteger n = new AtomicInteger();
        // First answer keeps the connection; the server then drops it without answering the next request.
        try (Scripted s = new Scripted(h -> n.getAndIncrement() % 2 == 0 ? "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}" : null);
             Http1Client c = new Http1Client(Duration.ofSeconds(2), null)) {
            assertThat(send(c, "GET", s.url("/a/"), null).status()).isEqualTo(200);
            assertThat(send(c, "GET", s.url("/a/"), null).status()).isEqualTo(200);  // dropped, retried on a new connection
            assertThat(s.connections.get()).isEqualTo(2);
            assertThatThrownBy(() -> send(c, "POST", s.url("/a/"), "{}")).isInstanceOf(IOException.class);  // not retried
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheBound() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Http1Client c = new Http1Client(Duration.ofSeconds(2), null)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> c.send("GET", URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"), Map.of(), null,
                    Duration.ofMillis(300))).isInstanceOf(java.net.http.HttpTimeoutException.class);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).isBetween(300L, 300L + 10 * Http1Client.WATCHDOG_MILLIS);
        }
    }

    @Test
    void noServerIsAConnectError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (Http1Client c = new Http1Client(Duration.ofSeconds(2), null)) {
            assertThatThrownBy(() -> send(c, "GET", URI.create("http://127.0.0.1:" + port + "/"), null))
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }
}

package io.pulpperf.throughput.bench;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP client library as {@link LibraryClientBench} drives it: a blocking GET whose whole
 * answer is read. Each implementation is set up for {@code concurrency} callers (a pool of that
 * many connections) with the dispatcher's connect and read timeouts ({@link DispatchBench#CONNECT_TIMEOUT},
 * {@link DispatchBench#READ_TIMEOUT}), no retries and no redirects, as the dispatcher has none.
 */
interface LibraryClient extends AutoCloseable {
    /** The status and the whole body; throws on any failure to get them (connect, timeout, reset). */
    Answer get(URI url, Map<String, String> headers) throws Exception;

    record Answer(int status, byte[] body) {}

    /** The libraries by the names bench/run.sh uses. */
    static LibraryClient create(String name, int concurrency) throws Exception {
        return switch (name) {
            case "apache" -> new ApacheClassicClient(concurrency);
            case "jetty" -> new JettyClient(concurrency);
            case "netty" -> new ReactorNettyClient(concurrency);
            default -> throw new IllegalArgumentException("unknown client " + name + " (apache, jetty, netty)");
        };
    }
}

package io.pulpperf.throughput.bench;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactor Netty's HttpClient with a fixed pool of {@code concurrency} connections, each caller
 * blocking on its answer ({@code block()}), as the dispatcher's client threads do. Reactor Netty's default
 * event loops (a thread per core, at least 4; epoll where available) do the I/O.
 */
final class ReactorNettyClient implements LibraryClient {
    private final ConnectionProvider pool;
    private final HttpClient http;
    /** The client with a measurement's headers, built once: a run's headers do not change (one Correlation-ID a run). */
    private volatile Headed headed;

    private record Headed(Map<String, String> headers, HttpClient http) {}

    ReactorNettyClient(int concurrency) {
        pool = ConnectionProvider.builder("bench").maxConnections(concurrency)
                .pendingAcquireTimeout(DispatchBench.READ_TIMEOUT).build();
        http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) DispatchBench.CONNECT_TIMEOUT.toMillis())
                .responseTimeout(DispatchBench.READ_TIMEOUT)
                .followRedirect(false);
    }

    @Override
    public Answer get(URI url, Map<String, String> headers) {
        Headed h = headed;
        if (h == null || h.headers() != headers) headed = h = new Headed(headers, http.headers(x -> headers.forEach(x::set)));
        return h.http().get().uri(url)
                .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
                        .map(bytes -> new Answer(response.status().code(), bytes)))
                .switchIfEmpty(Mono.error(new IllegalStateException("no answer")))
                // responseTimeout covers the answer; this bounds the whole exchange, connect included
                .block(DispatchBench.CONNECT_TIMEOUT.plus(DispatchBench.READ_TIMEOUT).plus(Duration.ofSeconds(1)));
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
    }
}

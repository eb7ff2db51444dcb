package io.pulpperf.throughput.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/** Jetty's HttpClient (12), blocking {@code send()}: at most {@code concurrency} connections to the one destination. */
final class JettyClient implements LibraryClient {
    private final HttpClient http = new HttpClient();

    JettyClient(int concurrency) throws Exception {
        http.setMaxConnectionsPerDestination(concurrency);
        http.setConnectTimeout(DispatchBench.CONNECT_TIMEOUT.toMillis());
        http.setIdleTimeout(DispatchBench.READ_TIMEOUT.toMillis());
        http.setFollowRedirects(false);
        http.getContentDecoderFactories().clear();  // no Accept-Encoding: the same request bytes as the other clients
        http.start();
    }

    @Override
    public Answer get(URI url, Map<String, String> headers) throws Exception {
        Request request = http.newRequest(url).timeout(DispatchBench.READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> headers.forEach(h::put));
        ContentResponse response = request.send();  // buffers the whole body (up to 2 MiB; the answer is a few bytes)
        return new Answer(response.getStatus(), response.getContent());
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }
}

package io.pulpperf.throughput.bench;

import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/** Apache HttpClient 5, classic (blocking) API, pooled: at most {@code concurrency} connections. */
final class ApacheClassicClient implements LibraryClient {
    private final CloseableHttpClient http;

    ApacheClassicClient(int concurrency) {
        ConnectionConfig timeouts = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(DispatchBench.CONNECT_TIMEOUT))
                .setSocketTimeout(Timeout.of(DispatchBench.READ_TIMEOUT))
                .build();
        http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(concurrency).setMaxConnPerRoute(concurrency)
                        .setDefaultConnectionConfig(timeouts).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(DispatchBench.READ_TIMEOUT)).build())
                // The same request bytes as the other clients (no Accept-Encoding), and a failure counts as one.
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
    }

    @Override
    public Answer get(URI url, Map<String, String> headers) throws Exception {
        HttpGet get = new HttpGet(url);
        headers.forEach(get::addHeader);
        // The handler form reads the whole entity and hands the connection back to the pool.
        return http.execute(get, response -> new Answer(response.getCode(),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    @Override
    public void close() throws Exception {
        http.close();
    }
}

package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.Limits;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.load.Dispatcher;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.RetryPolicy;
import io.pulpperf.throughput.pulp.TlsContexts;

/**
 * The suite's two HTTP clients for one target, with the timeouts and tries of the settings'
 * {@link Limits}: REST Assured for the API, the JDK client for dispatch.
 *
 * @param api        status, task pages, fixtures, cleanup
 * @param dispatcher the dispatch hot path, sharing the API client's session
 */
public record Clients(PulpClient api, Dispatcher dispatcher) {

    /** Logs in (so the dispatcher uses the session) and builds both clients. */
    public static Clients connect(SuiteSettings settings) {
        Limits limits = settings.limits();
        PulpClient api = new PulpClient(settings.target(), limits.connectTimeout(), limits.readTimeout(),
                RetryPolicy.defaults().withAttempts(limits.readTries()));
        api.login();
        Dispatcher dispatcher = new Dispatcher(Dispatcher.newHttpClient(limits.connectTimeout(), TlsContexts.of(settings.target().tls())),
                api.auth(), limits.readTimeout());
        return new Clients(api, dispatcher);
    }
}

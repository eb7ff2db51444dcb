package io.pulpperf.throughput.sim;

/**
 * One request routed to a view: the exchange, the domain it addresses, the v3 prefix that hrefs
 * in the answer use ({@code {API_ROOT}[{domain}/]api/v3/}), and the path below that prefix.
 */
record ApiRequest(SimExchange ex, String domain, String v3Path, String rest) {
    /** The one user's href; pulpcore's {@code users-detail} route is domain-aware like all router views. */
    String userHref() {
        return v3Path + "users/1/";
    }
}

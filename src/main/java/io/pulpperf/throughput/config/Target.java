package io.pulpperf.throughput.config;

import java.net.URI;

/**
 * The Pulp under test and how its URLs are composed:
 * {@code {baseUrl}{apiPath}[{domain}/]api/v3/...}; status is always at {@code {baseUrl}{apiPath}api/v3/status/}.
 *
 * @param baseUrl     scheme, host and port (the seed's "api_root"), e.g. {@code http://localhost:8080}; null = start the simulator
 * @param apiPath     Pulp's API_ROOT, {@code /pulp/} by default, {@code /api/pulp/} on pulp-service
 * @param domain      the domain, when the server has domains on; null otherwise
 * @param credentials who the suite is
 * @param tls         TLS trust and client certificate
 */
public record Target(URI baseUrl, String apiPath, String domain, Credentials credentials, TlsSettings tls) {
    public Target {
        if (!apiPath.startsWith("/") || !apiPath.endsWith("/")) {
            throw new IllegalArgumentException("pulp.apiPath must start and end with '/', e.g. /pulp/ or /api/pulp/, was '" + apiPath + "'");
        }
    }

    public Target(URI baseUrl, String apiPath, String domain, Credentials credentials) {
        this(baseUrl, apiPath, domain, credentials, TlsSettings.defaults());
    }

    public boolean isSimulator() {
        return baseUrl == null;
    }

    /** The same target at another base URL (the simulator's, once it is started). */
    public Target at(URI url) {
        return new Target(url, apiPath, domain, credentials, tls);
    }

    /** The versioned API prefix, with the domain when there is one. */
    public URI v3Root() {
        return URI.create(stripSlash(baseUrl.toString()) + apiPath + (domain == null ? "" : domain + "/") + "api/v3/");
    }

    /** The status endpoint, outside any domain. */
    public URI statusUrl() {
        return URI.create(stripSlash(baseUrl.toString()) + apiPath + "api/v3/status/");
    }

    /** A path under the API root outside the v3 prefix, such as pulp-service's {@code test/tasks/}. */
    public URI apiPathUrl(String relative) {
        return URI.create(stripSlash(baseUrl.toString()) + apiPath + relative);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

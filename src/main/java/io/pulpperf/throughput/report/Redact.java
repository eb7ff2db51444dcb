package io.pulpperf.throughput.report;

import java.net.URI;
import java.net.URISyntaxException;

/** Keeps secrets out of report files: URLs lose their user info, query and fragment. */
public final class Redact {
    private Redact() {}

    /** {@code https://user:pw@host:8443/x?token=y} becomes {@code https://host:8443/x}. */
    public static String url(URI url) {
        if (url == null) return "-";
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }
}

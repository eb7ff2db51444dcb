package io.pulpperf.throughput.config;

import java.util.List;
import java.util.Locale;

/**
 * Which {@code -D} properties hold secrets: the one list every loader's source, {@link SecretHolder},
 * takes out of the system properties (and so out of Surefire's reports). A new secret property is
 * covered by adding it here; as a safety net, any {@code pulp.*} property whose last part ends in
 * {@code password}, {@code token}, {@code secret}, {@code header} or {@code headers} counts too.
 */
public final class SecretProperties {
    /** Every secret property, those of optional modules not merged yet included. */
    public static final List<String> NAMES = List.of(
            "pulp.password",
            "pulp.token",
            "pulp.identityHeader",
            "pulp.headers",
            "pulp.db.password",
            "pulp.tls.keystorePassword",
            "pulp.prometheus.token",
            "pulp.prometheus.password",
            "pulp.prometheus.headers",
            // a log command may carry a token on its command line (oc --token=..., logcli --password=...)
            "pulp.logs.command");
    private static final List<String> SECRET_ENDINGS = List.of("password", "token", "secret", "header", "headers");

    private SecretProperties() {}

    public static boolean isSecret(String name) {
        if (NAMES.contains(name)) return true;
        if (!name.startsWith("pulp.")) return false;
        String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return SECRET_ENDINGS.stream().anyMatch(last::endsWith);
    }
}

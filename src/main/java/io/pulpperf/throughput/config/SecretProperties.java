package io.pulpperf.throughput.config;

import java.util.List;

/**
 * The one list of {@code -D} properties that hold secrets. Whatever keeps secrets out of reports
 * (see HeldSecrets) covers exactly these: a new secret property is covered by adding it here.
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
            "pulp.prometheus.headers");

    private SecretProperties() {}

    public static boolean isSecret(String name) {
        return NAMES.contains(name);
    }
}

package io.pulpperf.throughput.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.db.DbSettingsLoader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The list of secret properties, and the holder that keeps them out of the system properties yet readable. */
class SecretHolderTest {

    @Test
    void theListedSecretsAndAnyPulpPasswordTokenSecretOrHeaderAreSecret() {
        assertThat(SecretProperties.NAMES).allMatch(SecretProperties::isSecret)
                .contains("pulp.password", "pulp.token", "pulp.identityHeader", "pulp.headers", "pulp.db.password",
                        "pulp.tls.keystorePassword", "pulp.prometheus.token", "pulp.prometheus.password", "pulp.prometheus.headers");
        assertThat(List.of("pulp.grafana.apiToken", "pulp.s3.clientSecret", "pulp.proxy.PASSWORD", "pulp.gateway.authHeader"))
                .allMatch(SecretProperties::isSecret);
        assertThat(List.of("pulp.username", "pulp.db.username", "pulp.db.url", "pulp.tls.keystore", "pulp.tls.caBundle",
                "pulp.tasks", "pulp.apiRoot", "pulp.workers.scaleCommand", "sim.workers", "java.version"))
                .noneMatch(SecretProperties::isSecret);
    }

    @Test
    void hidingMovesASecretOutOfTheSystemPropertiesIntoTheHolder() {
        String name = "pulp.holderTest" + UUID.randomUUID().toString().replace("-", "") + ".password";
        String value = "v-" + UUID.randomUUID();
        System.setProperty(name, value);
        System.setProperty("pulp.holderTest.plain", "kept");
        try {
            SecretHolder.hideFromSystemProperties();
            assertThat(System.getProperty(name)).isNull();
            assertThat(System.getProperty("pulp.holderTest.plain")).isEqualTo("kept");
            assertThat(SecretHolder.systemProperties()).containsEntry(name, value).containsEntry("pulp.holderTest.plain", "kept");
            assertThat(System.getProperties().toString()).doesNotContain(value);
        } finally {
            System.clearProperty(name);
            System.clearProperty("pulp.holderTest.plain");
        }
    }

    @Test
    void aPropertySetAfterHidingIsTheNewerWord() {
        String name = "pulp.holderTest" + UUID.randomUUID().toString().replace("-", "") + ".token";
        System.setProperty(name, "old");
        SecretHolder.hideFromSystemProperties();
        System.setProperty(name, "new");
        try {
            assertThat(SecretHolder.systemProperties()).containsEntry(name, "new");
        } finally {
            System.clearProperty(name);
        }
    }

    @Test
    void theDatabaseLoaderReadsAHiddenPassword() {
        String password = "db-" + UUID.randomUUID();
        System.setProperty(DbSettingsLoader.URL, "jdbc:postgresql://127.0.0.1:1/none");
        System.setProperty(DbSettingsLoader.PASSWORD, password);
        try {
            SecretHolder.hideFromSystemProperties();
            assertThat(System.getProperty(DbSettingsLoader.PASSWORD)).isNull();
            assertThat(DbSettingsLoader.fromSystem()).get().extracting(s -> s.password()).isEqualTo(password);
        } finally {
            System.clearProperty(DbSettingsLoader.URL);
            System.clearProperty(DbSettingsLoader.PASSWORD);
        }
    }

    /**
     * Every loader reads -D properties through {@link SecretHolder}: a copy of the raw system
     * properties would miss the secrets hidden from Surefire (the simulator reads only its own sim.*).
     */
    @Test
    void noLoaderCopiesTheSystemPropertiesBehindTheHoldersBack() throws Exception {
        java.nio.file.Path main = java.nio.file.Path.of("src/main/java");
        try (var files = java.nio.file.Files.walk(main)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith("SecretHolder.java") && !f.toString().contains("/sim/"))
                    .filter(f -> {
                        try {
                            return java.nio.file.Files.readString(f).contains("System.getProperties()");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(main::relativize).map(Object::toString).toList();
            assertThat(offenders).as("classes reading System.getProperties() instead of SecretHolder.systemProperties()").isEmpty();
        }
    }
}

package io.pulpperf.throughput.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DbSettingsLoaderTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/pulp";

    @Test
    void withoutUrlThereIsNoSampling() {
        assertThat(DbSettingsLoader.load(Map.of("pulp.db.interval", "nonsense"), Map.of("PULP_DB_PASSWORD", "x"))).isEmpty();
    }

    @Test
    void readsUrlCredentialsAndInterval() {
        DbSettings s = DbSettingsLoader.load(Map.of("pulp.db.url", URL, "pulp.db.username", "mon", "pulp.db.password", "secret",
                "pulp.db.interval", "500ms"), Map.of()).orElseThrow();
        assertThat(s).extracting(DbSettings::url, DbSettings::username, DbSettings::password, DbSettings::interval)
                .containsExactly(URL, "mon", "secret", Duration.ofMillis(500));
        assertThat(s.toString()).doesNotContain("secret").contains("password=***");
    }

    @Test
    void credentialsComeFromTheEnvironmentUnlessGivenAsProperties() {
        Map<String, String> env = Map.of("PULP_DB_USERNAME", "env-user", "PULP_DB_PASSWORD", "env-pass");
        DbSettings fromEnv = DbSettingsLoader.load(Map.of("pulp.db.url", URL), env).orElseThrow();
        assertThat(fromEnv.username()).isEqualTo("env-user");
        assertThat(fromEnv.password()).isEqualTo("env-pass");
        assertThat(fromEnv.interval()).as("default interval").isEqualTo(Duration.ofSeconds(1));
        DbSettings fromProps = DbSettingsLoader.load(Map.of("pulp.db.url", URL, "pulp.db.password", "prop-pass"), env).orElseThrow();
        assertThat(fromProps.password()).isEqualTo("prop-pass");
    }

    @ParameterizedTest(name = "pulp.db.url=''{0}'' is refused")
    @ValueSource(strings = {"postgresql://db/pulp", "jdbc:mysql://db/pulp?password=hunter2", "http://db:5432/pulp", "jdbc:postgresql://db:notaport/pulp"})
    void refusesUrlsThatAreNotPostgresJdbc(String url) {
        assertThatThrownBy(() -> DbSettingsLoader.load(Map.of("pulp.db.url", url), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("-Dpulp.db.url must be a PostgreSQL JDBC URL such as jdbc:postgresql://")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest(name = "pulp.db.interval=''{0}'' is refused")
    @ValueSource(strings = {"0s", "0ms", "-1s", "50ms", "1", "often"})
    void refusesIntervalsThatAreNotAtLeast100ms(String interval) {
        assertThatThrownBy(() -> DbSettingsLoader.load(Map.of("pulp.db.url", URL, "pulp.db.interval", interval), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("-Dpulp.db.interval must be")
                .hasMessageContaining("at least 100ms")
                .hasMessageContaining("'" + interval + "'");
    }

    @Test
    void passwordsInTheUrlAreRedactedWhereverItIsShown() {
        String url = "jdbc:postgresql://db:5432/pulp?user=mon&password=hunter2&sslmode=require&sslpassword=k3y";
        DbSettings s = DbSettingsLoader.load(Map.of("pulp.db.url", url), Map.of()).orElseThrow();
        assertThat(s.safeUrl()).isEqualTo("jdbc:postgresql://db:5432/pulp?user=mon&password=***&sslmode=require&sslpassword=***");
        assertThat(s.toString()).doesNotContain("hunter2", "k3y");
        assertThat(JdbcUrls.redact("jdbc:postgresql://mon:hunter2@db/pulp")).isEqualTo("jdbc:postgresql://mon:***@db/pulp");
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/pulp")).isEqualTo("jdbc:postgresql://db:5432/pulp");
    }
}

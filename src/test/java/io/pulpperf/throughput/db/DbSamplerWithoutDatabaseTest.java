package io.pulpperf.throughput.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What happens when nothing listens where pulp.db.url points (port 1 on loopback refuses at once). */
class DbSamplerWithoutDatabaseTest {
    private static final DbSettings NOWHERE = new DbSettings("jdbc:postgresql://127.0.0.1:1/pulp?password=hunter2",
            "mon", "s3cret", Duration.ofMillis(100));

    @Test
    void preflightFailsFastNamingTheSettingsWithoutThePassword() {
        assertThatThrownBy(() -> DbPreflight.check(NOWHERE))
                .isInstanceOf(DbUnavailableException.class)
                .hasMessageContaining("Cannot sample PostgreSQL at jdbc:postgresql://127.0.0.1:1/pulp?password=***")
                .hasMessageContaining("-Dpulp.db.url")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void samplerReportsTheFailureAndGivesUpWithoutThrowing() {
        DbSampler sampler = DbSampler.start(NOWHERE, Duration.ofSeconds(30));
        org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(600)).until(() -> true);
        long t0 = System.nanoTime();
        DbReport report = sampler.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("stop() time").isLessThan(Duration.ofSeconds(5));
        assertThat(report.samples()).isEmpty();
        assertThat(report.problems()).hasSize(4).allSatisfy(p -> assertThat(p).startsWith("could not connect"));
        assertThat(report.problems().get(3)).contains("gave up after 4 attempts");
        assertThat(report.url()).doesNotContain("hunter2");
        assertThat(DbObservation.line(report, DbSummary.of(report.samples(), null, null)))
                .startsWith("DB: no samples, sampler problem: could not connect").contains("(+3 more)");
    }
}

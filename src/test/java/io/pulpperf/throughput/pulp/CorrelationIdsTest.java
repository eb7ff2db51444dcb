package io.pulpperf.throughput.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every id the suite sends passes django-guid's check, which Pulp applies to each Correlation-ID. */
class CorrelationIdsTest {
    @Test
    void aRunsIdAndItsDerivedIdsAreUuidsPulpKeeps() {
        String run = CorrelationIds.newRun();
        assertThat(run).matches("[0-9a-f]{32}");
        String cleanup = CorrelationIds.derived(run, "cleanup");
        assertThat(cleanup).matches("[0-9a-f]{32}").isNotEqualTo(run).isEqualTo(CorrelationIds.derived(run, "cleanup"));
        assertThat(CorrelationIds.derived(run, "wake-up")).isNotEqualTo(cleanup);
        assertThat(CorrelationIds.derived(CorrelationIds.newRun(), "cleanup")).isNotEqualTo(cleanup);
        // version 4 and the RFC 4122 variant: even a strict uuid4 check keeps it as sent
        UUID parsed = UUID.fromString(cleanup.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        assertThat(parsed.version()).isEqualTo(4);
        assertThat(parsed.variant()).isEqualTo(2);
        assertThat(CorrelationIds.isValid(run)).isTrue();
        assertThat(CorrelationIds.isValid(cleanup)).isTrue();
    }

    @Test
    void validityFollowsPythonsUuidParser() {
        assertThat(CorrelationIds.isValid("20a6c3ae6814414bb57c16b4af3e04f6")).isTrue();
        assertThat(CorrelationIds.isValid("20a6c3ae-6814-414b-b57c-16b4af3e04f6")).isTrue();
        assertThat(CorrelationIds.isValid("{20a6c3ae-6814-414b-b57c-16b4af3e04f6}")).isTrue();
        assertThat(CorrelationIds.isValid("urn:uuid:20a6c3ae-6814-414b-b57c-16b4af3e04f6")).isTrue();
        assertThat(CorrelationIds.isValid("20A6C3AE6814414BB57C16B4AF3E04F6")).isTrue();
        // what the suite used to send, and the recorded replaced id (32 hex digits and a letter)
        assertThat(CorrelationIds.isValid("69e30c5f5c4649c78c0d36e839b5897ac")).isFalse();
        assertThat(CorrelationIds.isValid("69e30c5f5c4649c78c0d36e839b5897n")).isFalse();
        assertThat(CorrelationIds.isValid("69e30c5f5c4649c78c0d36e839b5897")).isFalse();
        assertThat(CorrelationIds.isValid("bench-live-1234")).isFalse();
        assertThat(CorrelationIds.isValid("")).isFalse();
        assertThat(CorrelationIds.isValid(null)).isFalse();
    }
}

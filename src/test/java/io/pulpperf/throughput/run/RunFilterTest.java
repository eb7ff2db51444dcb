package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.pulp.PulpTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a run's tasks are found when the server does not echo correlation ids. */
class RunFilterTest {
    private static DispatchRecord answered(long intendedMicros, long latencyMicros, String date) {
        return new DispatchRecord(0, intendedMicros, intendedMicros, latencyMicros, 202, "/t/", 1, false, date, null);
    }

    @Test
    void windowComesFromTheServersDateHeadersWithAMargin() {
        // the client clock is 1 h off; the server's Date headers say 10:00:00 and 10:00:05
        long clientClock = PulpTime.toMicros(Instant.parse("2026-11-27T11:00:00Z"));
        RunFilter f = RunFilter.byTimeWindow(List.of(
                answered(clientClock, 500_000, "Fri, 27 Nov 2026 10:00:00 GMT"),
                answered(clientClock + 5_000_000, 100_000, "Fri, 27 Nov 2026 10:00:05 GMT")), Optional.of("general_delete"));
        assertThat(f.params()).containsEntry("pulp_created__gte", "2026-11-27T09:59:57.500000Z")
                .containsEntry("pulp_created__lte", "2026-11-27T10:00:07Z")
                .containsEntry("name__contains", "general_delete")
                .doesNotContainKey("logging_cid");
        assertThat(f.description()).contains("server clock").contains("other tasks created in that window are counted too");
    }

    @Test
    void withoutDateHeadersTheClientClockIsUsedAndSaidSo() {
        long t = PulpTime.toMicros(Instant.parse("2026-11-27T10:00:00Z"));
        RunFilter f = RunFilter.byTimeWindow(List.of(answered(t, 1_000_000, null)), Optional.empty());
        assertThat(f.params()).containsEntry("pulp_created__gte", "2026-11-27T09:59:58Z")
                .containsEntry("pulp_created__lte", "2026-11-27T10:00:03Z").doesNotContainKey("name__contains");
        assertThat(f.description()).contains("client clock");
    }

    @Test
    void byCorrelationIdSelectsTheLoggingCid() {
        assertThat(RunFilter.byCorrelationId("abc").params()).containsExactly(org.assertj.core.api.Assertions.entry("logging_cid", "abc"));
    }
}

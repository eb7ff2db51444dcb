package io.pulpperf.throughput.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleAssemblerTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void countsSessionsFindsTheLongestAndNamesLockWaits() {
        List<SessionRow> sessions = List.of(
                new SessionRow(10, "active", "pulpcore-worker", null, null, 0.5, 0.5, "UPDATE core_task", List.of()),
                new SessionRow(11, "active", "pulpcore-worker", "Lock", "transactionid", 3.0, 3.0, "UPDATE core_task SET", List.of(12)),
                new SessionRow(12, "idle in transaction", "pulpcore-api", "Client", "ClientRead", 9.0, 20.0, "SELECT 1", List.of()),
                new SessionRow(13, "idle", "", null, null, 100.0, null, "COMMIT", List.of()));
        List<LockDetail> locks = List.of(new LockDetail(11, "transactionid", "ShareLock", null));
        Counters before = new Counters(0, 1000, true, 10, 20, 0, 1, 2);
        Counters now = new Counters(2_000_000_000L, 1204, true, 110, 220, 10, 3, 2);

        DbSample s = SampleAssembler.assemble(AT, sessions, locks, now, before, 4, 1.5);

        assertThat(s.byState()).containsExactlyInAnyOrderEntriesOf(Map.of("active", 2, "idle in transaction", 1, "idle", 1));
        assertThat(s.byApplication()).containsEntry("pulpcore-worker", 2).containsEntry("(no application_name)", 1);
        assertThat(s.connections()).isEqualTo(4);
        assertThat(s.idleInTransaction()).isEqualTo(1);
        assertThat(s.lockWaits()).containsExactly(new LockWait(11, "Lock", "transactionid", "ShareLock", null, List.of(12), 3.0,
                "UPDATE core_task SET"));
        assertThat(s.lockWaits().get(0).what()).isEqualTo("ShareLock on transactionid");
        assertThat(s.longestQuery()).as("only active queries run").isEqualTo(new RunningQuery(11, 3.0, "UPDATE core_task SET"));
        assertThat(s.longestTransaction()).isEqualTo(new RunningQuery(12, 20.0, "SELECT 1"));
        assertThat(s.rates().transactions()).as("(204 - 4 own) / 2 s").isCloseTo(100.0, within(1e-9));
        assertThat(s.rates().inserted()).isCloseTo(50.0, within(1e-9));
        assertThat(s.rates().updated()).isCloseTo(100.0, within(1e-9));
        assertThat(s.rates().deleted()).isCloseTo(5.0, within(1e-9));
        assertThat(s.rates().seqScans()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theFirstSampleHasNoRatesAndResetCountersNeverGoNegative() {
        Counters c = new Counters(0, 5, false, 0, 0, 0, 0, 0);
        assertThat(SampleAssembler.assemble(AT, List.of(), List.of(), c, null, 0, 1).rates()).isNull();
        Counters reset = new Counters(1_000_000_000L, 1, false, 0, 0, 0, 0, 0);
        assertThat(SampleAssembler.assemble(AT, List.of(), List.of(), reset, c, 3, 1).rates().transactions()).isZero();
    }
}

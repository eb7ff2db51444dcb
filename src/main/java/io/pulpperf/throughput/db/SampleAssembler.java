package io.pulpperf.throughput.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns what one sample read (sessions, ungranted locks, counters) into a {@link DbSample}. */
final class SampleAssembler {
    private SampleAssembler() {}

    /**
     * @param sessions        client sessions, the sampler's own already left out
     * @param waitingLocks    ungranted locks (empty when no session waits on a lock)
     * @param counters        this sample's counters
     * @param previous        the previous sample's counters, or null for the first
     * @param ownTransactions transactions the sampler ran since {@code previous}
     */
    static DbSample assemble(Instant at, List<SessionRow> sessions, List<LockDetail> waitingLocks, Counters counters,
                             Counters previous, long ownTransactions, double costMillis) {
        Map<String, Integer> byState = new TreeMap<>();
        Map<String, Integer> byApplication = new TreeMap<>();
        for (SessionRow s : sessions) {
            byState.merge(s.state(), 1, Integer::sum);
            byApplication.merge(s.application().isEmpty() ? "(no application_name)" : s.application(), 1, Integer::sum);
        }
        Map<Integer, LockDetail> lockByPid = waitingLocks.stream()
                .collect(Collectors.toMap(LockDetail::pid, Function.identity(), (a, b) -> a));
        List<LockWait> waits = new ArrayList<>();
        for (SessionRow s : sessions) {
            if (!s.waitsOnLock()) continue;
            LockDetail l = lockByPid.get(s.pid());
            waits.add(new LockWait(s.pid(), s.waitEventType(), s.waitEvent(), l == null ? null : l.mode(),
                    l == null ? null : l.relation(), s.blockedBy(), s.querySeconds(), s.query()));
        }
        RunningQuery longestQuery = sessions.stream()
                .filter(s -> DbSample.ACTIVE.equals(s.state()) && s.querySeconds() != null)
                .max(Comparator.comparingDouble(SessionRow::querySeconds))
                .map(s -> new RunningQuery(s.pid(), s.querySeconds(), s.query())).orElse(null);
        RunningQuery longestTransaction = sessions.stream()
                .filter(s -> s.xactSeconds() != null)
                .max(Comparator.comparingDouble(SessionRow::xactSeconds))
                .map(s -> new RunningQuery(s.pid(), s.xactSeconds(), s.query())).orElse(null);
        Counters.Rates rates = previous == null ? null : counters.since(Objects.requireNonNull(previous), ownTransactions);
        return new DbSample(at, byState, byApplication, waits, longestQuery, longestTransaction, rates,
                counters.tablePresent(), costMillis);
    }
}

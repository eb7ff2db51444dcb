package io.pulpperf.throughput.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompactRecordsTest {
    private static DispatchRecord record(int seq, Random random) {
        String href = switch (seq % 6) {
            case 0, 1 -> "/pulp/api/v3/tasks/" + UUID.randomUUID() + "/";
            case 2 -> "/api/pulp/perf/api/v3/tasks/" + UUID.randomUUID() + "/";
            case 3 -> "/pulp/api/v3/tasks/" + UUID.randomUUID().toString().toUpperCase() + "/";  // kept as text
            case 4 -> "/pulp/api/v3/tasks/" + seq + "/";
            default -> null;
        };
        boolean failed = seq % 7 == 0;
        return new DispatchRecord(seq, 1_700_000_000_000_000L + seq * 1000L + random.nextInt(500), 1_700_000_000_000_000L + seq * 1000L + 600,
                failed ? -1 : random.nextInt(100_000), failed ? -1 : 202, failed ? null : href, failed ? 0 : random.nextInt(3),
                random.nextBoolean(), failed ? null : "Fri, 27 Nov 2026 09:2" + (seq % 10) + ":00 GMT",
                failed ? "ConnectException: Connection refused " + (seq % 3) : null);
    }

    @Test
    void recordsComeBackEqualAndInSequenceOrderWhateverTheArrivalOrder() throws Exception {
        Random random = new Random(5);
        List<DispatchRecord> all = new ArrayList<>();
        for (int seq = 0; seq < 50_000; seq++) all.add(record(seq, random));
        List<DispatchRecord> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);
        CompactRecords compact = new CompactRecords();
        // added from 4 threads at once, as the dispatcher's clients do
        List<Thread> threads = IntStream.range(0, 4).mapToObj(t -> new Thread(() -> {
            for (int k = t; k < shuffled.size(); k += 4) compact.add(shuffled.get(k));
        })).toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        List<DispatchRecord> back = compact.sealed();
        assertThat(back).hasSize(all.size());
        assertThat(back).containsExactlyElementsOf(all);
        assertThatThrownBy(() -> back.add(all.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void gapsInTheSequenceAreSortedToo() {
        Random random = new Random(1);
        CompactRecords compact = new CompactRecords();
        List<DispatchRecord> some = new ArrayList<>();
        for (int seq : new int[] {7, 3, 100, 0, 42}) {
            DispatchRecord r = record(seq, random);
            some.add(r);
            compact.add(r);
        }
        some.sort(Comparator.comparingInt(DispatchRecord::seq));
        assertThat(compact.sealed()).containsExactlyElementsOf(some);
        assertThat(new CompactRecords().sealed()).isEmpty();
    }

    @Test
    void onlyCanonicalUuidHrefsArePacked() {
        String id = UUID.randomUUID().toString();
        assertThat(CompactRecords.uuidStart("/pulp/api/v3/tasks/" + id + "/")).isEqualTo(19);
        assertThat(CompactRecords.uuidStart("/pulp/api/v3/tasks/" + id)).isEqualTo(-1);
        assertThat(CompactRecords.uuidStart("/pulp/api/v3/tasks/" + id.toUpperCase() + "/")).isEqualTo(-1);
        assertThat(CompactRecords.uuidStart(id + "/")).isZero();  // an empty prefix
    }
}

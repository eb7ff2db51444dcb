package io.pulpperf.throughput.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RawTaskCsvTest {
    @Test
    void millisecondsAreWhatPercentThreeFGives() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long micros = i < 3000 ? i - 1500 : random.nextLong(-10_000_000_000L, 10_000_000_000_000L);
            assertThat(RawTaskCsv.ms(micros)).isEqualTo(String.format(Locale.ROOT, "%.3f", micros / 1000.0));
        }
        assertThat(RawTaskCsv.ms(null)).isEmpty();
    }
}

package io.pulpperf.throughput.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct paths for Pulp's own timestamp shape give exactly what java.time gives. */
class PulpTimeTest {
    @Test
    void directFormatAndParseAgreeWithJavaTime() {
        SplittableRandom random = new SplittableRandom(9);
        long max = 9_000_000_000_000_000L;  // 2255: java.time's path overflows its nanoseconds beyond 2262
        for (int i = 0; i < 200_000; i++) {
            long micros = switch (i % 4) {
                case 0 -> random.nextLong(max);
                case 1 -> random.nextLong(max / 1_000_000) * 1_000_000;  // whole seconds: no fraction
                case 2 -> 1_700_000_000_000_000L + random.nextLong(400_000_000_000_000L);  // around now
                default -> random.nextLong(1_000_000_000_000L);  // near the epoch
            };
            String text = PulpTime.formatJavaTime(micros);
            assertThat(PulpTime.format(micros)).isEqualTo(text);
            assertThat(PulpTime.parseMicros(text)).as(text).isEqualTo(micros).isEqualTo(PulpTime.parseJavaTime(text));
        }
        assertThat(PulpTime.format(0)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(PulpTime.format(-1)).isEqualTo("1969-12-31T23:59:59.999999Z");
        assertThat(PulpTime.format(1_709_251_199_000_001L)).isEqualTo("2024-02-29T23:59:59.000001Z");
    }

    @Test
    void otherShapesStillParse() {
        long micros = PulpTime.parseMicros("2024-05-06T07:08:09.123456Z");
        assertThat(PulpTime.parseMicros("2024-05-06T09:08:09.123456+02:00")).isEqualTo(micros);
        assertThat(PulpTime.parseMicros("2024-05-06T07:08:09.123Z")).isEqualTo(micros - 456);
        assertThat(PulpTime.parseMicros("2024-05-06T07:08:09.1234567Z")).isEqualTo(micros);  // sub-microsecond digits dropped
        assertThat(PulpTime.parseFast("2024-02-30T07:08:09Z")).isEqualTo(Long.MIN_VALUE);  // no such day: java.time decides
        assertThat(PulpTime.parseFast("2024-05-06T24:08:09Z")).isEqualTo(Long.MIN_VALUE);
        assertThat(PulpTime.parseFast("2024-05-06T07:08:0xZ")).isEqualTo(Long.MIN_VALUE);
    }
}

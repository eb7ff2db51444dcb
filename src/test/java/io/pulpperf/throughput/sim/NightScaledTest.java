package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The simulator's night-to-night noise knob: a service time with {@code ~8%} is scaled by one lognormal factor per start. */
class NightScaledTest {
    @Test
    void aSeededSpreadDrawsTheSameFactorEveryStart() {
        ServiceTime.NightScaled a = (ServiceTime.NightScaled) ServiceTime.parse("20ms ~8%@7", 1);
        ServiceTime.NightScaled b = (ServiceTime.NightScaled) ServiceTime.parse("20ms ~8%@7", 1);
        assertThat(a.factor()).isEqualTo(b.factor()).isNotEqualTo(1.0);
        assertThat(a.nextMicros()).isEqualTo(Math.round(20_000 * a.factor()));
        assertThat(a.spread()).isEqualTo(0.08);
    }

    @Test
    void unseededFactorsHaveTheAskedSpread() {
        int n = 400;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double log = Math.log(((ServiceTime.NightScaled) ServiceTime.parse("exp:40ms ~8%", 1)).factor());
            sum += log;
            sumSq += log * log;
        }
        double mean = sum / n;
        double sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
        // The standard error of sd over 400 draws is 0.08 / sqrt(800) = 0.0028: 0.07-0.09 is over 3.5 of them.
        assertThat(sd).isBetween(0.07, 0.09);
        assertThat(Math.abs(mean)).isLessThan(0.015);
    }

    @Test
    void aMalformedSpreadSaysWhatIsExpected() {
        assertThatThrownBy(() -> ServiceTime.parse("20ms ~8", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("such as ~8% or ~8%@7");
    }
}

package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatsTest {
    @TempDir
    Path dir;

    private static Scenario s(String name) {
        return SimulatedRun.scenario(name, Workload.REPOSITORY_DELETE, 1, 10, 1);
    }

    private static List<String> order(Repeats r) {
        return r.interleave(List.of(s("A"), s("B"), s("C"))).stream()
                .map(p -> p.scenario().name() + p.round().round()).toList();
    }

    @Test
    void roundsAreInterleavedAcrossTheMatrix() throws Exception {
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "defaults: {repeat: 2}\nscenarios:\n  - {name: A}\n  - {name: B, repeat: 3}\n  - {name: C, repeat: 1}\n");
        assertThat(order(Repeats.load(m, Map.of()))).containsExactly("A1", "B1", "C1", "A2", "B2", "B3");
        assertThat(order(Repeats.load(m, Map.of("pulp.repeat", "2")))).containsExactly("A1", "B1", "C1", "A2", "B2", "C2");
        assertThat(order(Repeats.none())).containsExactly("A1", "B1", "C1");
    }

    @Test
    void aSingleRoundKeepsTheTestNameAsItWas() {
        assertThat(new Repeats.Round(1, 1)).hasToString("");
        assertThat(new Repeats.Round(2, 3)).hasToString(" (round 2 of 3)");
    }

    @Test
    void aBadRepeatPropertyStopsTheRun() {
        assertThatThrownBy(() -> Repeats.load(null, Map.of("pulp.repeat", "0"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("-Dpulp.repeat must be a whole number from 1 to 100");
    }
}

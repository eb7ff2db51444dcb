package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.config.FleetSettings;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.observe.HoldPeaks;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ResourcePeak;
import io.pulpperf.throughput.observe.ScenarioWindow;
import io.pulpperf.throughput.report.FleetTable;
import io.pulpperf.throughput.report.JudgedScenario;
import io.pulpperf.throughput.report.ResultsJson;
import io.pulpperf.throughput.sim.HeartbeatPlan;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet table's Bottleneck column per count (issue 20): a real fleet run on the simulator, its
 * holds handed to stub observers whose per-hold peaks are set, so which one wins at which count is known.
 * The per-hold figures of the real observers are tested in PromFleetHoldsTest and DbHoldPeaksTest.
 */
@DisplayName("Fleet bottleneck column: the resource near its limit at each count, or none, beside the heartbeats")
class FleetBottleneckTest {
    @TempDir
    Path out;

    @Test
    void eachCountNamesItsOwnHighestPeakFromEveryObserver() throws Exception {
        ScenarioResult r = fleetRun();
        List<ScenarioWindow.Hold> holds = FleetPeaks.holds(r);
        assertThat(holds).extracting(ScenarioWindow.Hold::label).containsExactly("2 workers", "4 workers");
        assertThat(holds).allSatisfy(h -> assertThat(Duration.between(h.from(), h.to())).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(3)));
        assertThat(holds.get(1).from()).isAfter(holds.get(0).to());
        Observed prom = observed("resources", holds, List.of(cpu("worker CPU", 0.4), cpu("DB CPU", 0.3)),
                List.of(cpu("worker CPU", 0.8), cpu("DB CPU", 1.9)));
        Observed db = observed("database", holds, List.of(new ResourcePeak("DB active sessions", 3, "sessions", 0.6, "DB active sessions peak 3 of 5")),
                List.of(new ResourcePeak("DB active sessions", 5, "sessions", 0.5, "DB active sessions peak 5 of 10")));

        ScenarioResult withPeaks = FleetPeaks.with(r, List.of(prom, db, health()));
        String md = FleetTable.markdown(List.of(new JudgedScenario(withPeaks, List.of())));
        // At 2 workers the highest score is 0.6, under the default bar of 0.8 (issue 27): nothing is named a bottleneck.
        assertThat(md).containsPattern("\\| 2 \\| No \\| none near its limit \\(highest: DB active sessions 3 of 5 sessions\\); heartbeat p95 \\d\\.\\d s, max \\d\\.\\d s; online 2 of 2;")
                .containsPattern("\\| 4 \\| No \\| bottleneck: DB CPU peak 1\\.9 cores; heartbeat p95 \\d\\.\\d s, max \\d\\.\\d s; online 4 of 4;");

        JsonNode fleet = new ObjectMapper().readTree(ResultsJson.json(Map.of("date", "d"), List.of(new JudgedScenario(withPeaks, List.of()))))
                .path("scenarios").get(0).path("fleet");
        assertThat(fleet.get(1).path("peaks")).hasSize(3);
        assertThat(fleet.get(1).path("peaks").get(0).path("resource").asText()).isEqualTo("DB CPU");
        assertThat(fleet.get(1).path("peaks").get(0).path("peak").asDouble()).isEqualTo(1.9);
        assertThat(fleet.get(1).path("peaks").get(0).path("score").asDouble()).isEqualTo(1.9);
        assertThat(fleet.get(0).has("holdFrom")).isTrue();
        assertThat(FleetTable.csv(withPeaks.fleet())).contains("DB CPU peak 1.9 cores");
    }

    @Test
    void withoutObserversTheResourcePartIsADashAndWithNothingInTheHoldItSaysSo() throws Exception {
        ScenarioResult r = fleetRun();
        ScenarioResult none = FleetPeaks.with(r, List.of(health()));
        assertThat(none.fleet()).allSatisfy(c -> assertThat(c.peaks()).isNull());
        assertThat(FleetTable.markdown(List.of(new JudgedScenario(none, List.of())))).contains("| 2 | No | -; heartbeat p95 ");

        ScenarioResult empty = FleetPeaks.with(r, List.of(observed("resources", FleetPeaks.holds(r), List.of(), List.of())));
        assertThat(FleetTable.markdown(List.of(new JudgedScenario(empty, List.of())))).contains("| 4 | No | no resource figures in the hold; heartbeat p95 ");
    }

    private ScenarioResult fleetRun() throws Exception {
        try (SimulatedRun sim = new SimulatedRun(SimulatorConfig.defaults().withWorkers(2)
                .withHeartbeats(HeartbeatPlan.defaults().withTtl(Duration.ofMillis(600))), out)) {
            return sim.run(new Scenario("fleet", Workload.REPOSITORY_DELETE, 4, 1, 1, null, Shape.FLEET, Duration.ofMinutes(1),
                    new Thresholds(0, 0, 0), null, null, null, new FleetSettings(List.of(2, 4), Duration.ofMillis(1500), Duration.ofMillis(200))));
        }
    }

    private static ResourcePeak cpu(String name, double cores) {
        return new ResourcePeak(name, cores, "cores", cores, name + " peak " + cores + " cores");
    }

    private static Observed observed(String source, List<ScenarioWindow.Hold> holds, List<ResourcePeak> first, List<ResourcePeak> second) {
        List<HoldPeaks> per = List.of(new HoldPeaks(holds.get(0).label(), holds.get(0).from(), holds.get(0).to(), first),
                new HoldPeaks(holds.get(1).label(), holds.get(1).from(), holds.get(1).to(), second));
        return new Observed(source, "", List.of(), List.of(), Map.of(HoldPeaks.FIGURE, per), "");
    }

    /** The worker-health observer, always there: it reports no holds, so alone it means "no observers". */
    private static Observed health() {
        return new Observed("workerHealth", "", List.of(), List.of(), Map.of("onlineAtStart", 2), "");
    }
}

package io.pulpperf.throughput.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * False alarms and detection on real runs: the simulator's random service times give each run its
 * own noise. 24 runs at uniform 20-30 ms make the series (as 24 single-run nights, and as 8 nights
 * of 3 rounds), then 3 runs at +20% service time and 3 at +5%: about 30 short runs in all. Uniform,
 * not exponential: a run of 60 tasks at exp:25ms varies by +-20% in throughput (the sum of 30
 * exponential times per worker), ten times the real Pulp's run-to-run spread (pulp-api-facts.md
 * section 9: 1.9%); uniform 20-30 ms gives a spread of the real one's order.
 */
class HistoryEndToEndTest {
    private static final int NOISE_RUNS = 24;
    private static final Scenario SCENARIO = SimulatedRun.scenario("e2e", Workload.REPOSITORY_DELETE, 2, 60, 4);

    @TempDir
    Path dir;

    private List<Map<String, Double>> runs(String serviceTime, int count, long seed) throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults().withWorkers(2).withSeed(seed).withServiceTime("ageneral_delete", serviceTime);
        List<Map<String, Double>> out = new ArrayList<>();
        try (SimulatedRun sim = new SimulatedRun(config, dir.resolve(serviceTime.replaceAll("[^a-z0-9]", "_")))) {
            for (int i = 0; i < count; i++) {
                ScenarioResult r = sim.run(SCENARIO);
                assertThat(r.finished()).isTrue();
                out.add(FigureCatalog.of(r, null));
            }
        }
        return out;
    }

    private static HistoryRecord record(int i, Map<String, Double> figures, String verdict, int rounds) {
        return new HistoryRecord(1, "n" + i, "run-" + i, "e2e", "e2e@0", HistoryRecord.OK, verdict, Map.of(), "test", Map.of(),
                rounds, figures, null, null);
    }

    /** Each figure's rounds from a group of runs. */
    private static Map<String, double[]> rounds(List<Map<String, Double>> group) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String f : group.get(0).keySet()) out.put(f, group.stream().mapToDouble(m -> m.get(f)).toArray());
        return out;
    }

    @Test
    void noiseRaisesNoAlarmAndSlowerServiceIsCaught() throws Exception {
        Judge judge = new Judge(JudgeSettings.defaults(), EDivisive.defaults());
        List<Map<String, Double>> noise = runs("uniform:20ms..30ms", NOISE_RUNS, 11);
        List<Map<String, Double>> slower = runs("uniform:24ms..36ms", 3, 12);
        List<Map<String, Double>> bitSlower = runs("uniform:21ms..31500us", 3, 13);

        // 24 single-run nights in a row, each judged against the ones before.
        List<HistoryRecord> singles = new ArrayList<>();
        int alarms = 0;
        int judged = 0;
        for (int i = 0; i < noise.size(); i++) {
            SeriesJudgement j = judge.judge("e2e@0", singles, new Judge.Tonight("run-" + i, "n" + i, rounds(List.of(noise.get(i)))), "");
            if (!j.verdict().equals("not judged")) judged++;
            if (j.regressed()) alarms++;
            singles.add(record(i, noise.get(i), j.verdict(), 1));
        }
        Spread tps = Spread.of(noise.stream().mapToDouble(m -> m.get("throughput")).toArray());
        Spread wait = Spread.of(noise.stream().mapToDouble(m -> m.get("queueWaitP95Ms")).toArray());
        System.out.printf("History e2e, uniform 20-30 ms noise over %d runs: throughput %s, p95 queue wait %s ms; %d regressions in %d judged nights%n",
                noise.size(), tps.shown(HistoryChecks::number), wait.shown(HistoryChecks::number), alarms, judged);
        assertThat(alarms).isZero();

        // +20% service time, one run a night: flagged within two nights.
        List<HistoryRecord> h = new ArrayList<>(singles);
        SeriesJudgement first = judge.judge("e2e@0", h, new Judge.Tonight("s1", "s1", rounds(List.of(slower.get(0)))), "");
        h.add(record(100, slower.get(0), first.verdict(), 1));
        SeriesJudgement second = judge.judge("e2e@0", h, new Judge.Tonight("s2", "s2", rounds(List.of(slower.get(1)))), "");
        System.out.printf("History e2e, +20%% service time, one run a night: night 1 %s, night 2 %s (throughput %s)%n",
                first.verdict(), second.verdict(), HistoryChecks.number(slower.get(0).get("throughput")));
        assertThat(first.regressed() || second.regressed()).as("+20%% flagged within two nights").isTrue();

        // The same noise as 8 nights of 3 rounds (median each), then the +20% night of 3 rounds: flagged at once.
        List<HistoryRecord> triples = new ArrayList<>();
        for (int n = 0; n < NOISE_RUNS / 3; n++) {
            Map<String, double[]> r = rounds(noise.subList(3 * n, 3 * n + 3));
            Map<String, Double> medians = new LinkedHashMap<>();
            r.forEach((k, v) -> medians.put(k, Spread.of(v).median()));
            triples.add(record(n, medians, "no change", 3));
        }
        SeriesJudgement repeated = judge.judge("e2e@0", triples, new Judge.Tonight("r", "r", rounds(slower)), "");
        System.out.printf("History e2e, +20%% service time, repeat 3 against 8 nights of 3: %s%n", repeated.verdict());
        assertThat(repeated.regressed()).isTrue();

        // +5% service time at a 10% tolerance: not flagged, with or without repetitions.
        SeriesJudgement small3 = judge.judge("e2e@0", triples, new Judge.Tonight("b", "b", rounds(bitSlower)), "");
        SeriesJudgement small1 = judge.judge("e2e@0", singles, new Judge.Tonight("b1", "b1", rounds(List.of(bitSlower.get(0)))), "");
        System.out.printf("History e2e, +5%% service time: repeat 3 %s, one run %s%n", small3.verdict(), small1.verdict());
        assertThat(small3.regressed()).isFalse();
        assertThat(small1.regressed()).isFalse();
    }

    /** The noise: exp:25ms. Far noisier than a real Pulp, yet no false alarm either. */
    @Test
    void exponentialServiceTimesRaiseNoAlarm() throws Exception {
        Judge judge = new Judge(JudgeSettings.defaults(), EDivisive.defaults());
        List<Map<String, Double>> noise = runs("exp:25ms", NOISE_RUNS, 21);
        List<HistoryRecord> h = new ArrayList<>();
        int alarms = 0;
        int judged = 0;
        for (int i = 0; i < noise.size(); i++) {
            SeriesJudgement j = judge.judge("e2e@0", h, new Judge.Tonight("run-" + i, "n" + i, rounds(List.of(noise.get(i)))), "");
            if (!j.verdict().equals("not judged")) judged++;
            if (j.regressed()) alarms++;
            h.add(record(i, noise.get(i), j.verdict(), 1));
        }
        Spread tps = Spread.of(noise.stream().mapToDouble(m -> m.get("throughput")).toArray());
        Spread wait = Spread.of(noise.stream().mapToDouble(m -> m.get("queueWaitP95Ms")).toArray());
        System.out.printf("History e2e, exp:25ms noise over %d runs: throughput %s, p95 queue wait %s ms; %d regressions in %d judged nights%n",
                noise.size(), tps.shown(HistoryChecks::number), wait.shown(HistoryChecks::number), alarms, judged);
        assertThat(judged).isEqualTo(NOISE_RUNS - 2);
        assertThat(alarms).isZero();
    }
}

package io.pulpperf.throughput.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real history (src/test/resources/history/README.md) replayed night by night, as the suite
 * would have judged it: each night against the records before it (both scenarios of a night read
 * the file as it was at the night's start), tonight's verdict written into its record, the noise
 * pooled over the target's two series. Nights 1-5, 7, 8 are noise; night 6 a one-off slowdown;
 * nights 9-11 a lasting one.
 */
class RealNightsReplayTest {
    static final Path REAL = Path.of("src/test/resources/history/real-nights.jsonl");

    /** Each night's judgements, in night order, scenario by scenario. */
    static List<Map<String, SeriesJudgement>> replay(List<HistoryRecord> file, AcceptedChanges accepted) {
        Judge judge = new Judge(JudgeSettings.defaults(), EDivisive.defaults(), accepted);
        List<HistoryRecord> written = new ArrayList<>();
        List<Map<String, SeriesJudgement>> nights = new ArrayList<>();
        for (int i = 0; i < file.size(); i += 2) {
            TargetNoise noise = new TargetNoise(written, accepted);
            Map<String, SeriesJudgement> night = new LinkedHashMap<>();
            List<HistoryRecord> tonight = new ArrayList<>();
            for (HistoryRecord r : file.subList(i, Math.min(i + 2, file.size()))) {
                List<HistoryRecord> earlier = written.stream().filter(h -> h.series().equals(r.series())).toList();
                Map<String, double[]> rounds = new LinkedHashMap<>();
                r.figures().forEach((k, v) -> rounds.put(k, new double[] {v}));
                SeriesJudgement j = judge.judge(r.series(), earlier, new Judge.Tonight(r.runId(), r.when(), rounds, r.workerHealth()), "", noise);
                night.put(r.scenario(), j);
                tonight.add(new HistoryRecord(r.schema(), r.when(), r.runId(), r.scenario(), r.series(), r.status(), j.verdict(), r.pulp(),
                        r.suiteVersion(), r.parameters(), r.rounds(), r.figures(), r.spread(), r.workerHealth()));
            }
            written.addAll(tonight);
            nights.add(night);
        }
        return nights;
    }

    static String line(int night, Map<String, SeriesJudgement> js) {
        StringBuilder out = new StringBuilder("night " + night + ":");
        js.forEach((s, j) -> {
            FigureJudgement g = j.gate();
            out.append("  ").append(s).append(' ').append(j.verdict());
            if (g != null && g.change() != null) {
                out.append(String.format(java.util.Locale.ROOT, " (throughput %+.0f%%, p %.2g, %s; %s%s)", g.change() * 100, g.significance(),
                        g.noise().describe(), g.detectable(), g.lasting() == null ? "" : "; " + g.lasting().describe(g.name())));
            }
        });
        return out.toString();
    }

    @Test
    void nightSixAndNightsNineToElevenAreRegressionsTheRestAreNot() {
        HistoryFile.Read read = HistoryFile.read(REAL);
        assertThat(read.records()).hasSize(22);
        List<Map<String, SeriesJudgement>> nights = replay(read.records(), AcceptedChanges.none());
        for (int n = 1; n <= nights.size(); n++) System.out.println("Real nights replayed, " + line(n, nights.get(n - 1)));
        System.out.println("Real nights replayed, night 9's failure: " + HistoryChecks.of(nights.get(8).get("night-steady")).get(0).message());
        System.out.println("Real nights replayed, night 10's observation: " + HistoryTable.observation(nights.get(9).get("night-steady")));
        for (int n = 1; n <= 11; n++) {
            Map<String, SeriesJudgement> night = nights.get(n - 1);
            boolean anyRegression = night.values().stream().anyMatch(SeriesJudgement::regressed);
            if (n == 6 || n >= 9) assertThat(anyRegression).as("night " + n + " is a regression").isTrue();
            else assertThat(anyRegression).as("night " + n + " is not a regression: " + line(n, night)).isFalse();
        }
        // Nights 9-11: both scenarios, every night (the lasting slowdown hit both).
        for (int n = 9; n <= 11; n++) assertThat(nights.get(n - 1).values()).as("night " + n).allMatch(SeriesJudgement::regressed);
        // Night 3 is judged (a new series from its third run, with the pooled noise).
        assertThat(nights.get(2).values()).noneMatch(j -> j.verdict().equals(FigureJudgement.NOT_JUDGED));
    }
}

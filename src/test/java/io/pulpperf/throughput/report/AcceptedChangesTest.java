package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.history.FigureJudgement;
import io.pulpperf.throughput.history.HistoryChecks;
import io.pulpperf.throughput.history.HistoryFile;
import io.pulpperf.throughput.history.HistoryRecord;
import io.pulpperf.throughput.history.HistorySettings;
import io.pulpperf.throughput.history.HistoryTable;
import io.pulpperf.throughput.history.NightlyHistory;
import io.pulpperf.throughput.history.SeriesJudgement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lasting drop fails every night until config/accepted-changes.yaml accepts it; a malformed file stops the run before any load. */
class AcceptedChangesTest {
    @TempDir
    Path dir;

    private NightlyHistory load(Path file, Path accepted) {
        Map<String, String> props = new HashMap<>();
        props.put(HistorySettings.PATH_PROPERTY, file.toString());
        props.put(HistorySettings.PATH_PROPERTY + ".accepted", accepted.toString());
        return NightlyHistory.load(null, props, null).orElseThrow();
    }

    @org.junit.jupiter.api.Test
    void theShippedFileLoadsAndAcceptsNothing() {
        io.pulpperf.throughput.history.AcceptedChanges shipped = io.pulpperf.throughput.history.AcceptedChanges.load(
                Path.of(HistorySettings.DEFAULT_ACCEPTED), java.util.List.of());
        org.assertj.core.api.Assertions.assertThat(shipped.changes()).isEmpty();
    }

    private SeriesJudgement night(Path file, Path accepted, double tps) throws Exception {
        NightlyHistory h = load(file, accepted);
        SeriesJudgement j = h.judge(RunFixture.of("a", 2, tps).build(), null, false);
        h.append();
        return j;
    }

    @Test
    void anUnacceptedDropFailsEveryNightAndAnAcceptedOneBecomesTheReference() throws Exception {
        Path file = dir.resolve("h.jsonl");
        Path accepted = dir.resolve("accepted-changes.yaml");
        for (double tps : new double[] {100, 101, 99, 100.5, 99.5, 100}) night(file, accepted, tps);
        double[] slower = {88, 87.5, 88.5, 88, 87.8};
        for (double tps : slower) {
            SeriesJudgement j = night(file, accepted, tps);
            assertThat(j.verdict()).as("unaccepted -12% at " + tps).isEqualTo("regression");
        }
        List<HistoryRecord> records = HistoryFile.read(file).records();
        // The fixture's runs share one run id: the change is named by when its first night ran.
        HistoryRecord began = records.get(6);
        Files.writeString(accepted, """
                # the team's accepted changes
                accepted:
                  - series: %s
                    figure: throughput
                    since: %s
                    reason: "delete now checks every artifact (test)"
                """.formatted(began.series(), began.when()));
        NightlyHistory h = load(file, accepted);
        assertThat(h.startLines()).anyMatch(l -> l.contains("line 3") && l.contains("accepted change since " + began.when()));
        SeriesJudgement j = h.judge(RunFixture.of("a", 2, 88.2).build(), null, false);
        assertThat(j.verdict()).isEqualTo("no change");
        FigureJudgement tps = j.gate();
        assertThat(tps.accepted().reason()).isEqualTo("delete now checks every artifact (test)");
        assertThat(tps.reference()).isCloseTo(88.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(HistoryTable.observation(j)).contains("accepted change since " + began.when());
        assertThat(HistoryChecks.of(j)).noneMatch(c -> c.failed());
        String svg = Charts.svg(TrendChart.of("a", j), TrendChart.WIDTH, TrendChart.height(j));
        assertThat(svg).contains("accepted: delete now checks every artifact (test)").contains("could flag -");
    }

    @Test
    void aMalformedFileIsAClearErrorNamingTheLine() throws Exception {
        Path file = dir.resolve("h.jsonl");
        Path accepted = dir.resolve("accepted-changes.yaml");
        for (double tps : new double[] {100, 101, 99}) night(file, accepted, tps);
        String series = HistoryFile.read(file).records().get(0).series();
        Files.writeString(accepted, "accepted:\n  - series: " + series + "\n    figure: throughput\n    since: 2020-01-01\n    reason: ok\n"
                + "  - series: " + series + "\n    figure: throughput\n    since: 2020-01-01\n");
        assertThatThrownBy(() -> load(file, accepted)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("accepted-changes.yaml line 6").hasMessageContaining("'reason' is missing");
        Files.writeString(accepted, "accepted:\n  - series: " + series + "\n    figure: throughput\n    since: no-such-run\n    reason: x\n");
        assertThatThrownBy(() -> load(file, accepted)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2").hasMessageContaining("since 'no-such-run' is neither a run id");
        Files.writeString(accepted, "accepted:\n  - series: " + series + "\n    figure: tps\n    since: 2020-01-01\n    reason: x\n");
        assertThatThrownBy(() -> load(file, accepted)).hasMessageContaining("figure 'tps' is not a judged figure");
        Files.writeString(accepted, "accepted:\n  - series: [unclosed\n");
        assertThatThrownBy(() -> load(file, accepted)).isInstanceOf(ConfigException.class).hasMessageContaining("not readable YAML");
    }
}

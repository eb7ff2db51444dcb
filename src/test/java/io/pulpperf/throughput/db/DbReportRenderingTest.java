package io.pulpperf.throughput.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's pieces from known samples: summary window, SVG chart, HTML and CSV tables, observation line. */
class DbReportRenderingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    // Six samples a second apart; the task window is seconds 2..4, where 5 sessions are active and 2 wait on locks.
    private static List<DbSample> samples() {
        List<DbSample> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean busy = i >= 2 && i <= 4;
            List<LockWait> waits = busy && i == 3
                    ? List.of(new LockWait(7, "Lock", "relation", "AccessShareLock", "core_task", List.of(9), 1.5, "SELECT <x> FROM core_task"),
                              new LockWait(8, "Lock", "advisory", "ExclusiveLock", null, List.of(9), 0.5, "SELECT pg_advisory_lock(1)"))
                    : List.of();
            out.add(new DbSample(T0.plusSeconds(i), Map.of("active", busy ? 5 : 1, "idle", 3, "idle in transaction", busy ? 1 : 0),
                    Map.of("pulpcore-worker", busy ? 6 : 1, "pulpcore-api", 3), waits,
                    busy ? new RunningQuery(7, 2.0 + i, "SELECT pg_sleep(10)") : null, null,
                    i == 0 ? null : new Counters.Rates(busy ? 100 : 10, busy ? 40 : 0, 80, 0, 0, 1), true, 1.0 + i));
        }
        return out;
    }

    private static DbReport report(List<String> problems) {
        return new DbReport("jdbc:postgresql://db/pulp?password=***", Duration.ofSeconds(1), T0, T0.plusSeconds(6), samples(), true,
                List.of(new StatementStats(42, 10, 5.5, 10, "UPDATE \"core_task\" SET state = $1,\nfinished_at = $2")), problems);
    }

    @Test
    void summarisesOnlyTheTaskWindowWhenGiven() {
        DbSummary window = DbSummary.of(samples(), T0.plusSeconds(2), T0.plusSeconds(4));
        assertThat(window.windowed()).isTrue();
        assertThat(window.samples()).isEqualTo(3);
        assertThat(window.metric(DbSummary.ACTIVE)).isEqualTo(new DbSummary.Metric(DbSummary.ACTIVE, "", 5, 5));
        assertThat(window.metric(DbSummary.LOCK_WAITS).peak()).isEqualTo(2);
        assertThat(window.metric(DbSummary.TRANSACTIONS).mean()).isEqualTo(100);
        assertThat(window.metric("core_task rows inserted").peak()).isEqualTo(40);
        assertThat(window.metric("connections of pulpcore-worker").peak()).isEqualTo(6);

        DbSummary all = DbSummary.of(samples(), null, null);
        assertThat(all.windowed()).isFalse();
        assertThat(all.metric(DbSummary.ACTIVE).mean()).isEqualTo((1 + 5 + 5 + 5 + 1 + 1) / 6.0);
        assertThat(all.metric(DbSummary.TRANSACTIONS).mean()).as("the first sample has no rate").isEqualTo((10 + 300 + 10) / 5.0);
        assertThat(DbSummary.of(samples(), T0.plusSeconds(100), T0.plusSeconds(200)).windowed()).as("empty window: all samples").isFalse();
    }

    @Test
    void observationLineSaysPeaksRateAndProblems() {
        DbReport ok = report(List.of());
        assertThat(DbObservation.line(ok, DbSummary.of(ok.samples(), T0.plusSeconds(2), T0.plusSeconds(4))))
                .isEqualTo("DB: peak 5 active connections, peak 2 lock waits, mean 100 xact/s");
        DbReport lost = report(List.of("lost its connection at +3.0 s during a sample: FATAL: terminating connection", "reconnected at +4.0 s"));
        assertThat(DbObservation.line(lost, DbSummary.of(lost.samples(), null, null)))
                .endsWith(", sampler problem: lost its connection at +3.0 s during a sample: FATAL: terminating connection (+1 more)");
        assertThat(DbObservation.cost(ok)).isEqualTo("DB sampler: 6 samples, one sample costs 3.50 ms (median)");
    }

    @Test
    void chartIsAStaticSvgOnTheTaskTimelinesAxis() {
        String svg = DbTimelineChart.svg("repo-delete-2w: database sessions", samples(), T0.plusSeconds(2));
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("</svg>")
                .contains("active").contains("idle in transaction").contains("waiting on locks")
                .contains("seconds from the first task created")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("The sessions chart marks the scenario's disruptions, as the resource chart does (issue 28)")
    void chartMarksTheScenariosDisruptions() {
        var failover = new io.pulpperf.throughput.observe.ScenarioWindow.Mark("db-failover", T0.plusSeconds(3));
        assertThat(DbTimelineChart.svg("t", samples(), T0.plusSeconds(2))).doesNotContain(">db-failover<");
        // Through the observer: the scenario's window carries the marks to the chart it attaches.
        var window = new io.pulpperf.throughput.observe.ScenarioWindow(T0, T0.plusSeconds(6), T0.plusSeconds(2), T0.plusSeconds(4), List.of(),
                null, List.of(failover));
        var chart = DbObserver.report("repo-delete-2w", report(List.of()), window).attachments().stream()
                .filter(a -> a.mimeType().equals("image/svg+xml")).findFirst().orElseThrow();
        assertThat(chart.content()).contains(">db-failover<");
    }

    @Test
    void htmlTableShowsProblemsFiguresLockWaitsAndLongestQueryEscaped() {
        DbReport r = report(List.of("lost its connection at +3.0 s"));
        String html = DbStatsTable.html("repo-delete-2w database", r, DbSummary.of(r.samples(), T0.plusSeconds(2), T0.plusSeconds(4)));
        assertThat(html).contains("<b>problem:</b> lost its connection at +3.0 s")
                .contains("6 samples every 1000 ms from jdbc:postgresql://db/pulp?password=***")
                .contains("3 samples taken while the scenario's tasks ran")
                .contains(">active connections</td>")
                .contains("Lock waits seen (2)").contains("AccessShareLock on relation core_task").contains("[9]")
                .contains("SELECT &lt;x&gt; FROM core_task")
                .contains("Longest running query seen").contains("6 s (pid 7)")
                .doesNotContainIgnoringCase("<script");
    }

    @Test
    void csvFilesHaveOneRowPerItem() {
        DbReport r = report(List.of());
        String samples = DbCsv.samples(r.samples(), T0.plusSeconds(2));
        assertThat(samples.lines()).hasSize(7);
        assertThat(samples.lines().skip(1).findFirst().orElseThrow()).startsWith("-2.000,4,1,3,0,0,,,,,,,1");
        assertThat(DbCsv.summary(DbSummary.of(r.samples(), null, null))).startsWith("metric,unit,peak,mean\nconnections,,9,");
        assertThat(DbCsv.statements(r.topStatements()))
                .isEqualTo("queryid,calls,total_ms,mean_ms,rows,query\n42,10,5.500,0.550,10,\"UPDATE \"\"core_task\"\" SET state = $1, finished_at = $2\"\n");
    }
}

package io.pulpperf.throughput.db;

import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioObserver;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The database sampler (issue 8) as a {@link ScenarioObserver}: samples during the scenario, reports after it. */
public final class DbObserver implements ScenarioObserver {
    // The sampler may outlive a stuck scenario's timeout by this much (fixtures, collection, cleanup).
    private static final Duration SLACK = Duration.ofMinutes(10);
    private final DbSettings settings;

    public DbObserver(DbSettings settings) {
        this.settings = settings;
    }

    @Override
    public String preflight() {
        return DbPreflight.describe(settings, DbPreflight.check(settings));
    }

    @Override
    public Observing start(String scenario, Duration timeout) {
        DbSampler sampler = DbSampler.start(settings, timeout.plus(SLACK));
        return new Observing() {
            @Override
            public Observed stop(ScenarioWindow window) {
                return report(scenario, sampler.stop(), window);
            }

            @Override
            public void discard() {
                sampler.stop();  // its connection closed, its samples unread
            }
        };
    }

    /** Chart on the task timeline's axis, peak/mean over the tasks' window, samples and top statements as CSV. */
    static Observed report(String scenario, DbReport report, ScenarioWindow window) {
        DbSummary summary = window.hasTasks() ? DbSummary.of(report.samples(), window.firstCreated(), window.lastFinished())
                : DbSummary.of(report.samples(), null, null);
        List<Observed.Attachment> attachments = new ArrayList<>();
        try {
            attachments.add(new Observed.Attachment("DB sessions and lock waits", "image/svg+xml",
                    DbTimelineChart.svg(scenario + ": database sessions", report.samples(), window.zero(), window.marks()), ".svg"));
            attachments.add(new Observed.Attachment("DB peak and mean", "text/html",
                    DbStatsTable.html(scenario + ": database", report, summary), ".html"));
            attachments.add(new Observed.Attachment("DB peak and mean (CSV)", "text/csv", DbCsv.summary(summary), ".csv"));
            attachments.add(new Observed.Attachment("DB samples (CSV)", "text/csv", DbCsv.samples(report.samples(), window.zero()), ".csv"));
            if (report.statementsAvailable()) {
                attachments.add(new Observed.Attachment("DB top statements (CSV)", "text/csv", DbCsv.statements(report.topStatements()), ".csv"));
            }
        } catch (RuntimeException e) {
            // A rendering bug must not fail the scenario: say so in the report instead.
            attachments.add(new Observed.Attachment("DB report (not rendered)", "text/plain",
                    "could not render the database report: " + e, ".txt"));
        }
        String line = DbObservation.line(report, summary);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("url", report.url());
        figures.put("samples", report.samples().size());
        figures.put("windowed", summary.windowed());
        figures.put("metrics", summary.metrics());
        figures.put("problems", report.problems());
        if (!window.holds().isEmpty()) figures.put(io.pulpperf.throughput.observe.HoldPeaks.FIGURE, DbHoldPeaks.of(report.samples(), window.holds()));
        return new Observed("database", line, List.of(), attachments, figures,
                scenario + ": " + line + "; " + DbObservation.cost(report));
    }
}

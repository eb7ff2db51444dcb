package io.pulpperf.throughput.resources;

import io.pulpperf.throughput.observe.HoldPeaks;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioObserver;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus reader as a {@link ScenarioObserver}: checks every query before any load, queries
 * nothing while a scenario runs (no load added while it matters), and reads each series' range
 * after it.
 */
public final class PromObserver implements ScenarioObserver {
    static final Duration DEFAULT_SCRAPE = Duration.ofSeconds(15);
    private final PromSettings settings;
    private final List<ResourceQuery> queries;
    private final PromClient client;
    private final PromReader reader;
    private final List<String> presets;

    private final String scrapeSource;

    public PromObserver(PromSettings settings, ResourcesConfig config) {
        this.client = new PromClient(settings);
        Duration scrape = settings.scrapeInterval();
        if (scrape != null) {
            scrapeSource = "scrape interval " + scrape.toMillis() + " ms (-D" + PromSettingsLoader.SCRAPE_INTERVAL + ")";
        } else {
            // Before any load; a Thanos or Mimir does not answer this, so the common default stands in.
            java.util.Optional<Duration> asked = client.configuredScrapeInterval();
            scrape = asked.orElse(DEFAULT_SCRAPE);
            scrapeSource = "scrape interval " + scrape.toMillis() + " ms (" + (asked.isPresent() ? "Prometheus's global scrape_interval"
                    : "default; set -D" + PromSettingsLoader.SCRAPE_INTERVAL) + ")";
        }
        this.settings = settings;
        this.queries = config.queries(scrape);
        this.presets = config.presets();
        this.reader = new PromReader(client, queries, scrape);
    }

    public List<ResourceQuery> queries() {
        return queries;
    }

    @Override
    public String preflight() {
        if (queries.isEmpty()) {
            return "Prometheus at " + settings.safeUrl() + ": no resource queries (set -Dpulp.resources=process-exporter,... or a "
                    + "resources: section); the Grafana link and nothing else";
        }
        PreflightSeries found = PromPreflight.check(client, settings, queries);
        reader.remember(found);
        List<String> empty = found.empty(queries);
        return "Reading " + queries.size() + " resource queries" + (presets.isEmpty() ? "" : " (presets " + String.join(", ", presets) + ")")
                + " from Prometheus at " + settings.safeUrl() + " after each scenario, " + scrapeSource
                + (empty.isEmpty() ? "" : "; WARNING: no data right now for " + empty + " (reported per scenario if it stays so)");
    }

    @Override
    public Observing start(String scenario, java.time.Duration timeout) {
        return window -> report(scenario, reader.read(window), window);
    }

    /** One range query per series over each hold's own from..to (not cut from the whole run's coarser step). */
    private List<HoldPeaks> holds(ScenarioWindow window, List<String> problems) {
        List<HoldPeaks> out = new ArrayList<>();
        for (ScenarioWindow.Hold h : window.holds()) {
            ResourceReport r = reader.read(new ScenarioWindow(h.from(), h.to(), null, null));
            r.problems().forEach(p -> problems.add(h.label() + ": " + p));
            out.add(new HoldPeaks(h.label(), h.from(), h.to(), ResourcePeaks.of(r)));
        }
        return out;
    }

    private Observed report(String scenario, ResourceReport r, ScenarioWindow window) {
        List<Observed.Attachment> attachments = new ArrayList<>();
        try {
            if (!r.series().isEmpty()) {
                attachments.add(new Observed.Attachment("Resources: CPU, memory and database by role", "image/svg+xml",
                        ResourceChart.svg(scenario + ": resources from Prometheus", r.series(), window.zero(), window.marks()), ".svg"));
            }
            attachments.add(new Observed.Attachment("Resources peak, mean, p95", "text/html", ResourceFigures.statsHtml(scenario + ": resources", r), ".html"));
            attachments.add(new Observed.Attachment("Resources peak, mean, p95 (CSV)", "text/csv", ResourceFigures.statsCsv(r), ".csv"));
            attachments.add(new Observed.Attachment("Resources samples (CSV)", "text/csv", ResourceFigures.samplesCsv(r, window.zero()), ".csv"));
        } catch (RuntimeException e) {
            attachments.add(new Observed.Attachment("Resources (not rendered)", "text/plain", "could not render the resource report: " + e, ".txt"));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("prometheus", settings.safeUrl());
        figures.put("from", r.from());
        figures.put("to", r.to());
        figures.put("stepMillis", r.step().toMillis());
        figures.put("series", r.stats());
        figures.put("queries", queries.stream().map(q -> Map.of("name", q.name(), "query", q.expr(), "origin", q.origin())).toList());
        figures.put("notes", r.notes());
        figures.put("problems", r.problems());
        figures.put("requests", r.requests());
        figures.put("elapsedMillis", r.elapsed().toMillis());
        if (!window.holds().isEmpty()) {
            List<String> holdProblems = new ArrayList<>();
            figures.put(HoldPeaks.FIGURE, holds(window, holdProblems));
            if (!holdProblems.isEmpty()) figures.put("holdProblems", holdProblems);
        }
        String line = ResourceFigures.line(r);
        // The line holds the gap notes already.
        String console = scenario + ": " + line + "; Prometheus: " + r.requests() + " requests in " + r.elapsed().toMillis() + " ms"
                + (r.problems().isEmpty() ? "" : "; PROBLEMS: " + String.join("; ", r.problems()));
        return new Observed("resources", line, ResourceFigures.checks(r, queries), attachments, figures, console);
    }
}

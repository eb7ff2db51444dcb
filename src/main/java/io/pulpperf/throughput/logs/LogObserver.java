package io.pulpperf.throughput.logs;

import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioObserver;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What Pulp's logs said during each scenario (issue 26): marks where each source stands when the
 * scenario starts and reads the window after it (never during dispatch), then classifies, counts
 * and attributes the lines ({@link LogReport}).
 */
public final class LogObserver implements ScenarioObserver {
    private final LogSettings settings;
    private final List<LogClass> classes;

    public LogObserver(LogSettings settings) {
        this.settings = settings;
        this.classes = LogClass.with(settings.classes());
    }

    @Override
    public String source() {
        return "logs";
    }

    @Override
    public String preflight() {
        // A file that is not there yet may appear (a service started later): named per scenario, not fatal here.
        List<String> parts = new ArrayList<>();
        for (String g : settings.files()) {
            List<String> problems = new ArrayList<>();
            long n = FileLogs.expand(g, problems).stream().filter(Files::isReadable).count();
            parts.add(g + " (" + (n == 0 ? "no readable file now" : n + " file" + (n == 1 ? "" : "s")) + ")");
        }
        if (settings.command() != null) parts.add(new CommandLogs(settings.command(), settings.timeout(), settings.maxBytes()).name()
                + " (run after each scenario, at most " + settings.timeout().toSeconds() + " s)");
        return "Logs: reading " + String.join(", ", parts) + " after each scenario, up to " + Sizes.bytes(settings.maxBytes())
                + " per source; classes " + classes.stream().map(LogClass::name).toList();
    }

    @Override
    public Observing start(String scenario, Duration timeout) {
        List<LogSource.Marked> marked = new ArrayList<>();
        for (LogSource s : settings.sources()) marked.add(s.mark());
        return window -> read(scenario, marked, window);
    }

    private Observed read(String scenario, List<LogSource.Marked> marked, ScenarioWindow window) {
        LogTally tally = new LogTally(classes, RunIdentity.of(window.run()), settings.maxExamples(), window.run().failedTasks());
        List<SourceFigures> sources = new ArrayList<>();
        for (LogSource.Marked m : marked) {
            try {
                sources.addAll(m.read(window.started(), window.ended(), tally));
            } catch (RuntimeException e) {
                sources.add(new SourceFigures("source", "unknown", 0, 0, List.of("a log source failed: " + e)));
            }
        }
        return LogReport.of(scenario, settings, window, sources, tally);
    }
}

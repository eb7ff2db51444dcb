package io.pulpperf.throughput.logs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The log observer's settings (matrix file {@code logs:}, {@code -Dpulp.logs.*}; README "What Pulp's logs said").
 *
 * @param files          paths or globs of log files, read by position
 * @param command        a command printing the window's lines, with placeholders; null for none
 * @param timeout        how long the command may run
 * @param maxBytes       bytes read per source per scenario at most
 * @param maxExamples    lines kept per class for the attachment
 * @param classes        own patterns by class name (a preset's name replaces its pattern)
 * @param maxApiTimeouts highest allowed count of API worker timeouts in a scenario, or null
 * @param maxLogErrors   highest allowed count of error lines (every class but api-timeout and traceback), or null
 */
public record LogSettings(List<String> files, String command, Duration timeout, long maxBytes, int maxExamples,
                          Map<String, String> classes, Long maxApiTimeouts, Long maxLogErrors) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    public static final int DEFAULT_MAX_EXAMPLES = 20;

    public LogSettings {
        files = List.copyOf(files);
        classes = Map.copyOf(classes);
    }

    /** Only files, with the defaults: what the simulator's logs need. */
    public static LogSettings files(List<String> files) {
        return new LogSettings(files, null, DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, DEFAULT_MAX_EXAMPLES, Map.of(), null, null);
    }

    /** These settings reading these files too. */
    public LogSettings plusFiles(List<String> more) {
        List<String> all = new java.util.ArrayList<>(files);
        all.addAll(more);
        return new LogSettings(all, command, timeout, maxBytes, maxExamples, classes, maxApiTimeouts, maxLogErrors);
    }

    public LogSettings withCommand(String value) {
        return new LogSettings(files, value, timeout, maxBytes, maxExamples, classes, maxApiTimeouts, maxLogErrors);
    }

    public LogSettings withLimits(Duration t, long bytes) {
        return new LogSettings(files, command, t, bytes, maxExamples, classes, maxApiTimeouts, maxLogErrors);
    }

    public LogSettings withThresholds(Long apiTimeouts, Long logErrors) {
        return new LogSettings(files, command, timeout, maxBytes, maxExamples, classes, apiTimeouts, logErrors);
    }

    public LogSettings withClasses(Map<String, String> value) {
        return new LogSettings(files, command, timeout, maxBytes, maxExamples, value, maxApiTimeouts, maxLogErrors);
    }

    /** The sources these settings name, files first. */
    List<LogSource> sources() {
        List<LogSource> out = new java.util.ArrayList<>();
        if (!files.isEmpty()) out.add(new FileLogs(files, maxBytes));
        if (command != null && !command.isBlank()) out.add(new CommandLogs(command, timeout, maxBytes));
        return out;
    }
}

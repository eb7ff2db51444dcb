package io.pulpperf.throughput.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.config.ConfigLoader;
import io.pulpperf.throughput.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the matrix file's {@code logs:} section and the {@code -Dpulp.logs.*} overrides: files
 * (comma list of paths or globs), command, timeout, maxBytes, maxExamples, maxApiTimeouts,
 * maxLogErrors. No files and no command: no log observer. The schema has checked the section's
 * shape; the values (durations, sizes, patterns) are checked here, naming the key.
 */
public final class LogSettingsLoader {
    public static final String FILES = "pulp.logs.files";
    public static final String COMMAND = "pulp.logs.command";
    public static final String TIMEOUT = "pulp.logs.timeout";
    public static final String MAX_BYTES = "pulp.logs.maxBytes";
    public static final String MAX_EXAMPLES = "pulp.logs.maxExamples";
    public static final String MAX_API_TIMEOUTS = "pulp.logs.maxApiTimeouts";
    public static final String MAX_LOG_ERRORS = "pulp.logs.maxLogErrors";
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|k|kib|kb|m|mib|mb|g|gib|gb)", Pattern.CASE_INSENSITIVE);

    private LogSettingsLoader() {}

    /** The settings of the loader's matrix file and -D properties, if they name any source. */
    public static Optional<LogSettings> load(ConfigLoader loader) {
        ConfigLoader.Section s = loader.section("logs");
        return read(s.where(), s.node(), s.props());
    }

    /**
     * For the embedded simulator: its own log files, with the section's classes, limits and
     * thresholds (a matrix file's sources name a real Pulp's logs and are not read).
     */
    public static LogSettings forSimulator(ConfigLoader loader, List<String> simulatorFiles) {
        ConfigLoader.Section s = loader.section("logs");
        Map<String, String> props = new java.util.HashMap<>(s.props());
        props.put(FILES, String.join(",", simulatorFiles));
        props.put(COMMAND, "");
        return read(s.where(), s.node(), props).orElseThrow();
    }

    static Optional<LogSettings> read(String where, JsonNode node, Map<String, String> props) {
        List<String> files = new ArrayList<>();
        node.path("files").forEach(f -> files.add(f.asText()));
        String filesProp = props.get(FILES);
        if (filesProp != null && !filesProp.isBlank()) {
            files.clear();
            Arrays.stream(filesProp.split(",")).map(String::trim).filter(f -> !f.isEmpty()).forEach(files::add);
        }
        String command = props.getOrDefault(COMMAND, node.path("command").isTextual() ? node.path("command").asText() : null);
        if (files.isEmpty() && (command == null || command.isBlank())) return Optional.empty();
        Duration timeout = duration(key(where, "timeout", TIMEOUT, props), props.getOrDefault(TIMEOUT, text(node, "timeout")), LogSettings.DEFAULT_TIMEOUT);
        long maxBytes = size(key(where, "maxBytes", MAX_BYTES, props), props.getOrDefault(MAX_BYTES, text(node, "maxBytes")));
        long examples = count(key(where, "maxExamples", MAX_EXAMPLES, props), props.getOrDefault(MAX_EXAMPLES, text(node, "maxExamples")),
                LogSettings.DEFAULT_MAX_EXAMPLES);
        JsonNode thresholds = node.path("thresholds");
        Long apiTimeouts = optionalCount(key(where, "thresholds.maxApiTimeouts", MAX_API_TIMEOUTS, props),
                props.getOrDefault(MAX_API_TIMEOUTS, text(thresholds, "maxApiTimeouts")));
        Long logErrors = optionalCount(key(where, "thresholds.maxLogErrors", MAX_LOG_ERRORS, props),
                props.getOrDefault(MAX_LOG_ERRORS, text(thresholds, "maxLogErrors")));
        Map<String, String> classes = new LinkedHashMap<>();
        node.path("classes").fields().forEachRemaining(e -> classes.put(e.getKey(), e.getValue().asText()));
        for (var e : classes.entrySet()) {
            try {
                Pattern.compile(e.getValue());
            } catch (PatternSyntaxException x) {
                throw new ConfigException(where + ": logs.classes." + e.getKey() + " is not a valid regular expression ("
                        + x.getDescription() + " near index " + x.getIndex() + "); write it as Java's java.util.regex reads it");
            }
        }
        return Optional.of(new LogSettings(files, command == null || command.isBlank() ? null : command, timeout, maxBytes, (int) examples,
                classes, apiTimeouts, logErrors));
    }

    private static String key(String where, String fileKey, String prop, Map<String, String> props) {
        return props.containsKey(prop) ? "-D" + prop : where + ": logs." + fileKey;
    }

    private static String text(JsonNode node, String key) {
        JsonNode n = node.path(key);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static Duration duration(String key, String text, Duration fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            Duration d = Durations.parse(text.trim());
            if (d.toMillis() >= 100) return d;
        } catch (IllegalArgumentException ignored) {
            // falls through to the error
        }
        throw new ConfigException(key + " must be a duration of at least 100ms such as 30s or 2m, was '" + text + "'");
    }

    /** "256MiB", "64m", "1GiB", "1048576": at least 1 KiB. */
    static long size(String key, String text) {
        if (text == null || text.isBlank()) return LogSettings.DEFAULT_MAX_BYTES;
        Matcher m = SIZE.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            long bytes = unit.startsWith("g") ? n << 30 : unit.startsWith("m") ? n << 20 : unit.startsWith("k") ? n << 10 : n;
            if (bytes >= 1024) return bytes;
        }
        throw new ConfigException(key + " must be a size of at least 1KiB such as 64MiB or 1GiB, was '" + text + "'");
    }

    private static long count(String key, String text, long fallback) {
        Long v = optionalCount(key, text);
        return v == null ? fallback : v;
    }

    private static Long optionalCount(String key, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            long v = Long.parseLong(text.trim());
            if (v >= 0) return v;
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new ConfigException(key + " must be a whole number of 0 or more, was '" + text + "'");
    }
}

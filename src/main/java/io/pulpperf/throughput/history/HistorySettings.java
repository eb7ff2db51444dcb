package io.pulpperf.throughput.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pulpperf.throughput.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the history is and how runs are judged against it: the matrix file's {@code history:} key
 * ({path, window, tolerance, tolerances, significance, append, accepted}), each overridden by
 * {@code -Dpulp.history}, {@code -Dpulp.history.window}, {@code -Dpulp.history.tolerance},
 * {@code -Dpulp.history.significance}, {@code -Dpulp.history.append}, {@code -Dpulp.history.accepted}.
 * No path: no history.
 *
 * @param file     the JSON Lines file, read before any load and appended to at the end
 * @param append   false: judge against the history but leave it as it was (a manual run)
 * @param judge    window, tolerances, significance
 * @param accepted the accepted changes ({@link AcceptedChanges}), default {@value #DEFAULT_ACCEPTED}; a missing file accepts none
 */
public record HistorySettings(Path file, boolean append, JudgeSettings judge, Path accepted) {
    public static final String PATH_PROPERTY = "pulp.history";
    public static final String DEFAULT_ACCEPTED = "config/accepted-changes.yaml";

    public static Optional<HistorySettings> load(Path matrixFile, Map<String, String> props) {
        JsonNode key = matrixKey(matrixFile);
        String path = props.getOrDefault(PATH_PROPERTY, key.path("path").asText(null));
        if (path == null || path.isBlank()) return Optional.empty();
        JudgeSettings d = JudgeSettings.defaults();
        int window = (int) number(props, "window", key.path("window"), d.window());
        double tolerance = number(props, "tolerance", key.path("tolerance"), d.tolerance());
        double significance = number(props, "significance", key.path("significance"), d.significance());
        Map<String, Double> tolerances = new LinkedHashMap<>();
        key.path("tolerances").fields().forEachRemaining(f -> tolerances.put(f.getKey(), f.getValue().asDouble()));
        String appendText = props.get(PATH_PROPERTY + ".append");
        boolean append = appendText != null ? !appendText.trim().equalsIgnoreCase("false") : key.path("append").asBoolean(true);
        String accepted = props.getOrDefault(PATH_PROPERTY + ".accepted", key.path("accepted").asText(DEFAULT_ACCEPTED));
        try {
            return Optional.of(new HistorySettings(Path.of(path.trim()), append, new JudgeSettings(window, tolerance, tolerances, significance),
                    Path.of(accepted.trim())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("history: " + e.getMessage());
        }
    }

    private static double number(Map<String, String> props, String name, JsonNode fromFile, double fallback) {
        String text = props.get(PATH_PROPERTY + "." + name);
        if (text == null || text.isBlank()) return fromFile.isNumber() ? fromFile.asDouble() : fallback;
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("-D" + PATH_PROPERTY + "." + name + " must be a number, was '" + text + "'");
        }
    }

    /** The matrix file's history: key (the schema has checked its shape), or a missing node. */
    private static JsonNode matrixKey(Path matrixFile) {
        if (matrixFile == null || !Files.isRegularFile(matrixFile)) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(matrixFile.toFile()).path("history");
        } catch (IOException e) {
            throw new ConfigException(matrixFile + ": cannot read its history: key: " + e.getMessage());
        }
    }
}

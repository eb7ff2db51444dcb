package io.pulpperf.throughput.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The history file: one {@link HistoryRecord} per line (JSON Lines), append-only, so it diffs,
 * merges and survives a partial write. Reading never fails on a bad line: a torn line (a write cut
 * short), a line of a newer format or one lacking a required field is named and skipped.
 */
public final class HistoryFile {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private HistoryFile() {}

    /**
     * @param records the readable records, in file order
     * @param skipped one line per skipped line: "line 7: torn or not JSON (...)"
     */
    public record Read(List<HistoryRecord> records, List<String> skipped) {}

    /** Reads the file; a missing file is an empty history. */
    public static Read read(Path file) {
        List<HistoryRecord> records = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (!Files.exists(file)) return new Read(records, skipped);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String problem = parse(line, records);
                if (problem != null) skipped.add("line " + n + ": " + problem);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history " + file + ": " + e.getMessage(), e);
        }
        return new Read(records, skipped);
    }

    private static String parse(String line, List<HistoryRecord> into) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            return "torn or not JSON (" + preview(line) + ")";
        }
        if (node == null || !node.isObject()) return "not a JSON object (" + preview(line) + ")";
        int schema = node.path("schema").asInt(-1);
        if (schema != HistoryRecord.SCHEMA) return "unknown format (schema " + node.path("schema") + ", this suite reads " + HistoryRecord.SCHEMA + ")";
        for (String key : List.of("scenario", "series", "status", "figures")) {
            if (node.path(key).isMissingNode() || node.path(key).isNull()) return "no '" + key + "'";
        }
        try {
            into.add(JSON.treeToValue(node, HistoryRecord.class));
            return null;
        } catch (IOException e) {
            return "unreadable record (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    private static String preview(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }

    /**
     * Appends the records, one line each. A file whose last line was torn (no final newline) gets
     * one first, so the new records start on lines of their own.
     */
    public static void append(Path file, List<HistoryRecord> records) throws IOException {
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder();
        if (endsWithoutNewline(file)) text.append('\n');
        for (HistoryRecord r : records) text.append(JSON.writeValueAsString(r)).append('\n');
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static boolean endsWithoutNewline(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) return false;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(f.length() - 1);
            return f.read() != '\n';
        }
    }
}

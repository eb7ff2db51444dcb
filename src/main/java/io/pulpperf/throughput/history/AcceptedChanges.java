package io.pulpperf.throughput.history;

import io.pulpperf.throughput.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The changes the team has accepted ({@code config/accepted-changes.yaml}): from the run where an
 * accepted change began, that figure of that series is judged against its new level, and the
 * report names the change. Without an entry a lasting regression fails every night.
 *
 * <pre>
 * accepted:
 *   - series: night-steady@9c4fc2eb   # results.json history.series
 *     figure: throughput
 *     since: 2026-12-09               # a run id of the series, or a date / ISO instant: its first run from then on
 *     reason: "pulpcore 3.106 checks every artifact's digest on delete (PR 1234)"
 * </pre>
 *
 * Read and checked before any load: a malformed entry, an unknown figure, a series or a run the
 * history does not hold is a {@link ConfigException} naming the file and line.
 */
public final class AcceptedChanges {
    private static final Set<String> KEYS = Set.of("series", "figure", "since", "reason");
    private final List<Change> changes;

    /**
     * @param series the series key
     * @param figure the figure
     * @param since  a run id, or a date or instant
     * @param reason why it is accepted
     * @param line   1-based line of the entry in its file
     */
    public record Change(String series, String figure, String since, String reason, int line) {
        /** Index in the series' records of the run the change began with, or -1. */
        int matchIn(List<HistoryRecord> seriesRecords) {
            Instant from = instant(since);
            for (int i = 0; i < seriesRecords.size(); i++) {
                HistoryRecord r = seriesRecords.get(i);
                if (r.runId() != null && List.of(r.runId().split(",")).contains(since)) return i;
                if (from != null && r.when() != null && !parse(r.when()).isBefore(from)) return i;
            }
            return -1;
        }

        /** "accepted change since 2026-12-09: pulpcore 3.106 ... (config/accepted-changes.yaml line 4)". */
        public String describe() {
            return "accepted change since " + since + ": " + reason;
        }
    }

    private AcceptedChanges(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    public static AcceptedChanges none() {
        return new AcceptedChanges(List.of());
    }

    public List<Change> changes() {
        return changes;
    }

    /** The latest accepted change of the figure that the series' records hold. */
    Optional<Change> latest(String series, String figure, List<HistoryRecord> seriesRecords) {
        Change best = null;
        int at = -1;
        for (Change c : changes) {
            if (!c.series().equals(series) || !c.figure().equals(figure)) continue;
            int i = c.matchIn(seriesRecords);
            if (i >= 0 && i >= at) {
                best = c;
                at = i;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Reads and checks the file against the history. A missing file is no accepted change.
     *
     * @param history every record of the history file, to check that each change names a run it holds
     */
    public static AcceptedChanges load(Path file, List<HistoryRecord> history) {
        if (file == null || !Files.isRegularFile(file)) return none();
        Node root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(in);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(file + ": not readable YAML: " + e.getMessage().lines().findFirst().orElse("")
                    + "; fix the file or remove it");
        }
        if (root == null) return none();
        String where = file.toString();
        if (!(root instanceof MappingNode top)) throw error(where, root, "expected a mapping with the key 'accepted:'");
        Node list = null;
        for (NodeTuple t : top.getValue()) {
            String key = scalar(where, t.getKeyNode());
            if (!key.equals("accepted")) throw error(where, t.getKeyNode(), "unknown key '" + key + "'; the file holds 'accepted:' only");
            list = t.getValueNode();
        }
        if (list == null || list instanceof ScalarNode s && s.getValue().isEmpty()) return none();
        if (!(list instanceof SequenceNode seq)) throw error(where, list, "'accepted:' must be a list of {series, figure, since, reason}");
        Map<String, List<HistoryRecord>> bySeries = new LinkedHashMap<>();
        for (HistoryRecord r : history) bySeries.computeIfAbsent(r.series(), k -> new ArrayList<>()).add(r);
        List<Change> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode m)) throw error(where, item, "each accepted change is a mapping {series, figure, since, reason}");
            Map<String, String> v = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = scalar(where, t.getKeyNode());
                if (!KEYS.contains(key)) throw error(where, t.getKeyNode(), "unknown key '" + key + "'; expected series, figure, since, reason");
                v.put(key, scalar(where, t.getValueNode()));
            }
            for (String k : List.of("series", "figure", "since", "reason")) {
                if (v.getOrDefault(k, "").isBlank()) throw error(where, item, "'" + k + "' is missing or empty (each change needs series, figure, since and reason)");
            }
            Change c = new Change(v.get("series"), v.get("figure"), v.get("since"), v.get("reason"), item.getStartMark().getLine() + 1);
            if (FigureCatalog.direction(c.figure()) == Direction.NONE) {
                throw error(where, item, "figure '" + c.figure() + "' is not a judged figure (e.g. throughput, sustainedRate, queueWaitP95Ms)");
            }
            List<HistoryRecord> rs = bySeries.get(c.series());
            if (rs == null) throw error(where, item, "series '" + c.series() + "' is not in the history (" + bySeries.keySet() + ")");
            if (c.matchIn(rs) < 0) {
                throw error(where, item, "since '" + c.since() + "' is neither a run id of " + c.series()
                        + " nor a date or instant at or before its last run (" + rs.get(rs.size() - 1).when() + ")");
            }
            out.add(c);
        }
        return new AcceptedChanges(out);
    }

    private static String scalar(String where, Node n) {
        if (!(n instanceof ScalarNode s)) throw error(where, n, "expected a single value");
        return s.getValue().trim();
    }

    private static ConfigException error(String where, Node n, String what) {
        return new ConfigException(where + " line " + (n.getStartMark().getLine() + 1) + ": " + what);
    }

    /** A date (its start, UTC) or an instant; null when neither. */
    public static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Instant parse(String when) {
        Instant i = instant(when);
        return i == null ? Instant.MIN : i;
    }
}

package io.pulpperf.throughput.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a scenario's {@code disruptions:} list (issue 28); the schema has checked its keys and types. */
final class DisruptionSection {
    private static final Pattern AFTER = Pattern.compile("(\\d+)(\\s+tasks?\\s+completed)?");

    private DisruptionSection() {}

    /** The list, empty when the scenario has none. */
    static List<Disruption> read(String where, String key, JsonNode node) {
        List<Disruption> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) return out;
        for (int i = 0; i < node.size(); i++) {
            JsonNode d = node.get(i);
            String at = key + "[" + i + "]";
            try {
                out.add(new Disruption(d.path("name").asText(null), d.has("at") ? Durations.parse(d.path("at").asText()) : null,
                        d.has("after") ? after(d.path("after").asText()) : null, d.path("command").asText(null),
                        duration(d.path("timeout"), Disruption.DEFAULT_TIMEOUT), duration(d.path("window"), Disruption.DEFAULT_WINDOW),
                        d.path("tolerance").asDouble(Disruption.DEFAULT_TOLERANCE)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + at + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** {@code 500} or {@code 500 tasks completed}. */
    private static int after(String text) {
        Matcher m = AFTER.matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException("after must be a count of completed tasks, e.g. '500 tasks completed', was '" + text + "'");
        return Integer.parseInt(m.group(1));
    }

    private static Duration duration(JsonNode v, Duration fallback) {
        return v.isMissingNode() ? fallback : Durations.parse(v.asText());
    }
}

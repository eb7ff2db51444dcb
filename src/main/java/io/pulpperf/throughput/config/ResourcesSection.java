package io.pulpperf.throughput.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulpperf.throughput.resources.ResourceQuery;
import io.pulpperf.throughput.resources.ResourceRole;
import io.pulpperf.throughput.resources.ResourceUnit;
import io.pulpperf.throughput.resources.ResourcesConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the matrix file's {@code resources:} section (issue 13) and the {@code -Dpulp.resources}
 * (presets, a comma list; replaces the file's) and {@code -Dpulp.resources.NAME=value}
 * (placeholders) overrides. Errors name the file, the key and what is expected, as ConfigLoader's do.
 */
final class ResourcesSection {
    static final String PRESETS_PROPERTY = "pulp.resources";
    private static final Set<String> KEYS = Set.of("presets", "placeholders", "series", "thresholds");
    private static final Set<String> SERIES_KEYS = Set.of("name", "query", "unit", "role", "max", "legend");

    private ResourcesSection() {}

    static ResourcesConfig read(String where, JsonNode node, Map<String, String> props) {
        List<String> presets = new ArrayList<>();
        List<ResourceQuery> own = new ArrayList<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        if (!node.isMissingNode() && !node.isNull()) {
            if (!node.isObject()) throw new ConfigException(where + ": resources: expected a mapping with keys " + new TreeSet<>(KEYS));
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) throw new ConfigException(where + ": unknown key 'resources." + key + "'; expected one of " + new TreeSet<>(KEYS));
            }
            JsonNode p = node.path("presets");
            if (!p.isMissingNode()) {
                if (!p.isArray()) throw new ConfigException(where + ": resources.presets: expected a list of preset names, e.g. [process-exporter, postgres-exporter]");
                p.forEach(n -> presets.add(n.asText()));
            }
            scalars(where, "resources.placeholders", node.path("placeholders")).forEach((k, v) -> placeholders.put(k, v.asText()));
            scalars(where, "resources.thresholds", node.path("thresholds")).forEach((k, v) -> {
                if (!v.isNumber()) throw new ConfigException(where + ": resources.thresholds." + k + ": expected a number (the highest allowed peak), got '" + v.asText() + "'");
                thresholds.put(k, v.asDouble());
            });
            JsonNode series = node.path("series");
            if (!series.isMissingNode()) {
                if (!series.isArray()) throw new ConfigException(where + ": resources.series: expected a list of {name, query, unit, role, max}");
                for (int i = 0; i < series.size(); i++) own.add(series(where, "resources.series[" + i + "]", series.get(i)));
            }
        }
        String chosen = props.get(PRESETS_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            presets.clear();
            Arrays.stream(chosen.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(presets::add);
        }
        for (var e : props.entrySet()) {
            if (e.getKey().startsWith(PRESETS_PROPERTY + ".")) placeholders.put(e.getKey().substring(PRESETS_PROPERTY.length() + 1), e.getValue());
        }
        for (String preset : presets) {
            if (!io.pulpperf.throughput.resources.Presets.all().containsKey(preset)) {
                throw new ConfigException((chosen != null && !chosen.isBlank() ? "-D" + PRESETS_PROPERTY : where + ": resources.presets")
                        + ": unknown preset '" + preset + "'; expected one of " + io.pulpperf.throughput.resources.Presets.all().keySet());
            }
        }
        return new ResourcesConfig(where, presets, own, placeholders, thresholds);
    }

    private static Map<String, JsonNode> scalars(String where, String key, JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (node.isMissingNode()) return out;
        if (!node.isObject()) throw new ConfigException(where + ": " + key + ": expected a mapping of name to value");
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) throw new ConfigException(where + ": " + key + "." + e.getKey() + ": expected a single value");
            out.put(e.getKey(), e.getValue());
        });
        return out;
    }

    private static ResourceQuery series(String where, String path, JsonNode node) {
        if (!node.isObject()) throw new ConfigException(where + ": " + path + ": expected a mapping with name, query, unit (and role, max)");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!SERIES_KEYS.contains(key)) throw new ConfigException(where + ": unknown key '" + path + "." + key + "'; expected one of " + new TreeSet<>(SERIES_KEYS));
        }
        String name = required(where, path + ".name", node.path("name"), "a series name, e.g. API CPU");
        String query = required(where, path + ".query", node.path("query"), "a PromQL expression");
        ResourceUnit unit;
        try {
            unit = ResourceUnit.of(required(where, path + ".unit", node.path("unit"), "one of cores, bytes, percent, count, seconds"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + path + ".unit: " + e.getMessage());
        }
        ResourceRole role = null;
        if (!node.path("role").isMissingNode()) {
            try {
                role = ResourceRole.of(node.path("role").asText());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + path + ".role: " + e.getMessage());
            }
        }
        JsonNode max = node.path("max");
        if (!max.isMissingNode() && !max.isNumber()) {
            throw new ConfigException(where + ": " + path + ".max: expected a number (the highest allowed peak), got '" + max.asText() + "'");
        }
        JsonNode legend = node.path("legend");
        return new ResourceQuery(name, query, unit, role, max.isMissingNode() ? null : max.asDouble(),
                legend.isMissingNode() ? null : legend.asText(), "file");
    }

    private static String required(String where, String key, JsonNode v, String expected) {
        if (v.isMissingNode() || v.isNull() || v.asText().isBlank()) throw new ConfigException(where + ": " + key + ": missing; expected " + expected);
        if (!v.isValueNode()) throw new ConfigException(where + ": " + key + ": expected " + expected);
        return v.asText();
    }
}

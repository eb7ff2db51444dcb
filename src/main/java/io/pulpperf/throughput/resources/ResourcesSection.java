package io.pulpperf.throughput.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.config.ConfigLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the matrix file's {@code resources:} section (issue 13) and the {@code -Dpulp.resources}
 * (presets, a comma list; replaces the file's) and {@code -Dpulp.resources.NAME=value}
 * (placeholders) overrides. The schema has checked the section's keys, types and enums (preset
 * names, units, roles) before this reads it; the -D presets are checked here, in the same words.
 */
public final class ResourcesSection {
    static final String PRESETS_PROPERTY = "pulp.resources";

    private ResourcesSection() {}

    /** The {@code resources:} section of the loader's matrix file, with its -D overrides. */
    public static ResourcesConfig of(ConfigLoader loader) {
        ConfigLoader.Section s = loader.section("resources");
        return read(s.where(), s.node(), s.props());
    }

    static ResourcesConfig read(String where, JsonNode node, Map<String, String> props) {
        List<String> presets = new ArrayList<>();
        List<ResourceQuery> own = new ArrayList<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        node.path("presets").forEach(n -> presets.add(n.asText()));
        node.path("placeholders").fields().forEachRemaining(e -> placeholders.put(e.getKey(), e.getValue().asText()));
        node.path("thresholds").fields().forEachRemaining(e -> thresholds.put(e.getKey(), e.getValue().asDouble()));
        node.path("series").forEach(s -> own.add(series(s)));
        String chosen = props.get(PRESETS_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            presets.clear();
            Arrays.stream(chosen.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(presets::add);
            for (String preset : presets) {
                if (!Presets.all().containsKey(preset)) {
                    throw new ConfigException("-D" + PRESETS_PROPERTY + ": unknown preset '" + preset + "'; expected one of " + Presets.all().keySet());
                }
            }
        }
        for (var e : props.entrySet()) {
            if (e.getKey().startsWith(PRESETS_PROPERTY + ".")) placeholders.put(e.getKey().substring(PRESETS_PROPERTY.length() + 1), e.getValue());
        }
        return new ResourcesConfig(where, presets, own, placeholders, thresholds);
    }

    private static ResourceQuery series(JsonNode node) {
        JsonNode role = node.path("role");
        JsonNode max = node.path("max");
        JsonNode legend = node.path("legend");
        return new ResourceQuery(node.path("name").asText(), node.path("query").asText(), ResourceUnit.of(node.path("unit").asText()),
                role.isMissingNode() ? null : ResourceRole.of(role.asText()), max.isMissingNode() ? null : max.asDouble(),
                legend.isMissingNode() ? null : legend.asText(), "file");
    }
}

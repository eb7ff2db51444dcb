package io.pulpperf.throughput.resources;

import io.pulpperf.throughput.config.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code resources:} section with the {@code -Dpulp.resources*} overrides applied: the presets
 * chosen, the user's own queries, the placeholders' values and thresholds by series name.
 *
 * @param where        the matrix file, for messages
 * @param presets      preset names, in order
 * @param own          the file's own queries, placeholders not yet filled
 * @param placeholders values set in the file or with -Dpulp.resources.NAME
 * @param thresholds   max peak by series name (for preset series and per-group ones)
 */
public record ResourcesConfig(String where, List<String> presets, List<ResourceQuery> own, Map<String, String> placeholders,
                              Map<String, Double> thresholds) {
    public static final String RATE_WINDOW = "rate_window";

    public ResourcesConfig {
        presets = List.copyOf(presets);
        own = List.copyOf(own);
        placeholders = Map.copyOf(placeholders);
        thresholds = Map.copyOf(thresholds);
    }

    public static ResourcesConfig none(String where) {
        return new ResourcesConfig(where, List.of(), List.of(), Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return presets.isEmpty() && own.isEmpty();
    }

    /**
     * Every query with its placeholders filled: the user's values first, then the preset's defaults,
     * and {@code rate_window} = 4 scrape intervals (a rate needs at least two samples in its window).
     * Throws {@link ConfigException} naming the query and the placeholder nobody set.
     */
    public List<ResourceQuery> queries(Duration scrapeInterval) {
        List<ResourceQuery> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String p : presets) {
            Presets.Preset preset = Presets.all().get(p);
            if (preset == null) {
                throw new ConfigException(where + ": resources.presets: unknown preset '" + p + "'; expected one of " + Presets.all().keySet());
            }
            for (ResourceQuery q : preset.queries()) out.add(filled(q, preset.defaults(), scrapeInterval, "preset " + p));
        }
        for (ResourceQuery q : own) out.add(filled(q, Map.of(), scrapeInterval, "resources.series '" + q.name() + "'"));
        for (ResourceQuery q : out) {
            if (!names.add(q.legend() == null ? q.name() : q.legend() + "/" + q.name())) {
                throw new ConfigException(where + ": resources: series '" + q.name() + "' is defined twice (check the presets and series)");
            }
        }
        return out;
    }

    private ResourceQuery filled(ResourceQuery q, Map<String, String> defaults, Duration scrape, String what) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        values.put(RATE_WINDOW, Math.max(1, scrape.toSeconds() * 4) + "s");
        values.putAll(placeholders);
        try {
            ResourceQuery f = q.withExpr(Placeholders.fill(q.expr(), values));
            Double max = q.max() != null ? q.max() : thresholds.get(q.name());
            return new ResourceQuery(f.name(), f.expr(), f.unit(), f.role(), max, f.legend(), f.origin());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + what + " (" + q.name() + "): " + e.getMessage());
        }
    }
}

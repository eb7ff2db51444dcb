package io.pulpperf.throughput.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.config.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many rounds each scenario runs: its {@code repeat:}, else the defaults', else 1;
 * {@code -Dpulp.repeat=k} sets all. The matrix file's shape was checked by the schema already.
 */
public final class Repeats {
    public static final String PROPERTY = "pulp.repeat";
    private static final int MAX = 100;
    private final Map<String, Integer> byScenario;
    private final int fallback;

    private Repeats(Map<String, Integer> byScenario, int fallback) {
        this.byScenario = Map.copyOf(byScenario);
        this.fallback = fallback;
    }

    public static Repeats none() {
        return new Repeats(Map.of(), 1);
    }

    public static Repeats load(Path matrixFile, Map<String, String> props) {
        String forced = props.get(PROPERTY);
        if (forced != null && !forced.isBlank()) {
            try {
                int k = Integer.parseInt(forced.trim());
                if (k >= 1 && k <= MAX) return new Repeats(Map.of(), k);
            } catch (NumberFormatException ignored) {
                // falls through to the error
            }
            throw new ConfigException("-D" + PROPERTY + " must be a whole number from 1 to " + MAX + ", was '" + forced + "'");
        }
        if (matrixFile == null || !Files.isRegularFile(matrixFile)) return none();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(matrixFile.toFile());
        } catch (IOException e) {
            throw new ConfigException(matrixFile + ": cannot read repeat: " + e.getMessage());
        }
        int fallback = root.path("defaults").path("repeat").asInt(1);
        Map<String, Integer> by = new HashMap<>();
        for (JsonNode s : root.path("scenarios")) {
            if (s.path("repeat").isInt()) by.put(s.path("name").asText(), s.path("repeat").asInt());
        }
        return new Repeats(by, fallback);
    }

    public int of(String scenario) {
        return byScenario.getOrDefault(scenario, fallback);
    }

    /**
     * One round of a scenario.
     *
     * @param round 1-based
     * @param of    the scenario's rounds
     */
    public record Round(int round, int of) {
        public boolean last() {
            return round == of;
        }

        /** "" for a single round, else " (round 2 of 3)": test names stay as they were without repeat. */
        @Override
        public String toString() {
            return of == 1 ? "" : " (round " + round + " of " + of + ")";
        }
    }

    /** Round by round across the matrix: A1 B1 C1 A2 B2 C2..., so a drift of the target hits every scenario alike. */
    public record Planned(Scenario scenario, Round round) {}

    public List<Planned> interleave(List<Scenario> scenarios) {
        int most = scenarios.stream().mapToInt(s -> of(s.name())).max().orElse(0);
        List<Planned> out = new ArrayList<>();
        for (int r = 1; r <= most; r++) {
            for (Scenario s : scenarios) {
                int k = of(s.name());
                if (r <= k) out.add(new Planned(s, new Round(r, k)));
            }
        }
        return out;
    }
}

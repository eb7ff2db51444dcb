package io.pulpperf.throughput.history;

import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rounds of each scenario so far, until its last round turns them into medians with their spread. */
public final class Rounds {
    /**
     * One round.
     *
     * @param result   what it produced
     * @param observed the observers' figures by source, or null
     */
    public record Round(ScenarioResult result, Map<String, Object> observed) {}

    private final Map<String, List<Round>> byScenario = new ConcurrentHashMap<>();

    public void add(String scenario, ScenarioResult result, Map<String, Object> observed) {
        byScenario.computeIfAbsent(scenario, k -> Collections.synchronizedList(new ArrayList<>())).add(new Round(result, observed));
    }

    public List<Round> of(String scenario) {
        return List.copyOf(byScenario.getOrDefault(scenario, List.of()));
    }

    /** Each figure's values over the rounds, for the figures every round measured. */
    public static Map<String, double[]> figures(List<Round> rounds) {
        List<Map<String, Double>> each = rounds.stream().map(r -> FigureCatalog.of(r.result(), r.observed())).toList();
        Map<String, double[]> out = new LinkedHashMap<>();
        if (each.isEmpty()) return out;
        for (String f : each.get(0).keySet()) {
            if (each.stream().allMatch(m -> m.get(f) != null)) out.put(f, each.stream().mapToDouble(m -> m.get(f)).toArray());
        }
        return out;
    }

    /** Each figure's median and spread over the rounds. */
    public static Map<String, Spread> spreads(List<Round> rounds) {
        Map<String, Spread> out = new LinkedHashMap<>();
        figures(rounds).forEach((k, v) -> out.put(k, Spread.of(v)));
        return out;
    }
}

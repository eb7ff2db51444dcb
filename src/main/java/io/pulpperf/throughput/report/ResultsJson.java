package io.pulpperf.throughput.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pulpperf.throughput.usl.Scalability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Every figure of every scenario as JSON, for baselines and other tools: per scenario its name,
 * whether it passed, each check (figure, measured, required, verdict), its scaling row, and the
 * whole result (scenario with thresholds, dispatch, metrics with latency and timeline, notes,
 * problems). {@link BaselineFile} reads it back.
 */
public final class ResultsJson {
    /** Bumped when a field that {@link BaselineFile} reads moves. */
    public static final int SCHEMA = 1;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {}

    public static void write(Path file, Map<String, Object> context, List<JudgedScenario> judged) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json(context, judged));
    }

    public static String json(Map<String, Object> context, List<JudgedScenario> judged) throws IOException {
        return json(context, judged, Map.of());
    }

    /**
     * @param observed what the observers (database sampler, Prometheus) reported, by run id, then by
     *                 source; written under each scenario's "observed"
     */
    public static String json(Map<String, Object> context, List<JudgedScenario> judged, Map<String, Map<String, Object>> observed)
            throws IOException {
        return json(context, judged, observed, Map.of());
    }

    /**
     * @param sections more of a scenario, by run id, then by key, each written under its key (issue 19: "history", the
     *                 judgement against the history; "rounds", a repeated scenario's medians and spread)
     */
    public static String json(Map<String, Object> context, List<JudgedScenario> judged, Map<String, Map<String, Object>> observed,
                              Map<String, Map<String, Object>> sections) throws IOException {
        List<ScalingRow> scaling = Scaling.of(judged.stream().map(JudgedScenario::result).toList());
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.set("context", JSON.valueToTree(context));
        root.put("passed", judged.stream().allMatch(JudgedScenario::passed));
        root.set("scalability", JSON.valueToTree(ScalabilityGroups.of(judged.stream().map(JudgedScenario::result).toList(), observed)
                .stream().map(Scalability::toJson).toList()));
        ArrayNode scenarios = root.putArray("scenarios");
        for (int i = 0; i < judged.size(); i++) {
            JudgedScenario j = judged.get(i);
            ObjectNode s = JSON.createObjectNode();
            s.put("name", j.result().scenario().name());
            s.put("passed", j.passed());
            s.set("checks", JSON.valueToTree(j.checks()));
            s.set("scaling", JSON.valueToTree(scaling.get(i)));
            s.setAll((ObjectNode) JSON.valueToTree(j.result()));
            Map<String, Object> extra = observed.get(j.result().runId());
            if (extra != null) s.set("observed", JSON.valueToTree(extra));
            Map<String, Object> more = sections.get(j.result().runId());
            if (more != null) more.forEach((key, value) -> s.set(key, JSON.valueToTree(value)));
            // The queue-depth bands at the scenario's top level, where readers look for them (issue 21).
            if (extra != null && extra.get("queueDepth") instanceof Map<?, ?> q && q.get("bands") != null) s.set("queueDepth", JSON.valueToTree(q.get("bands")));
            // Why tasks failed, by reason (issue 27): beside the metrics, whose errors keep the exact descriptions.
            s.set("failures", JSON.valueToTree(j.result().metrics().failures()));
            // Worker health (issue 20) is every task scenario's own figure, so it sits beside the metrics.
            if (extra != null && extra.containsKey("workerHealth")) s.set("workerHealth", JSON.valueToTree(extra.get("workerHealth")));
            scenarios.add(s);
        }
        return JSON.writeValueAsString(root);
    }
}

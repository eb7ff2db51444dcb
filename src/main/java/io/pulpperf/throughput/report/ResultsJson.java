package io.pulpperf.throughput.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pulpperf.throughput.run.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every figure of every scenario as JSON, for baselines and other tools. */
public final class ResultsJson {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {}

    public static void write(Path file, Map<String, Object> context, List<ScenarioResult> results) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("context", context);
        root.put("scenarios", results);
        JSON.writeValue(file.toFile(), root);
    }
}

package io.pulpperf.throughput.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.workers.WorkersAlive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code -Dpulp.baseline=path/to/results.json} (and {@code -Dpulp.baseline.tolerance},
 * default 0.10). Every mistake is a {@link ConfigException} raised before any load: a missing or
 * unreadable file, malformed JSON, or a document that is not a results.json of this suite.
 */
public final class BaselineFile {
    public static final String PATH_PROPERTY = "pulp.baseline";
    public static final String TOLERANCE_PROPERTY = "pulp.baseline.tolerance";
    public static final double DEFAULT_TOLERANCE = 0.10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaselineFile() {}

    /**
     * The baseline named by the properties, or empty when {@code pulp.baseline} is not set.
     *
     * @param props   {@code -D} properties
     * @param baseDir directory a relative path is resolved against
     */
    public static Optional<Baseline> fromProperties(Map<String, String> props, Path baseDir) {
        String path = props.get(PATH_PROPERTY);
        if (path == null || path.isBlank()) return Optional.empty();
        return Optional.of(load(baseDir.resolve(path.trim()), tolerance(props.get(TOLERANCE_PROPERTY))));
    }

    /** From this JVM's system properties (as every loader reads them), relative to the working directory. */
    public static Optional<Baseline> fromSystem() {
        return fromProperties(io.pulpperf.throughput.config.SecretHolder.systemProperties(), Path.of(""));
    }

    static double tolerance(String text) {
        if (text == null || text.isBlank()) return DEFAULT_TOLERANCE;
        try {
            double v = Double.parseDouble(text.trim());
            if (v >= 0 && v < 1) return v;
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new ConfigException("-D" + TOLERANCE_PROPERTY + " must be a fraction between 0 and 1 (0.10 = 10%), was '" + text + "'");
    }

    /** Reads a results.json written by this suite. */
    public static Baseline load(Path file, double tolerance) {
        String where = "-D" + PATH_PROPERTY + "=" + file;
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(where + ": no such file; point it at the results.json of an earlier run "
                    + "(target/throughput/results.json)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ConfigException(where + ": not valid JSON" + (loc == null ? "" : " at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read it: " + e.getMessage());
        }
        if (root == null || !root.path("scenarios").isArray()) {
            throw new ConfigException(where + ": not a results.json of this suite (expected an object with a 'scenarios' list)");
        }
        Map<String, Baseline.Figures> scenarios = new LinkedHashMap<>();
        for (int i = 0; i < root.path("scenarios").size(); i++) {
            JsonNode s = root.path("scenarios").get(i);
            String name = s.path("name").isTextual() ? s.path("name").asText() : s.path("scenario").path("name").asText(null);
            if (name == null) throw new ConfigException(where + ": scenarios[" + i + "] has no name");
            JsonNode metrics = s.path("metrics");
            if (!metrics.isObject()) throw new ConfigException(where + ": scenarios[" + i + "] (" + name + ") has no 'metrics' object");
            Double throughput = number(where, name, "metrics.throughput", metrics.path("throughput"));
            Double p95 = number(where, name, "metrics.latency.TOTAL.p95", metrics.path("latency").path("TOTAL").path("p95"));
            long totalCount = metrics.path("latency").path("TOTAL").path("count").asLong(0);
            Double sustained = number(where, name, "capacity.sustainedRate", s.path("capacity").path("sustainedRate"));
            // With repeat: k every round is an entry of the same name; one round that lost a worker marks them all.
            WorkersAlive workers = WorkersAlive.ofRounds(java.util.Arrays.asList(
                    scenarios.containsKey(name) ? scenarios.get(name).workers() : null, workers(s.path("workerHealth"))));
            scenarios.put(name, new Baseline.Figures(throughput, p95 == null || totalCount == 0 ? null : p95.longValue(),
                    resourcePeaks(s.path("observed").path("resources").path("series")), sustained, workers));
        }
        return new Baseline(file, tolerance, scenarios);
    }

    /** results.json's workerHealth {allAlive, left: [{worker, ...}]}; null when absent (older files, no tasks). */
    @SuppressWarnings("unchecked")
    private static WorkersAlive workers(JsonNode health) {
        if (!health.path("allAlive").isBoolean()) return null;
        return WorkersAlive.of(Map.of(io.pulpperf.throughput.workers.WorkerHealthObserver.SOURCE, JSON.convertValue(health, Map.class)));
    }

    /** Peaks of the resource series (results.json: observed.resources.series[].name/peak); none when not measured. */
    private static Map<String, Double> resourcePeaks(JsonNode series) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode s : series) {
            if (s.path("name").isTextual() && s.path("peak").isNumber()) out.put(s.path("name").asText(), s.path("peak").asDouble());
        }
        return out;
    }

    private static Double number(String where, String scenario, String key, JsonNode v) {
        if (v.isMissingNode() || v.isNull()) return null;
        if (!v.isNumber()) throw new ConfigException(where + ": scenario " + scenario + ": " + key + " must be a number, was '" + v.asText() + "'");
        return v.asDouble();
    }
}

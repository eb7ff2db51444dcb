package io.pulpperf.throughput.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files beside the results that give Allure its context: environment.properties (the
 * Environment panel), categories.json (the Categories tab) and, in GitHub Actions,
 * executor.json (the Executors panel and build links).
 */
public final class AllureContextFiles {
    /** On the classpath root, where allure-maven also looks for it. */
    public static final String CATEGORIES_RESOURCE = "categories.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AllureContextFiles() {}

    /** Writes all three (executor.json only when {@code env} is a GitHub Actions run). */
    public static void write(Path resultsDir, Map<String, Object> context, Map<String, String> env) throws IOException {
        Files.createDirectories(resultsDir);
        Files.writeString(resultsDir.resolve("environment.properties"), environment(context));
        Files.writeString(resultsDir.resolve("categories.json"), categories());
        Optional<Map<String, Object>> executor = executor(env);
        if (executor.isPresent()) Files.writeString(resultsDir.resolve("executor.json"), JSON.writeValueAsString(executor.get()));
    }

    /** Properties in the context's order (java.util.Properties would shuffle them), escaped. */
    public static String environment(Map<String, Object> context) {
        StringBuilder out = new StringBuilder("# Pulp task throughput run: where and what was measured (no credentials)\n");
        context.forEach((k, v) -> out.append(escape(k, true)).append('=').append(escape(String.valueOf(v), false)).append('\n'));
        return out.toString();
    }

    public static String categories() {
        try (InputStream in = AllureContextFiles.class.getClassLoader().getResourceAsStream(CATEGORIES_RESOURCE)) {
            if (in == null) throw new IllegalStateException(CATEGORIES_RESOURCE + " is missing from the classpath");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * executor.json for a GitHub Actions run ({@code GITHUB_ACTIONS=true}): the workflow run as the
     * build, linked from the report. Empty anywhere else.
     */
    public static Optional<Map<String, Object>> executor(Map<String, String> env) {
        if (!"true".equals(env.get("GITHUB_ACTIONS"))) return Optional.empty();
        String server = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
        String repo = env.getOrDefault("GITHUB_REPOSITORY", "");
        String runId = env.getOrDefault("GITHUB_RUN_ID", "");
        String runNumber = env.getOrDefault("GITHUB_RUN_NUMBER", runId);
        String workflow = env.getOrDefault("GITHUB_WORKFLOW", "workflow");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", "GitHub Actions");
        e.put("type", "github");
        e.put("url", server + "/" + repo + "/actions");
        e.put("buildOrder", runNumber.matches("\\d+") ? Long.parseLong(runNumber) : 0);
        e.put("buildName", workflow + " #" + runNumber);
        e.put("buildUrl", server + "/" + repo + "/actions/runs/" + runId);
        e.put("reportName", "Pulp task throughput");
        return Optional.of(e);
    }

    private static String escape(String s, boolean key) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':' -> out.append(key ? "\\" + ch : String.valueOf(ch));
                case ' ' -> out.append(key ? "\\ " : " ");
                default -> out.append(ch < 0x20 || ch > 0x7e ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return out.toString();
    }
}

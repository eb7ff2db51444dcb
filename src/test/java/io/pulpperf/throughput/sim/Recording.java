package io.pulpperf.throughput.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One request and the real answer of pulpcore 3.105.16, as stored under
 * {@code src/test/resources/pulp-recordings/} (a copy of {@code shared/pulp-recordings/}).
 */
record Recording(String name, String note, String method, String path, Map<String, String> requestHeaders,
                 JsonNode requestBody, int status, Map<String, String> responseHeaders, JsonNode responseBody) {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Every recording in the directory, sorted by file name. */
    static List<Recording> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(Recording::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Recording named(String name) {
        return read(directory().resolve(name + ".json"));
    }

    private static Path directory() {
        try {
            return Path.of(Recording.class.getResource("/pulp-recordings").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Recording read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode req = root.path("request");
            JsonNode res = root.path("response");
            String fileName = file.getFileName().toString();
            return new Recording(fileName.substring(0, fileName.length() - ".json".length()), root.path("note").asText(),
                    req.path("method").asText(), req.path("path").asText(), strings(req.path("headers")),
                    req.path("body"), res.path("status").asInt(), strings(res.path("headers")), res.path("body"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().asText()));
        return map;
    }

    @Override
    public String toString() {
        return name;
    }
}

package io.pulpperf.throughput.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Says a schema violation the way the suite always has: the key as a path
 * ({@code scenarios[2].thresholds.minTasksPerSecond}) and what is expected, read from the schema
 * itself (range, enum values, allowed keys), e.g. {@code scenarios[0].workers: expected a whole
 * number between 1 and 10000, got '0'}. The validator's own wording (JSON pointers, "must have a
 * minimum value of") is not used. Two schema keywords the editors ignore refine the wording:
 * {@code x-expected} (what to expect, when the type says too little) and {@code x-message} (a
 * whole message with {key}, {value} and {enum}), both used only where earlier messages said more.
 */
final class SchemaMessage {
    private final MatrixSchema schema;

    SchemaMessage(MatrixSchema schema) {
        this.schema = schema;
    }

    String of(Error error) {
        List<Object> path = elements(error.getInstanceLocation());
        String keyword = error.getKeyword();
        if ("additionalProperties".equals(keyword)) {
            String unknown = error.getProperty();
            if (!path.isEmpty() && unknown.equals(path.get(path.size() - 1))) path = path.subList(0, path.size() - 1);
            JsonNode owner = schemaAt(path);
            return "unknown key '" + key(append(path, unknown)) + "'; expected one of "
                    + keys(owner);
        }
        if ("required".equals(keyword)) {
            String missing = error.getProperty();
            if (!path.isEmpty() && missing.equals(path.get(path.size() - 1))) path = path.subList(0, path.size() - 1);
            JsonNode property = schema.property(schemaAt(path), missing);
            return key(append(path, missing)) + ": missing; expected " + expected(property, keyword);
        }
        JsonNode node = schemaAt(path);
        if (error.getInstanceNode() != null && error.getInstanceNode().isNull()) {
            // `key:` with nothing after it (often: every line under it commented out) is YAML's null, not "absent".
            return key(path) + ": empty; remove the key (its children are all commented out?) or give it "
                    + expected(node, keyword);
        }
        String value = error.getInstanceNode() == null ? "" : text(error.getInstanceNode());
        JsonNode template = node.path("x-message");
        if (template.isTextual()) {
            return template.asText().replace("{key}", key(path)).replace("{value}", value).replace("{enum}", enumList(node));
        }
        JsonNode patternMessage = node.path("patternErrorMessage");
        if ("pattern".equals(keyword) && patternMessage.isTextual()) return key(path) + ": " + patternMessage.asText() + ", got '" + value + "'";
        return key(path) + ": expected " + expected(node, keyword) + ", got '" + value + "'";
    }

    /** What a value of this schema must be, in words, for the violated keyword (a range names the bound it broke). */
    private String expected(JsonNode node, String keyword) {
        if (node.path("x-expected").isTextual()) return node.path("x-expected").asText();
        if (node.has("enum")) return "one of " + enumList(node);
        if (node.path("patternErrorMessage").isTextual()) return node.path("patternErrorMessage").asText().replaceFirst("^expected ", "");
        List<String> types = new ArrayList<>();
        JsonNode type = node.path("type");
        if (type.isArray()) type.forEach(t -> types.add(t.asText()));
        else types.add(type.asText());
        return types.stream().map(t -> switch (t) {
            case "integer" -> "a whole number between " + node.path("minimum").asText() + " and " + node.path("maximum").asText();
            case "number" -> ("a number " + range(node, keyword)).trim();
            case "object" -> node.path("additionalProperties").isBoolean() && !node.path("additionalProperties").asBoolean()
                    ? "a mapping with keys " + keys(node) : "a mapping";
            case "array" -> "a list";
            case "string" -> "text";
            case "boolean" -> "true or false";
            default -> t;
        }).collect(Collectors.joining(" or "));
    }

    private static String range(JsonNode node, String keyword) {
        boolean closed = node.has("minimum") && node.has("maximum");
        if (closed) return "between " + node.path("minimum").asText() + " and " + node.path("maximum").asText();
        List<String> bounds = new ArrayList<>();
        String[][] all = {{"exclusiveMinimum", "> "}, {"minimum", ">= "}, {"maximum", "<= "}, {"exclusiveMaximum", "< "}};
        for (String[] b : all) {
            if (node.has(b[0]) && (b[0].equals(keyword) || !isBound(keyword))) bounds.add(b[1] + node.path(b[0]).asText());
        }
        return String.join(" and ", bounds);
    }

    private static boolean isBound(String keyword) {
        return keyword.endsWith("imum");
    }

    private static String enumList(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.path("enum").forEach(v -> values.add(v.asText()));
        return String.join(", ", values);
    }

    /** The schema of the value at this instance path, walking properties and items from the root. */
    private JsonNode schemaAt(List<Object> path) {
        JsonNode node = schema.resolve(schema.root());
        for (Object step : path) {
            node = step instanceof Integer ? schema.resolve(node.path("items")) : schema.property(node, (String) step);
        }
        return node;
    }

    private static List<Object> elements(NodePath location) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) out.add(location.getElement(i));
        return out;
    }

    private static List<Object> append(List<Object> path, String name) {
        List<Object> out = new ArrayList<>(path);
        out.add(name);
        return out;
    }

    /** {@code scenarios[2].thresholds.minTasksPerSecond}; "top level" for the document itself. */
    static String key(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) sb.append('[').append(i).append(']');
            else sb.append(sb.length() == 0 ? "" : ".").append(step);
        }
        return sb.length() == 0 ? "top level" : sb.toString();
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The keys an object schema declares, sorted, as "[a, b, c]". */
    private static TreeSet<String> keys(JsonNode objectSchema) {
        TreeSet<String> keys = new TreeSet<>();
        objectSchema.path("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}

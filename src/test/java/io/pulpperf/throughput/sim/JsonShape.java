package io.pulpperf.throughput.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two JSON documents by shape: the same field names in the same order at every level,
 * the same JSON type for every value (null, string, integral or fractional number, boolean,
 * array, object), arrays of the same length compared element by element, and strings of the
 * same kind. Timestamps must be Pulp's (DRF isoformat, {@code Z}, 6 fraction digits or none);
 * hrefs, PRNs and URLs must have the same template once each UUID is replaced by its version
 * ({@code {uuid7}}) and the server origin by {@code {origin}}; other strings may differ.
 */
final class JsonShape {
    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?Z");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern API_ORIGIN = Pattern.compile("^http://127\\.0\\.0\\.1:(?!24816)\\d+");
    private static final Pattern TEMPLATED = Pattern.compile("^(/|prn:|pdrn:|shared:|https?://).*");

    private JsonShape() {}

    /** Every difference, each with its JSON path; empty when the shapes agree. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, out);
        return out;
    }

    /** A string with UUIDs and the API origin replaced, e.g. {@code /pulp/api/v3/tasks/{uuid7}/}. */
    static String template(String s) {
        Matcher m = UUID.matcher(API_ORIGIN.matcher(s).replaceFirst("{origin}"));
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, "{uuid" + m.group(1) + "}");
        m.appendTail(b);
        return b.toString();
    }

    static String type(JsonNode n) {
        if (n == null || n.isMissingNode()) return "missing";
        if (n.isNull()) return "null";
        if (n.isTextual()) return "string";
        if (n.isIntegralNumber()) return "integer";
        if (n.isNumber()) return "float";
        if (n.isBoolean()) return "boolean";
        if (n.isArray()) return "array";
        return "object";
    }

    private static void compare(String path, JsonNode e, JsonNode a, List<String> out) {
        String te = type(e);
        String ta = type(a);
        if (!te.equals(ta)) {
            out.add(path + ": expected " + te + " but was " + ta + " (" + a + ")");
            return;
        }
        switch (te) {
            case "object" -> compareObjects(path, e, a, out);
            case "array" -> {
                if (e.size() != a.size()) {
                    out.add(path + ": expected " + e.size() + " elements but was " + a.size());
                    return;
                }
                for (int i = 0; i < e.size(); i++) compare(path + "[" + i + "]", e.get(i), a.get(i), out);
            }
            case "string" -> compareStrings(path, e.asText(), a.asText(), out);
            default -> { }
        }
    }

    private static void compareObjects(String path, JsonNode e, JsonNode a, List<String> out) {
        List<String> ek = names(e);
        List<String> ak = names(a);
        if (!ek.equals(ak)) {
            out.add(path + ": expected fields " + ek + " but was " + ak);
            return;
        }
        for (String k : ek) compare(path + "." + k, e.get(k), a.get(k), out);
    }

    private static void compareStrings(String path, String e, String a, List<String> out) {
        if (TIMESTAMP.matcher(e).matches()) {
            if (!TIMESTAMP.matcher(a).matches()) out.add(path + ": expected a Pulp timestamp but was '" + a + "'");
        } else if (TEMPLATED.matcher(e).matches() && !template(e).equals(template(a))) {
            out.add(path + ": expected the shape '" + template(e) + "' but was '" + template(a) + "'");
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}

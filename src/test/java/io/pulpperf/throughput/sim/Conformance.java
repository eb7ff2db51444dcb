package io.pulpperf.throughput.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulpperf.throughput.pulp.CorrelationIds;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a simulator answer must share with the recorded answer of the same request. */
final class Conformance {
    /** Headers the recordings keep whose value must be the same. */
    private static final List<String> SAME_VALUE_HEADERS = List.of("content-type", "allow", "www-authenticate", "retry-after");
    private static final Pattern GENERATED_CID = Pattern.compile("[0-9a-f]{32}");

    private Conformance() {}

    /** Every way the answer differs from the recording; empty when it conforms. */
    static List<String> problems(Recording rec, Response answer) {
        List<String> out = new ArrayList<>();
        if (answer.statusCode() != rec.status()) {
            out.add("status: expected " + rec.status() + " but was " + answer.statusCode() + " (" + answer.asString() + ")");
            return out;
        }
        headers(rec, answer, out);
        if (rec.responseBody().isTextual()) {
            if (!rec.responseBody().asText().equals(answer.asString())) out.add("body: expected the recorded page but was " + answer.asString());
            return out;
        }
        JsonNode body;
        try {
            body = Recording.JSON.readTree(answer.asString());
        } catch (IOException e) {
            out.add("body is not JSON: " + answer.asString());
            return out;
        }
        out.addAll(JsonShape.differences(rec.responseBody(), body));
        if (rec.status() >= 400 && !rec.responseBody().has("pulp_href") && !rec.responseBody().equals(body)) {
            out.add("error body: expected " + rec.responseBody() + " but was " + body);
        }
        sameValues("$", rec.responseBody(), body, out);
        return out;
    }

    private static void headers(Recording rec, Response answer, List<String> out) {
        Map<String, String> recorded = rec.responseHeaders();
        // Every answer of Pulp carries Correlation-ID: a recording without it kept only its
        // content-type (correlation-id-not-uuid-task.json), so it says nothing of the other headers.
        List<String> checked = recorded.containsKey("correlation-id") ? SAME_VALUE_HEADERS : List.of("content-type");
        for (String name : checked) {
            String expected = recorded.get(name);
            String actual = answer.getHeader(name);
            if (expected == null ? actual != null : !expected.equals(actual)) {
                out.add("header " + name + ": expected " + expected + " but was " + actual);
            }
        }
        String location = recorded.get("location");
        String actualLocation = answer.getHeader("Location");
        if (location == null ? actualLocation != null
                : actualLocation == null || !JsonShape.template(location).equals(JsonShape.template(actualLocation))) {
            out.add("header location: expected the shape of " + location + " but was " + actualLocation);
        }
        // A recording that kept its Date header is read against the server's clock: the answer needs one too.
        if (recorded.containsKey("date")) {
            String date = answer.getHeader("Date");
            try {
                java.time.ZonedDateTime.parse(date == null ? "" : date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (java.time.format.DateTimeParseException e) {
                out.add("header date: expected an RFC 1123 date like " + recorded.get("date") + " but was " + date);
            }
        }
        String sentCid = rec.requestHeaders().get("correlation-id");
        String cid = answer.getHeader("Correlation-ID");
        // A sent id that is a UUID comes back as it is; none, or one that is not a UUID, is replaced by a new one.
        boolean kept = sentCid != null && CorrelationIds.isValid(sentCid);
        if (cid == null || (kept ? !sentCid.equals(cid) : !GENERATED_CID.matcher(cid).matches() || cid.equals(sentCid))) {
            out.add("header correlation-id: expected " + (kept ? sentCid : "a new id of 32 hex digits") + " but was " + cid);
        }
    }

    /**
     * Values that the replay's setup reproduces exactly: list counts, task states, task names.
     * (Other names, such as worker names, are the simulator's own.)
     */
    private static void sameValues(String path, JsonNode e, JsonNode a, List<String> out) {
        if (e.isObject() && a.isObject()) {
            boolean task = e.has("state") && e.has("pulp_href") && e.path("pulp_href").asText().contains("/tasks/");
            for (String key : List.of("count", "state")) {
                if (e.has(key) && !e.get(key).equals(a.get(key))) out.add(path + "." + key + ": expected " + e.get(key) + " but was " + a.get(key));
            }
            if (task && !e.path("name").equals(a.path("name"))) out.add(path + ".name: expected " + e.get("name") + " but was " + a.get("name"));
            e.fields().forEachRemaining(f -> {
                if (a.has(f.getKey())) sameValues(path + "." + f.getKey(), f.getValue(), a.get(f.getKey()), out);
            });
        } else if (e.isArray() && a.isArray()) {
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) sameValues(path + "[" + i + "]", e.get(i), a.get(i), out);
        }
    }
}

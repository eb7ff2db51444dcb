package io.pulpperf.throughput.pulp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads task list pages; a row it cannot read is named, never fatal for the page. */
public final class TaskParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("pulp_href", "state", "pulp_created");

    private TaskParser() {}

    /** Parses a task list page body; throws only when the envelope itself is not a page. */
    public static TaskPage page(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            // Where, not what: Jackson's message quotes the body, which may hold anything the server echoed.
            throw new PulpApiException("the task list answered with malformed JSON" + where(e), 200);
        }
        if (root == null || !root.path("results").isArray() || !root.path("count").canConvertToInt()) {
            throw new PulpApiException("the task list answered without the page envelope {count, next, previous, results}", 200);
        }
        List<PulpTask> tasks = new ArrayList<>();
        List<UnreadableRow> unreadable = new ArrayList<>();
        for (JsonNode row : root.path("results")) {
            PulpTask task = task(row);
            if (task != null) tasks.add(task);
            else unreadable.add(new UnreadableRow(row.path("pulp_href").textValue(), defect(row)));
        }
        return new TaskPage(root.path("count").asInt(), root.path("next").isTextual(), tasks, unreadable);
    }

    /** " at line L, column C" of a JSON error, without the quoted content. */
    static String where(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            return " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
        }
        return "";
    }

    /** What makes a row unreadable: the first required field missing or not text, else a bad timestamp. */
    private static String defect(JsonNode row) {
        if (!row.isObject()) return "not an object";
        for (String field : REQUIRED) {
            JsonNode v = row.get(field);
            if (v == null) return field + " missing";
            if (v.isNull()) return field + " null";
            if (!v.isTextual()) return field + " not a string";
        }
        return "a timestamp that is not ISO 8601";
    }

    /** One task, or null when required fields (pulp_href, state, pulp_created) are missing or unparsable. */
    public static PulpTask task(JsonNode row) {
        try {
            String href = row.path("pulp_href").textValue();
            String state = row.path("state").textValue();
            String created = row.path("pulp_created").textValue();
            if (href == null || state == null || created == null) return null;
            JsonNode error = row.path("error");
            String errorText = null;
            if (error.isObject()) {
                errorText = error.path("description").isTextual() ? error.path("description").asText()
                        : error.path("reason").isTextual() ? error.path("reason").asText() : error.toString();
            }
            return new PulpTask(href, row.path("name").asText(""), state, row.path("logging_cid").textValue(),
                    PulpTime.parseMicros(created), time(row, "unblocked_at"), time(row, "started_at"),
                    time(row, "finished_at"), errorText);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Long time(JsonNode row, String field) {
        JsonNode v = row.path(field);
        return v.isTextual() ? PulpTime.parseMicros(v.asText()) : null;
    }
}

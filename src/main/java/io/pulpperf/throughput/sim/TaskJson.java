package io.pulpperf.throughput.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulpperf.throughput.pulp.PulpTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Serialises tasks as pulpcore's {@code TaskSerializer} / {@code MinimalTaskSerializer} do
 * (field order as in the recordings), with drf-queryfields' {@code fields} and
 * {@code exclude_fields}.
 */
final class TaskJson {
    static final List<String> FULL_FIELDS = List.of("pulp_href", "prn", "pulp_created", "pulp_last_updated", "state",
            "name", "logging_cid", "created_by", "unblocked_at", "started_at", "finished_at", "error", "worker",
            "parent_task", "child_tasks", "task_group", "progress_reports", "created_resources",
            "reserved_resources_record", "result");
    static final List<String> MINIMAL_FIELDS = List.of("pulp_href", "prn", "pulp_created", "pulp_last_updated", "name",
            "state", "unblocked_at", "started_at", "finished_at", "worker");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** pulp_last_updated comes out a few ms before pulp_created on real tasks (insert trigger quirk). */
    private static final long LAST_UPDATED_LEAD_MICROS = 3_047;

    private final List<String> fields;
    private final String v3Path;
    private final boolean createdBy;

    private TaskJson(List<String> fields, String v3Path, boolean createdBy) {
        this.fields = fields;
        this.v3Path = v3Path;
        this.createdBy = createdBy;
    }

    /**
     * The full serializer as the cancel view builds it: {@code created_by} comes from a
     * {@code task_user_mapping} that only list and retrieve put in the serializer context, and
     * {@code partial_update} passes only the request ({@code pulpcore/app/viewsets/task.py},
     * {@code serializers/task.py} {@code get_created_by}), so PATCH answers show null
     * ({@code task-cancel-waiting.json}, {@code task-cancel-finished.json}).
     */
    static TaskJson forCancel(String v3Path) {
        return new TaskJson(FULL_FIELDS, v3Path, false);
    }

    /** A serialiser for the query's {@code minimal}, {@code fields} and {@code exclude_fields}. */
    static TaskJson forQuery(java.util.Map<String, String> query, String v3Path) {
        boolean minimal = "true".equalsIgnoreCase(query.get("minimal")) || "1".equals(query.get("minimal"));
        List<String> base = minimal ? MINIMAL_FIELDS : FULL_FIELDS;
        Set<String> chosen = new LinkedHashSet<>(base);
        String only = query.get("fields");
        if (only != null && !only.isBlank()) {
            Set<String> wanted = Set.copyOf(Arrays.asList(only.split(",")));
            chosen.retainAll(wanted);
        }
        String exclude = query.get("exclude_fields");
        if (exclude != null && !exclude.isBlank()) {
            Arrays.asList(exclude.split(",")).forEach(chosen::remove);
        }
        return new TaskJson(List.copyOf(chosen), v3Path, true);
    }

    ObjectNode write(TaskSnapshot t) {
        ObjectNode node = NODES.objectNode();
        for (String field : fields) {
            switch (field) {
                case "pulp_href" -> node.put(field, v3Path + "tasks/" + t.id() + "/");
                case "prn" -> node.put(field, "prn:core.task:" + t.id());
                case "pulp_created" -> node.put(field, PulpTime.format(t.createdMicros()));
                case "pulp_last_updated" -> node.put(field, PulpTime.format(t.createdMicros() - LAST_UPDATED_LEAD_MICROS));
                case "state" -> node.put(field, t.state());
                case "name" -> node.put(field, t.name());
                case "logging_cid" -> node.put(field, t.loggingCid());
                case "created_by" -> node.put(field, createdBy ? t.createdBy() : null);
                case "unblocked_at" -> time(node, field, t.unblockedMicros());
                case "started_at" -> time(node, field, t.startedMicros());
                case "finished_at" -> time(node, field, t.finishedMicros());
                case "error" -> {
                    if (t.errorDescription() == null) {
                        node.putNull(field);
                    } else {
                        ObjectNode error = node.putObject(field);
                        error.put("traceback", t.errorTraceback());
                        error.put("description", t.errorDescription());
                    }
                }
                case "worker", "parent_task", "task_group" -> node.putNull(field);
                case "child_tasks", "progress_reports" -> node.putArray(field);
                case "created_resources" -> strings(node.putArray(field), t.createdResources());
                case "reserved_resources_record" -> strings(node.putArray(field), t.reservedResourcesRecord());
                case "result" -> node.set(field, t.result() == null ? NODES.nullNode() : SimExchange.JSON.valueToTree(t.result()));
                default -> throw new IllegalStateException("unknown task field " + field);
            }
        }
        return node;
    }

    private static void time(ObjectNode node, String field, Long micros) {
        if (micros == null) node.putNull(field); else node.put(field, PulpTime.format(micros));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}

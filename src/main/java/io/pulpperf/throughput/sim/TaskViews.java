package io.pulpperf.throughput.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code tasks/} and {@code tasks/{id}/}: pulpcore's {@code TaskViewSet} ({@code pulpcore/app/viewsets/task.py}). */
final class TaskViews {
    private static final Map<String, String> NOT_FOUND = Map.of("detail", "No Task matches the given query.");

    private final TaskEngine engine;
    private final FaultInjector faults;

    TaskViews(TaskEngine engine, FaultInjector faults) {
        this.engine = engine;
        this.faults = faults;
    }

    void list(ApiRequest req) throws IOException {
        SimExchange ex = req.ex();
        ex.allow = "GET, HEAD, OPTIONS";
        if (!Views.methodIs(ex, "GET", "HEAD")) return;
        TaskListQuery query = new TaskListQuery(ex.query, req.domain());
        if (!query.isValid()) {
            ex.sendJson(400, query.errors);
            return;
        }
        TaskListQuery.Page page = engine.read(query::evaluate);
        TaskJson json = TaskJson.forQuery(ex.query, req.v3Path());
        List<Object> rows = new ArrayList<>(page.rows().size());
        for (TaskSnapshot t : page.rows()) {
            ObjectNode row = json.write(t);
            faults.breakRow(t.seq(), row);
            rows.add(row);
        }
        Pagination.send(ex, page.count(), rows, query.offset, query.limit);
    }

    void detail(ApiRequest req, String rest) throws IOException {
        SimExchange ex = req.ex();
        ex.allow = "GET, PATCH, DELETE, HEAD, OPTIONS";
        UUID id = Views.detailId(rest);
        if (id == null) {
            ex.sendNotFoundPage();
            return;
        }
        // Querysets are scoped to the request's domain (NamedModelViewSet.get_queryset).
        var task = engine.find(id).filter(t -> t.domain().equals(req.domain()));
        if (task.isEmpty()) {
            ex.sendJson(404, NOT_FOUND);
            return;
        }
        switch (ex.method) {
            case "GET", "HEAD" -> ex.sendJson(200, TaskJson.forQuery(ex.query, req.v3Path()).write(task.get()));
            case "PATCH" -> cancel(req, id);
            case "DELETE" -> delete(ex, id);
            default -> Views.methodIs(ex, "GET", "PATCH", "DELETE");
        }
    }

    /** {@code partial_update}: 200 with the task when canceling/canceled, 409 when already in another final state. */
    private void cancel(ApiRequest req, UUID id) throws IOException {
        SimExchange ex = req.ex();
        JsonNode body = ex.jsonBody();
        if (body == null || !body.has("state")) {
            ex.sendJson(400, List.of("'state' must be provided with the request."));
            return;
        }
        if (!"canceled".equals(body.path("state").asText())) {
            ex.sendJson(400, List.of("The only acceptable value for 'state' is 'canceled'."));
            return;
        }
        TaskEngine.Cancel result = engine.cancel(id);
        if (result.result() == TaskEngine.CancelResult.NOT_FOUND) {
            ex.sendJson(404, NOT_FOUND);
            return;
        }
        int status = result.result() == TaskEngine.CancelResult.ALREADY_FINAL ? 409 : 200;
        ex.sendJson(status, TaskJson.forCancel(req.v3Path()).write(result.task()));
    }

    /** {@code destroy}: 409 with no body while the task is incomplete, else 204. */
    private void delete(SimExchange ex, UUID id) throws IOException {
        switch (engine.delete(id)) {
            case DELETED -> ex.send(204, "application/json", new byte[0], Map.of());
            case INCOMPLETE -> ex.send(409, "application/json", new byte[0], Map.of());
            case NOT_FOUND -> ex.sendJson(404, NOT_FOUND);
        }
    }
}

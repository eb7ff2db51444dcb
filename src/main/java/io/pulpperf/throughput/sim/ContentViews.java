package io.pulpperf.throughput.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * pulp_file's {@code distributions/file/file/} and {@code repositories/file/file/}: the creates and
 * deletes the suite's workloads dispatch, with the locks pulpcore 3.105 takes for them.
 */
final class ContentViews {
    private static final String CREATE_TASK = "pulpcore.app.tasks.base.general_create";
    private static final String DELETE_TASK = "pulpcore.app.tasks.base.ageneral_delete";
    /** The last frames of the recorded traceback of a delete whose row is gone. */
    private static final String DOES_NOT_EXIST_TRACEBACK =
            "  File \"/usr/local/lib/python3.11/site-packages/pulpcore/app/tasks/base.py\", line 153, in ageneral_delete\n"
            + "    instance = await serializer_class.Meta.model.objects.aget(pk=instance_id)\n"
            + "  File \"/usr/local/lib/python3.11/site-packages/django/db/models/query.py\", line 635, in get\n"
            + "    raise self.model.DoesNotExist(\n";

    /** A pulp_file model behind a detail view: how to find and delete its rows, and a delete's shared locks. */
    private record Model(String name, String prnType, BiFunction<String, UUID, Map<String, Object>> find,
                         BiPredicate<String, UUID> delete, Function<String, List<String>> sharedLocks) {}

    private final TaskEngine engine;
    private final ContentStore store;
    private final Domains domains;
    private final SimulatorConfig config;
    /** Up to 3.115 a distribution delete locks the instance, shared on the domain's distributions (distribution-delete-task.json). */
    private final Model distributionModel;
    /**
     * Repository deletes are deferred and exclusive on the repository (ALLOW_NON_BLOCKING_DELETE off):
     * a second delete queued behind the first fails once the row is gone (task-failed.json).
     */
    private final Model repositoryModel;

    ContentViews(TaskEngine engine, ContentStore store, Domains domains, SimulatorConfig config) {
        this.engine = engine;
        this.store = store;
        this.domains = domains;
        this.config = config;
        this.distributionModel = new Model("FileDistribution", "file.filedistribution", store::distribution,
                store::deleteDistribution, domain -> List.of(domains.pdrn(domain, "distributions")));
        this.repositoryModel = new Model("FileRepository", "file.filerepository", store::repository,
                store::deleteRepository, domain -> List.of());
    }

    void distributions(ApiRequest req) throws IOException {
        SimExchange ex = req.ex();
        ex.allow = "GET, POST, HEAD, OPTIONS";
        if (ex.method.equals("POST")) createDistribution(req);
        else if (Views.methodIs(ex, "GET", "HEAD")) listByName(ex, store.distributions(req.domain()));
    }

    void distribution(ApiRequest req, String rest) throws IOException {
        detail(req, rest, distributionModel);
    }

    private void createDistribution(ApiRequest req) throws IOException {
        SimExchange ex = req.ex();
        JsonNode body = ex.jsonBody();
        if (body == null || !body.isObject()) {
            ex.sendJson(400, Map.of("detail", "JSON parse error - Expecting value: line 1 column 1 (char 0)"));
            return;
        }
        String name = text(body, "name");
        String basePath = text(body, "base_path");
        UUID id = Uuid7.at(System.currentTimeMillis());
        Map<String, List<String>> errors = store.claimDistribution(req.domain(), name, basePath, id);
        if (!errors.isEmpty()) {
            ex.sendJson(400, errors);
            return;
        }
        String domain = req.domain();
        String v3 = req.v3Path();
        String contentPrefix = "/pulp/content/" + (config.domainEnabled() ? domain + "/" : "");
        // 3.105 as recorded (task-completed.json): exclusive on the domain's base paths, shared on its distributions.
        SimTask.TaskAction create = new SimTask.TaskAction() {
            @Override
            public SimTask.Outcome run(long finish) {
                Map<String, Object> row = store.createDistribution(domain, v3, contentPrefix, id, name, basePath, finish - 150_000);
                return SimTask.Outcome.created((String) row.get("pulp_href"), row);
            }

            @Override
            public void abandoned() {
                store.releaseDistribution(domain, name, basePath, id);  // a create that never ran leaves its name free
            }
        };
        TaskSnapshot task = engine.dispatch(new TaskEngine.TaskRequest(CREATE_TASK, domain, ex.correlationId, req.userHref(),
                List.of(domains.pdrn(domain, "distribution.base_path")), List.of(domains.pdrn(domain, "distributions")), create));
        accepted(req, task);
    }

    void repositories(ApiRequest req) throws IOException {
        SimExchange ex = req.ex();
        ex.allow = "GET, POST, HEAD, OPTIONS";
        if (ex.method.equals("POST")) createRepository(req);
        else if (Views.methodIs(ex, "GET", "HEAD")) listByName(ex, store.repositories(req.domain()));
    }

    /** Repository creates are synchronous: 201 with the row and a Location header. */
    private void createRepository(ApiRequest req) throws IOException {
        SimExchange ex = req.ex();
        String name = text(ex.jsonBody(), "name");
        if (name == null || name.isBlank()) {
            ex.sendJson(400, Map.of("name", List.of("This field is required.")));
            return;
        }
        Map<String, Object> row = store.createRepository(req.domain(), req.v3Path(), name, TaskEngine.nowMicros());
        if (row == null) {
            ex.sendJson(400, Map.of("name", List.of("This field must be unique.")));
            return;
        }
        ex.sendJson(201, row, Map.of("Location", (String) row.get("pulp_href")));
    }

    void repository(ApiRequest req, String rest) throws IOException {
        detail(req, rest, repositoryModel);
    }

    /** GET a row, or DELETE it through an {@code ageneral_delete} task exclusive on the instance. */
    private void detail(ApiRequest req, String rest, Model model) throws IOException {
        SimExchange ex = req.ex();
        ex.allow = "GET, PUT, PATCH, DELETE, HEAD, OPTIONS";
        UUID id = Views.detailId(rest);
        Map<String, Object> row = id == null ? null : model.find().apply(req.domain(), id);
        if (row == null) {
            ex.sendJson(404, Map.of("detail", "No " + model.name() + " matches the given query."));
            return;
        }
        if (ex.method.equals("DELETE")) {
            TaskSnapshot task = engine.dispatch(new TaskEngine.TaskRequest(DELETE_TASK, req.domain(), ex.correlationId,
                    req.userHref(), List.of("prn:" + model.prnType() + ":" + id), model.sharedLocks().apply(req.domain()),
                    finish -> model.delete().test(req.domain(), id) ? SimTask.Outcome.ok()
                            : SimTask.Outcome.failed(model.name() + " matching query does not exist.", DOES_NOT_EXIST_TRACEBACK)));
            accepted(req, task);
        } else if (Views.methodIs(ex, "GET", "HEAD", "DELETE")) {
            ex.sendJson(200, row);
        }
    }

    /** {@code OperationPostponedResponse}: 202 {@code {"task": href}}. */
    private static void accepted(ApiRequest req, TaskSnapshot task) throws IOException {
        req.ex().sendJson(202, Map.of("task", req.v3Path() + "tasks/" + task.id() + "/"));
    }

    private static void listByName(SimExchange ex, List<Map<String, Object>> all) throws IOException {
        Map<String, String> q = ex.query;
        List<Object> rows = new ArrayList<>();
        for (Map<String, Object> row : all) {
            String name = String.valueOf(row.get("name"));
            if (q.containsKey("name") && !name.equals(q.get("name"))) continue;
            if (q.containsKey("name__startswith") && !name.startsWith(q.get("name__startswith"))) continue;
            if (q.containsKey("base_path") && !String.valueOf(row.get("base_path")).equals(q.get("base_path"))) continue;
            rows.add(row);
        }
        Pagination.sendSlice(ex, rows);
    }

    private static String text(JsonNode body, String field) {
        return body != null && body.path(field).isTextual() ? body.path(field).asText() : null;
    }
}

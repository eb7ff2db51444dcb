package io.pulpperf.throughput.load;

import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.pulp.PulpClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * DELETE of repositories created beforehand (synchronous creates, not measured). Each delete
 * locks only its own repository, so the tasks spread over all workers.
 */
final class RepositoryDeleteWorkload implements Workload {
    static final String LIST_PATH = "repositories/file/file/";
    private final Target target;
    private AtomicReferenceArray<String> hrefs = new AtomicReferenceArray<>(0);

    RepositoryDeleteWorkload(Target target) {
        this.target = target;
    }

    @Override
    public void preflight(PulpClient client) {
        client.requireEndpoint(target.v3Root().resolve(LIST_PATH), "the pulp_file plugin (repositories/file/file/)");
    }

    @Override
    public void prepare(PulpClient client, String runName, int tasks, int concurrency) {
        hrefs = new AtomicReferenceArray<>(tasks);
        ParallelCreates.run(tasks, Math.min(concurrency, 16), client, "repositories",
                seq -> hrefs.set(seq, client.createRepository(runName + "-" + seq)));
    }

    @Override
    public DispatchRequest request(String runName, int seq) {
        return new DispatchRequest("DELETE", client(hrefs.get(seq)), null, DispatchRequest.Answer.TASK_HREF);
    }

    private java.net.URI client(String href) {
        return target.baseUrl().resolve(href);
    }

    @Override
    public boolean nudge(PulpClient client, String runName) {
        String href = client.createRepository(runName + "-nudge");
        return client.delete(href).isPresent();
    }

    @Override
    public boolean dispatchCreates() {
        return false;  // its requests delete
    }

    @Override
    public List<String> listPaths() {
        return List.of(LIST_PATH);
    }

    @Override
    public Optional<String> taskNameContains() {
        return Optional.of("general_delete");
    }

    @Override
    public String note() {
        return "Repository deletes lock only their own repository, so they spread over all workers.";
    }
}

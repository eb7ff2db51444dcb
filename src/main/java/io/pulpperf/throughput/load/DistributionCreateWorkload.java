package io.pulpperf.throughput.load;

import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.pulp.PulpClient;
import java.util.List;
import java.util.Optional;

/** POST distributions/file/file/: one {@code general_create} task per request. */
final class DistributionCreateWorkload implements Workload {
    static final String LIST_PATH = "distributions/file/file/";
    private final Target target;

    DistributionCreateWorkload(Target target) {
        this.target = target;
    }

    @Override
    public void preflight(PulpClient client) {
        client.requireEndpoint(target.v3Root().resolve(LIST_PATH), "the pulp_file plugin (distributions/file/file/)");
    }

    @Override
    public void prepare(PulpClient client, String runName, int tasks, int concurrency) {
        // nothing to prepare
    }

    @Override
    public DispatchRequest request(String runName, int seq) {
        return create(runName + "-" + seq);
    }

    private DispatchRequest create(String name) {
        return new DispatchRequest("POST", target.v3Root().resolve(LIST_PATH),
                "{\"name\":\"" + name + "\",\"base_path\":\"" + name + "\"}", DispatchRequest.Answer.TASK_HREF);
    }

    @Override
    public boolean nudge(PulpClient client, String runName) {
        return client.post(LIST_PATH, create(runName + "-nudge").body()).isPresent();
    }

    @Override
    public boolean dispatchCreates() {
        return true;  // each accepted request creates a distribution, even one whose answer never came
    }

    @Override
    public List<String> listPaths() {
        return List.of(LIST_PATH);
    }

    @Override
    public Optional<String> taskNameContains() {
        return Optional.of("general_create");
    }

    @Override
    public String note() {
        return "Distribution creates hold an exclusive lock on their domain's distributions (base paths), "
                + "so Pulp runs them one at a time per domain: this measures a single lane, not worker scaling.";
    }
}

package io.pulpperf.throughput.load;

import io.pulpperf.throughput.config.CustomRequest;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.pulp.PulpClient;
import java.util.List;
import java.util.Optional;

/** A request from config, with {@code {run}} and {@code {seq}} filled in, answered by 202 {"task": href}. */
final class CustomWorkload implements Workload {
    private final Target target;
    private final CustomRequest request;

    CustomWorkload(Target target, CustomRequest request) {
        this.target = target;
        this.request = request;
    }

    @Override
    public void preflight(PulpClient client) {
        // The path may hold {run}/{seq} and may not exist before the run: nothing safe to probe.
    }

    @Override
    public void prepare(PulpClient client, String runName, int tasks, int concurrency) {
        // nothing to prepare
    }

    @Override
    public DispatchRequest request(String runName, int seq) {
        return new DispatchRequest(request.method(), target.v3Root().resolve(CustomRequest.fill(request.path(), runName, seq)),
                CustomRequest.fill(request.body(), runName, seq), DispatchRequest.Answer.TASK_HREF);
    }

    @Override
    public boolean nudge(PulpClient client, String runName) {
        return false;
    }

    @Override
    public boolean dispatchCreates() {
        return false;  // unknown, and nothing is listed for it anyway
    }

    @Override
    public List<String> listPaths() {
        return List.of();  // the suite does not know what a custom request creates
    }

    @Override
    public Optional<String> taskNameContains() {
        return Optional.empty();
    }

    @Override
    public String note() {
        return "Custom workload: " + request.method() + " " + request.path() + "; the suite does not clean up what it creates.";
    }
}

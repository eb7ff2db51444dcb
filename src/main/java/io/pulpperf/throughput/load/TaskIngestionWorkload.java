package io.pulpperf.throughput.load;

import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.pulp.PulpClient;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * pulp-service's test views ({@code {API_ROOT}test/tasks/}, {@code test/random_lock_tasks/}):
 * each GET dispatches no-op tasks for ~25 s and answers {@code {"tasks_executed": N}}; the run
 * keeps requesting until the scenario's task count is reached, like the seed script's
 * {@code --run_until_number_of_tasks}. Unlike the seed script, N counts per request, not per
 * thread pool round, and the figures come from the tasks API, not from N.
 */
final class TaskIngestionWorkload implements Workload {
    private final URI url;

    TaskIngestionWorkload(Target target, String testPath) {
        this.url = target.apiPathUrl(testPath);
    }

    @Override
    public void preflight(PulpClient client) {
        // OPTIONS answers from the view's metadata without running it (a GET would dispatch for ~25 s).
        client.requireEndpoint(url, "pulp-service's test view " + url.getPath()
                + " (stock pulpcore has none; pulp-service needs PULP_TEST_TASK_INGESTION=true)", "OPTIONS");
    }

    @Override
    public void prepare(PulpClient client, String runName, int tasks, int concurrency) {
        // nothing to prepare
    }

    @Override
    public DispatchRequest request(String runName, int seq) {
        return new DispatchRequest("GET", url, null, DispatchRequest.Answer.TASKS_EXECUTED);
    }

    @Override
    public boolean nudge(PulpClient client, String runName) {
        return false;  // the view itself keeps dispatching while it runs
    }

    @Override
    public boolean dispatchCreates() {
        return false;  // no-op tasks
    }

    @Override
    public List<String> listPaths() {
        return List.of();  // no-op tasks create nothing
    }

    @Override
    public Optional<String> taskNameContains() {
        return Optional.of("no_op_task");
    }

    @Override
    public String note() {
        return "Task ingestion: each request to " + url.getPath() + " dispatches tasks for a fixed time (no-op tasks on pulp-service's test/tasks/ views); "
                + "tasks are counted from the tasks API, lost tasks by count only (the view returns no hrefs).";
    }
}

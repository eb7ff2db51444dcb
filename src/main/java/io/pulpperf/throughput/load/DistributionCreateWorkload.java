package io.pulpperf.throughput.load;

import io.pulpperf.throughput.pulp.PulpClient;

/** POST distributions/file/file/: one {@code general_create} task per request. */
final class DistributionCreateWorkload implements Workload {
    static final String LIST_PATH = "distributions/file/file/";

    @Override
    public void prepare(PulpClient client, String runName, int tasks, int concurrency) {
        // nothing to prepare
    }

    @Override
    public DispatchRequest request(String runName, int seq) {
        String name = runName + "-" + seq;
        return new DispatchRequest("POST", LIST_PATH, "{\"name\":\"" + name + "\",\"base_path\":\"" + name + "\"}");
    }

    @Override
    public int cleanup(PulpClient client, String runName) {
        int n = 0;
        for (String href : client.hrefsByNamePrefix(LIST_PATH, runName + "-")) {
            client.delete(href);
            n++;
        }
        return n;
    }

    @Override
    public String note() {
        return "Distribution creates hold an exclusive lock on their domain's distributions (base paths), "
                + "so Pulp runs them one at a time per domain: this measures a single lane, not worker scaling.";
    }
}

package io.pulpperf.throughput.resources;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every query once as an instant query before any load. An unreachable Prometheus, refused
 * credentials or a query Prometheus cannot run stop the run here, naming the query; a query that
 * returns nothing right now is only reported (its exporter may not have that series yet).
 */
public final class PromPreflight {
    private PromPreflight() {}

    /** @return the names of the queries that returned nothing now */
    public static List<String> check(PromClient client, PromSettings settings, List<ResourceQuery> queries) {
        List<String> empty = new ArrayList<>();
        for (ResourceQuery q : queries) {
            try {
                if (client.instant(q.expr()).isEmpty()) empty.add(q.name());
            } catch (PromException e) {
                String what = "query '" + q.name() + "' (" + ("file".equals(q.origin()) ? "resources.series" : "preset " + q.origin()) + ")";
                throw new PromUnavailableException(switch (e.kind()) {
                    case BAD_QUERY -> "Prometheus at " + settings.safeUrl() + " cannot run " + what + ": " + e.getMessage()
                            + "; the query after placeholders: " + q.expr();
                    case REFUSED -> e.getMessage() + " at " + what + ". Check -Dpulp.prometheus.token / PULP_PROMETHEUS_TOKEN "
                            + "(or -Dpulp.prometheus.username/password), or leave out -Dpulp.prometheus.url to run without resource figures.";
                    case UNREACHABLE -> e.getMessage() + " (at " + what + "). Check -Dpulp.prometheus.url, or leave it out to run "
                            + "without resource figures.";
                    case FAILED -> "Prometheus at " + settings.safeUrl() + " failed " + what + ": " + e.getMessage();
                });
            }
        }
        return empty;
    }
}

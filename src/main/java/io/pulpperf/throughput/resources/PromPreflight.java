package io.pulpperf.throughput.resources;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every query once as an instant query before any load. An unreachable Prometheus, refused
 * credentials or a query Prometheus cannot run stop the run here, naming the query; a query that
 * returns nothing right now is only reported (its exporter may not have that series yet). The label
 * sets found are kept: a series found here but absent from a scenario's window is named missing.
 */
public final class PromPreflight {
    private PromPreflight() {}

    /** @return each query's label sets now (an empty list: it returned nothing now) */
    public static PreflightSeries check(PromClient client, PromSettings settings, List<ResourceQuery> queries) {
        Instant at = Instant.now();
        Map<String, List<Map<String, String>>> found = new LinkedHashMap<>();
        for (ResourceQuery q : queries) {
            try {
                found.put(q.name(), client.instant(q.expr()).stream().map(PromSeries::labels).toList());
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
        return new PreflightSeries(at, found);
    }
}

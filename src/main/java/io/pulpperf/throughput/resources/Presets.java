package io.pulpperf.throughput.resources;

import static io.pulpperf.throughput.resources.ResourceRole.API;
import static io.pulpperf.throughput.resources.ResourceRole.CONTENT;
import static io.pulpperf.throughput.resources.ResourceRole.DATABASE;
import static io.pulpperf.throughput.resources.ResourceRole.WORKER;
import static io.pulpperf.throughput.resources.ResourceUnit.BYTES;
import static io.pulpperf.throughput.resources.ResourceUnit.CORES;
import static io.pulpperf.throughput.resources.ResourceUnit.COUNT;
import static io.pulpperf.throughput.resources.ResourceUnit.PERCENT;
import static io.pulpperf.throughput.resources.ResourceUnit.SECONDS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready-made queries a user names instead of writing PromQL. Metric and label names are the ones
 * the exporters really produce (sources in each preset's comment); {@code {rate_window}} is set by
 * the suite (4 scrape intervals) unless the user sets it. {@code src/test/resources/promtool/}
 * checks each query against series written with those names.
 */
public final class Presets {
    /** A preset: its queries and the placeholders' defaults (a placeholder without one must be set). */
    public record Preset(String name, String description, List<ResourceQuery> queries, Map<String, String> defaults) {}

    private static final Map<String, Preset> ALL = new LinkedHashMap<>();

    static {
        // cAdvisor (kubelet /metrics/cadvisor): container_cpu_usage_seconds_total, container_memory_working_set_bytes,
        // labels namespace, pod, container (container="" is the pod's cgroup, "POD" the pause container).
        // kube-state-metrics: kube_deployment_status_replicas_available{namespace, deployment}.
        // Pod names follow pulp-operator's deployments <pulp_name>-api, -worker, -content.
        List<ResourceQuery> k8s = new ArrayList<>();
        for (var part : List.of(new String[] {"API", "api"}, new String[] {"worker", "worker"}, new String[] {"content", "content"})) {
            ResourceRole role = ResourceRole.of(part[1].equals("api") ? "api" : part[1]);
            String pods = "namespace=\"{namespace}\", pod=~\"{pulp_name}-" + part[1] + "-.*\", container!=\"\", container!=\"POD\"";
            k8s.add(q(part[0] + " CPU", "sum(rate(container_cpu_usage_seconds_total{" + pods + "}[{rate_window}]))", CORES, role, "kubernetes"));
            k8s.add(q(part[0] + " memory", "sum(container_memory_working_set_bytes{" + pods + "})", BYTES, role, "kubernetes"));
            k8s.add(q(part[0] + " replicas", "sum(kube_deployment_status_replicas_available{namespace=\"{namespace}\", deployment=\"{pulp_name}-"
                    + part[1] + "\"})", COUNT, role, "kubernetes"));
        }
        add("kubernetes", "CPU (cores) and working-set memory of the api, worker and content pods (cAdvisor), available replicas "
                + "(kube-state-metrics)", k8s, Map.of("pulp_name", "pulp"));

        // prometheus/cloudwatch_exporter names AWS/RDS metrics aws_rds_<snake_case metric>_<statistic>, with the
        // dimension DBInstanceIdentifier as label dbinstance_identifier; nerdswords/yet-another-cloudwatch-exporter
        // gives the same metric names with label dimension_DBInstanceIdentifier (set rds_label to that).
        String db = "{{rds_label}=\"{db_instance}\"}";
        add("rds", "CloudWatch AWS/RDS through a CloudWatch exporter: CPUUtilization, FreeableMemory, DatabaseConnections, "
                + "ReadIOPS, WriteIOPS, DBLoad", List.of(
                q("DB CPU", "max(aws_rds_cpuutilization_average" + db + ")", PERCENT, DATABASE, "rds"),
                q("DB freeable memory", "min(aws_rds_freeable_memory_average" + db + ")", BYTES, DATABASE, "rds"),
                q("DB connections", "max(aws_rds_database_connections_average" + db + ")", COUNT, DATABASE, "rds"),
                q("DB read IOPS", "max(aws_rds_read_iops_average" + db + ")", COUNT, DATABASE, "rds"),
                q("DB write IOPS", "max(aws_rds_write_iops_average" + db + ")", COUNT, DATABASE, "rds"),
                q("DB load (average active sessions)", "max(aws_rds_dbload_average" + db + ")", COUNT, DATABASE, "rds")),
                Map.of("rds_label", "dbinstance_identifier"));

        // prometheus-community/postgres_exporter (0.11, Debian bookworm): pg_stat_activity_count and
        // pg_stat_activity_max_tx_duration by {datname, state}; pg_locks_count by {datname, mode} (every lock in
        // pg_locks, granted or awaited); pg_stat_database_xact_commit / _xact_rollback / _deadlocks by {datname}.
        // db_name is a regex: by default every database of the server (a Pulp database server usually serves only Pulp).
        // Transactions per second first: the Observations line shows the first load series that saw anything.
        String dn = "datname=~\"{db_name}\"";
        add("postgres-exporter", "connections by state, locks, transactions per second, deadlocks, longest transaction "
                + "(postgres_exporter)", List.of(
                q("DB transactions/s", "sum(rate(pg_stat_database_xact_commit{" + dn + "}[{rate_window}]) + rate(pg_stat_database_xact_rollback{"
                        + dn + "}[{rate_window}]))", COUNT, DATABASE, "postgres-exporter"),
                q("DB connections", "sum(pg_stat_activity_count{" + dn + "})", COUNT, DATABASE, "postgres-exporter"),
                q("DB active connections", "sum(pg_stat_activity_count{" + dn + ", state=\"active\"})", COUNT, DATABASE, "postgres-exporter"),
                q("DB idle in transaction", "sum(pg_stat_activity_count{" + dn + ", state=~\"idle in transaction.*\"})", COUNT, DATABASE,
                        "postgres-exporter"),
                q("DB locks", "sum(pg_locks_count{" + dn + "})", COUNT, DATABASE, "postgres-exporter"),
                q("DB deadlocks", "sum(increase(pg_stat_database_deadlocks{" + dn + "}[{rate_window}]))", COUNT, DATABASE, "postgres-exporter"),
                q("DB longest transaction", "max(pg_stat_activity_max_tx_duration{" + dn + "})", SECONDS, DATABASE, "postgres-exporter")),
                Map.of("db_name", ".+"));

        // ncabatoff/process-exporter: namedprocess_namegroup_cpu_seconds_total{groupname, mode="user"|"system"},
        // namedprocess_namegroup_memory_bytes{groupname, memtype="resident"|"virtual"|"swapped"|...}.
        // One series per group, named after it; its role is guessed from the group's name. The exporter keeps reporting a
        // group whose processes are gone (num_procs 0, CPU 0): "and on (groupname)" keeps only groups with a process.
        String groups = "groupname=~\"{process_groups}\"";
        String alive = " and on (groupname) (namedprocess_namegroup_num_procs{" + groups + "} > 0)";
        add("process-exporter", "CPU (cores) and resident memory of each process group (process-exporter)", List.of(
                new ResourceQuery("process CPU", "sum by (groupname) (rate(namedprocess_namegroup_cpu_seconds_total{" + groups
                        + "}[{rate_window}]))" + alive, CORES, null, null, "{groupname} CPU", "process-exporter"),
                new ResourceQuery("process memory", "sum by (groupname) (namedprocess_namegroup_memory_bytes{" + groups
                        + ", memtype=\"resident\"})" + alive, BYTES, null, null, "{groupname} memory", "process-exporter")),
                Map.of("process_groups", ".+"));

        // pulpcore's own OpenTelemetry metrics (pulpcore/tasking/worker.py, pulpcore/middleware.py) as the OpenTelemetry
        // collector's Prometheus exporter names them: unit suffixes added unless the name has them
        // (gauge tasks_unblocked_queue, unit "tasks"; gauge tasks_longest_unblocked_time, unit "s" -> _seconds;
        // histogram api.request_duration, unit "ms" -> api_request_duration_milliseconds_bucket{le, http_method, ...}).
        add("pulp-otel", "pulpcore's OpenTelemetry metrics: unblocked task queue, longest unblocked wait, API p95 request duration",
                List.of(
                q("unblocked task queue", "max(tasks_unblocked_queue{{otel_labels}})", COUNT, WORKER, "pulp-otel"),
                q("longest unblocked wait", "max(tasks_longest_unblocked_time_seconds{{otel_labels}})", SECONDS, WORKER, "pulp-otel"),
                q("API p95 request duration", "histogram_quantile(0.95, sum by (le) (rate(api_request_duration_milliseconds_bucket{"
                        + "{otel_labels}}[{rate_window}]))) / 1000", SECONDS, API, "pulp-otel")),
                Map.of("otel_labels", ""));

        // Connection wait time where a pooler exports it.
        // prometheus-community/pgbouncer_exporter: pgbouncer_pools_client_maxwait_seconds{database, user}
        // (how long the oldest waiting client has waited), pgbouncer_pools_client_waiting_connections.
        add("pgbouncer", "PgBouncer client wait (pgbouncer_exporter): oldest waiting client's wait, waiting clients", List.of(
                q("DB pool client wait", "max(pgbouncer_pools_client_maxwait_seconds{database=~\"{db_name}\", database!=\"pgbouncer\"})", SECONDS, DATABASE, "pgbouncer"),
                q("DB pool waiting clients", "sum(pgbouncer_pools_client_waiting_connections{database=~\"{db_name}\", database!=\"pgbouncer\"})", COUNT, DATABASE,
                        "pgbouncer")),
                Map.of("db_name", ".+"));  // the admin console's "pgbouncer" database is left out
        // RDS Proxy's AWS/RDS metric DatabaseConnectionsBorrowLatency (microseconds), dimension ProxyName, as
        // prometheus/cloudwatch_exporter names it (label proxy_name).
        add("rds-proxy", "RDS Proxy borrow latency (CloudWatch DatabaseConnectionsBorrowLatency through a CloudWatch exporter)",
                List.of(q("DB proxy borrow latency", "max(aws_rds_database_connections_borrow_latency_average{{proxy_label}=\"{proxy_name}\"}) / 1e6",
                        SECONDS, DATABASE, "rds-proxy")),
                Map.of("proxy_label", "proxy_name"));
    }

    private Presets() {}

    private static ResourceQuery q(String name, String expr, ResourceUnit unit, ResourceRole role, String origin) {
        return new ResourceQuery(name, expr, unit, role, null, null, origin);
    }

    private static void add(String name, String description, List<ResourceQuery> queries, Map<String, String> defaults) {
        ALL.put(name, new Preset(name, description, List.copyOf(queries), Map.copyOf(defaults)));
    }

    /** Every preset by name, in documentation order. */
    public static Map<String, Preset> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }
}

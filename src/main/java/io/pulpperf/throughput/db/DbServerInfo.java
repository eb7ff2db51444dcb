package io.pulpperf.throughput.db;

/**
 * What the sampler found when it first connected.
 *
 * @param version              server_version
 * @param role                 the role it is connected as
 * @param readsAllStats        member of pg_read_all_stats (via pg_monitor): sees other roles' queries and waits
 * @param hasPgStatStatements  the pg_stat_statements extension is installed in this database
 * @param hasTaskTable         pulpcore's task table (core_task) exists here
 * @param backendPid           the checking session's pid
 */
public record DbServerInfo(String version, String role, boolean readsAllStats, boolean hasPgStatStatements,
                           boolean hasTaskTable, int backendPid) {}

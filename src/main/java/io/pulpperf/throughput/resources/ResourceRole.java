package io.pulpperf.throughput.resources;

import java.util.Arrays;
import java.util.Locale;

/** Which part of a Pulp installation a series belongs to; the chart groups series by it. */
public enum ResourceRole {
    API, WORKER, CONTENT, DATABASE, OTHER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResourceRole of(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("expected one of api, worker, content, database, other, got '" + key + "'"));
    }

    /**
     * The role a series name suggests, for queries that give none and return one series per process
     * group or pod: pulpcore-api / gunicorn -> api, pulpcore-worker -> worker, pulpcore-content ->
     * content, postgres -> database.
     */
    public static ResourceRole guess(String seriesName) {
        String n = seriesName.toLowerCase(Locale.ROOT);
        if (n.contains("worker")) return WORKER;
        if (n.contains("content")) return CONTENT;
        if (n.contains("postgres") || n.startsWith("db ") || n.contains("database")) return DATABASE;
        if (n.contains("api") || n.contains("gunicorn")) return API;
        return OTHER;
    }
}

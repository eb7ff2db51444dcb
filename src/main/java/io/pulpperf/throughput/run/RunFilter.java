package io.pulpperf.throughput.run;

import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.pulp.PulpTime;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which task list parameters select a run's tasks: its {@code logging_cid}, or, on a server that
 * does not echo correlation ids, the window between the first request and the last answer by the
 * server's own clock (its Date headers), narrowed by task name where known.
 *
 * @param params      task list query parameters
 * @param description how the run's tasks were found, for the report
 */
public record RunFilter(Map<String, String> params, String description) {
    private static final long MARGIN_MICROS = 2_000_000;

    public static RunFilter byCorrelationId(String id) {
        return new RunFilter(Map.of("logging_cid", id), "tasks found by logging_cid = the run's Correlation-ID " + id);
    }

    /**
     * The server-clock window around the dispatch answers (Date headers have second precision,
     * hence a 2 s margin); falls back to the client clock when no Date header came.
     */
    public static RunFilter byTimeWindow(List<DispatchRecord> records, Optional<String> nameContains) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        boolean serverClock = false;
        for (DispatchRecord r : records) {
            Long date = parseDate(r.serverDate());
            long answered = date != null ? date : r.intendedMicros() + Math.max(0, r.latencyMicros());
            serverClock |= date != null;
            from = Math.min(from, answered - Math.max(0, r.latencyMicros()));
            to = Math.max(to, answered);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pulp_created__gte", PulpTime.format(from - MARGIN_MICROS));
        params.put("pulp_created__lte", PulpTime.format(to + MARGIN_MICROS));
        nameContains.ifPresent(n -> params.put("name__contains", n));
        return new RunFilter(params, "the server did not echo the Correlation-ID, so tasks were found by pulp_created between "
                + params.get("pulp_created__gte") + " and " + params.get("pulp_created__lte") + " ("
                + (serverClock ? "server clock from Date headers" : "client clock: no Date headers came")
                + nameContains.map(n -> ", name containing " + n).orElse("")
                + "); other tasks created in that window are counted too");
    }

    private static Long parseDate(String header) {
        if (header == null) return null;
        try {
            return PulpTime.toMicros(Instant.from(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME)));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

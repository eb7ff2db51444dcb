package io.pulpperf.throughput.pulp;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The HTTP {@code Date} header (RFC 1123, e.g. {@code Fri, 04 Dec 2026 22:52:10 GMT}): the server's clock. */
final class WorkerDates {
    private WorkerDates() {}

    /** The instant, or null when the header is missing or malformed (ages are then not read). */
    static Instant parse(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            return ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package io.pulpperf.throughput.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a line carries, and the line without what its source put in front of it. Pulpcore's
 * own lines carry no time; a source adds one: {@code oc/kubectl logs --timestamps} (RFC 3339,
 * after {@code --prefix}'s {@code [pod/name/container]}), {@code journalctl -o short-iso}
 * ({@code 2026-12-07T03:38:53+0000 host unit[pid]: }), Loki's {@code logcli} (RFC 3339 then
 * labels {@code {...}}), {@code aws logs filter-log-events --output text} with a query of
 * {@code [timestamp,message]} (epoch milliseconds, a tab), and gunicorn's own
 * {@code [2026-12-07 03:38:53 +0000]}. Pulpcore's access lines carry the request's time inside:
 * {@code [07/Dec/2026:03:38:53 +0000]}; it dates the line but stays in its text.
 *
 * @param at      the line's time, or null when it has none
 * @param rest    the line without the source's prefix (gunicorn's own time is kept: it is the line's)
 * @param leading whether the time leads the line (the source's or gunicorn's), so it may cut lines to
 *                the window; an access line's request time does not (the request may have begun before)
 */
record LineStamp(Instant at, String rest, boolean leading) {
    private static final Pattern POD_PREFIX = Pattern.compile("^\\[(?:pod|deployment|statefulset)/[^\\]]+\\] ");
    private static final Pattern RFC3339 = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2}))(?: \\{[^}]*\\})? ?");
    // journald's "host unit[pid]: " after a time with an offset (journalctl -o short-iso); kubectl's times end in Z.
    private static final Pattern JOURNALD_UNIT = Pattern.compile("^[A-Za-z0-9][\\w.-]* [\\w.@-]+(?:\\[\\d+\\])?: ");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("^(\\d{13})\\t");
    private static final Pattern GUNICORN = Pattern.compile("^\\[(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) ([+-]\\d{4})\\] ");
    private static final Pattern ACCESS = Pattern.compile("\\[(\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})\\] \"");
    private static final DateTimeFormatter ACCESS_FORMAT = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    private static final DateTimeFormatter GUNICORN_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    static LineStamp of(String line) {
        String s = line;
        Matcher pod = POD_PREFIX.matcher(s);
        if (pod.find()) s = s.substring(pod.end());
        Matcher m = RFC3339.matcher(s);
        if (m.find()) {
            Instant at = rfc3339(m.group(1));
            if (at != null) {
                String rest = s.substring(m.end());
                Matcher unit = JOURNALD_UNIT.matcher(rest);
                if (!m.group(1).endsWith("Z") && unit.find()) rest = rest.substring(unit.end());
                return new LineStamp(at, rest, true);
            }
        }
        m = EPOCH_MILLIS.matcher(s);
        if (m.find()) return new LineStamp(Instant.ofEpochMilli(Long.parseLong(m.group(1))), s.substring(m.end()), true);
        m = GUNICORN.matcher(s);
        if (m.find()) {
            try {
                LocalDateTime t = LocalDateTime.parse(m.group(1), GUNICORN_FORMAT);
                return new LineStamp(t.toInstant(ZoneOffset.of(m.group(2))), s, true);
            } catch (DateTimeParseException e) {
                return new LineStamp(null, s, false);
            }
        }
        m = ACCESS.matcher(s);
        if (m.find()) {
            try {
                return new LineStamp(OffsetDateTime.parse(m.group(1), ACCESS_FORMAT).toInstant(), s, false);
            } catch (DateTimeParseException e) {
                return new LineStamp(null, s, false);
            }
        }
        return new LineStamp(null, s, false);
    }

    private static Instant rfc3339(String text) {
        String t = text.matches(".*[+-]\\d{4}$") ? text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2) : text;
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

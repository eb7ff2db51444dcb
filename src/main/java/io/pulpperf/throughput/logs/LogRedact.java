package io.pulpperf.throughput.logs;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of what the report shows of a log line: authorization headers, bearer tokens,
 * passwords and tokens in key=value or JSON form, and user info in URLs are replaced by "***".
 * (report.Redact does URLs the suite was given; this package may not read report.)
 */
final class LogRedact {
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(authorization\\s*[:=]\\s*)(?:basic|bearer|token)?\\s*[^\\s,;\"']+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|session[_-]?id)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"'&,;}]+");
    private static final Pattern URL_USER = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/\\s@:]+(?::[^/\\s@]*)?@");

    private LogRedact() {}

    static String line(String s) {
        String out = AUTH_HEADER.matcher(s).replaceAll("$1***");
        out = BEARER.matcher(out).replaceAll("$1***");
        out = KEY_VALUE.matcher(out).replaceAll("$1***");
        return URL_USER.matcher(out).replaceAll("$1***@");
    }
}

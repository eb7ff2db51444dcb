package io.pulpperf.throughput.run;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of a disruption command and its output before they reach the console or a
 * report: the target's known secrets (password, token, extra header values) and what commonly
 * carries one ({@code --password X}, {@code PGPASSWORD=X}, {@code token=X}, an
 * {@code Authorization:} header, a URL's user info) become {@code ****}.
 */
final class CommandRedaction {
    private static final String MASK = "****";
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)((?:--?)?[A-Za-z_]*(?:password|passwd|pwd|token|secret|api[-_]?key)[A-Za-z_]*)(\\s*[=:]\\s*|\\s+)(\"[^\"]*\"|'[^']*'|\\S+)");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(authorization\\s*:\\s*)(?:(bearer|basic|token)\\s+)?(\\S+)");
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/\\s@]+@");

    private CommandRedaction() {}

    static String redact(String text, Collection<String> secrets) {
        if (text == null) return null;
        String out = text;
        for (String s : secrets) if (s != null && s.length() >= 3) out = out.replace(s, MASK);
        out = AUTH_HEADER.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) + (m.group(2) == null ? "" : m.group(2) + " ") + MASK));
        out = KEY_VALUE.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
        return out;
    }
}

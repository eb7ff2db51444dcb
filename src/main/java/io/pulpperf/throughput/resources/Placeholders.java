package io.pulpperf.throughput.resources;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders (lower case, digits, underscores) in a query. PromQL's own
 * braces never hold a bare identifier ({@code {job="x"}} has an operator), so they are left alone.
 */
public final class Placeholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)\\}");

    private Placeholders() {}

    /** The expression filled in; throws IllegalArgumentException naming a placeholder nobody set. */
    public static String fill(String expr, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("placeholder {" + m.group(1) + "} is not set; set it under resources.placeholders."
                        + m.group(1) + " or with -Dpulp.resources." + m.group(1) + "=...");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}

package io.pulpperf.throughput.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Extra request headers as a setting gives them: {@code Name: value; Other: value}. */
public final class HeaderSpec {
    private HeaderSpec() {}

    /**
     * The headers in the order given; the values are secrets, so an error names only the part's position.
     *
     * @param setting how the user set it, for the error, e.g. "-Dpulp.headers (or PULP_HEADERS)"
     */
    public static Map<String, String> parse(String spec, String setting) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) return headers;
        String[] parts = spec.split(";");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) continue;
            int colon = part.indexOf(':');
            if (colon <= 0 || !part.substring(0, colon).trim().matches("[A-Za-z0-9-]+")) {
                throw new ConfigException(setting + " must be 'Name: value; Name2: value'; part " + (i + 1) + " has no valid 'Name:'");
            }
            headers.put(part.substring(0, colon).trim(), part.substring(colon + 1).trim());
        }
        return headers;
    }
}

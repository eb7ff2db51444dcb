package io.pulpperf.throughput.sim;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers the views share. */
final class Views {
    private static final Pattern UUID_PATH =
            Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/");

    private Views() {}

    /** True when the method is one of these; otherwise DRF's 405 has been sent. */
    static boolean methodIs(SimExchange ex, String... methods) throws IOException {
        for (String m : methods) if (ex.method.equals(m)) return true;
        ex.sendJson(405, Map.of("detail", "Method \"" + ex.method + "\" not allowed."));
        return false;
    }

    /** The primary key of a detail path such as {@code <uuid>/}, or null when it is not one. */
    static UUID detailId(String rest) {
        Matcher m = UUID_PATH.matcher(rest);
        return m.matches() ? UUID.fromString(m.group(1)) : null;
    }
}

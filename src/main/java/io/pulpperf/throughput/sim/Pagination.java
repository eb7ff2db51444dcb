package io.pulpperf.throughput.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DRF's {@code LimitOffsetPagination} as Pulp configures it ({@code PAGE_SIZE} 100, no
 * {@code max_limit}): the {@code {count, next, previous, results}} envelope with absolute links.
 */
final class Pagination {
    static final int PAGE_SIZE = 100;

    private Pagination() {}

    /** {@code limit}: a positive int, else the page size ({@code _positive_int(strict=True)}). */
    static int limit(Map<String, String> query) {
        return positiveInt(query.get("limit"), PAGE_SIZE, true);
    }

    /** {@code offset}: a non-negative int, else 0. */
    static int offset(Map<String, String> query) {
        return positiveInt(query.get("offset"), 0, false);
    }

    static int positiveInt(String text, int fallback, boolean strict) {
        if (text == null) return fallback;
        try {
            int v = Integer.parseInt(text.trim());
            if (v < 0 || (strict && v == 0)) return fallback;
            return v;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Sends one page; {@code rows} are the page's rows, already cut to {@code [offset, offset+limit)}. */
    static void send(SimExchange ex, int count, List<?> rows, int offset, int limit) throws IOException {
        ObjectNode page = SimExchange.JSON.createObjectNode();
        page.put("count", count);
        page.put("next", offset + limit < count ? link(ex, offset + limit) : null);
        // get_previous_link: none at offset 0; the offset parameter is dropped when it would be <= 0.
        page.put("previous", offset <= 0 ? null : link(ex, offset - limit));
        page.set("results", SimExchange.JSON.valueToTree(rows));
        ex.sendJson(200, page);
    }

    /** Sends a page cut from all matching rows. */
    static void sendSlice(SimExchange ex, List<?> all) throws IOException {
        int limit = limit(ex.query);
        int offset = offset(ex.query);
        List<?> rows = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
        send(ex, all.size(), rows, offset, limit);
    }

    /**
     * DRF's {@code replace_query_param}/{@code remove_query_param}: the request's absolute URL with
     * its parameters sorted by name and encoded as Python's {@code urlencode} (quote_plus) does.
     */
    static String link(SimExchange ex, int offset) {
        TreeMap<String, String> params = new TreeMap<>(ex.query);
        if (offset <= 0) params.remove("offset"); else params.put("offset", String.valueOf(offset));
        StringBuilder url = new StringBuilder(ex.origin()).append(ex.path);
        String sep = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(sep).append(quotePlus(p.getKey())).append('=').append(quotePlus(p.getValue()));
            sep = "&";
        }
        return url.toString();
    }

    /** Python's {@code quote_plus}: like URLEncoder, but '*' is escaped and '~' is not. */
    private static String quotePlus(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}

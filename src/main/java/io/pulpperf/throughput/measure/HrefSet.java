package io.pulpperf.throughput.measure;

import java.util.HashSet;
import java.util.Set;

/**
 * The set of task hrefs seen, compact for a million tasks: an href ending in a UUID is kept as two
 * longs in an open-addressing table (16 bytes a task instead of ~150 for a String in a HashSet);
 * anything else falls back to a plain set.
 */
final class HrefSet {
    private long[] table = new long[2 * 1024];  // pairs (high, low); (0, 0) marks an empty slot
    private int size;
    private boolean hasZero;
    private final Set<String> others = new HashSet<>();

    /** Adds the href; false when it was already there. */
    boolean add(String href) {
        long[] id = parse(href);
        if (id == null) return others.add(href);
        if (id[0] == 0 && id[1] == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 4L > (table.length / 2) * 3L) grow();
        return insert(table, id[0], id[1]) && ++size > 0;
    }

    boolean contains(String href) {
        long[] id = parse(href);
        if (id == null) return others.contains(href);
        if (id[0] == 0 && id[1] == 0) return hasZero;
        int slots = table.length / 2;
        for (int i = slot(id[0], id[1], slots), n = 0; n < slots; i = (i + 1) % slots, n++) {
            long h = table[2 * i];
            long l = table[2 * i + 1];
            if (h == 0 && l == 0) return false;
            if (h == id[0] && l == id[1]) return true;
        }
        return false;
    }

    int size() {
        return size + (hasZero ? 1 : 0) + others.size();
    }

    private static boolean insert(long[] t, long high, long low) {
        int slots = t.length / 2;
        for (int i = slot(high, low, slots); ; i = (i + 1) % slots) {
            long h = t[2 * i];
            long l = t[2 * i + 1];
            if (h == 0 && l == 0) {
                t[2 * i] = high;
                t[2 * i + 1] = low;
                return true;
            }
            if (h == high && l == low) return false;
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0 || table[i + 1] != 0) insert(bigger, table[i], table[i + 1]);
        }
        table = bigger;
    }

    private static int slot(long high, long low, int slots) {
        long x = high * 0x9E3779B97F4A7C15L ^ low * 0xC2B2AE3D27D4EB4FL;
        return (int) ((x ^ (x >>> 31)) & 0x7fffffffL) % slots;
    }

    /** The lower-case UUID ending the href ({@code .../<uuid>/} or {@code .../<uuid>}) as (high, low), else null. */
    private static long[] parse(String href) {
        int end = href.length();
        if (end > 0 && href.charAt(end - 1) == '/') end--;
        int start = end - 36;
        if (start < 1 || href.charAt(start - 1) != '/') return null;
        long high = 0;
        long low = 0;
        for (int i = 0; i < 36; i++) {
            char ch = href.charAt(start + i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (ch != '-') return null;
                continue;
            }
            int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
            if (d < 0) return null;
            if (i < 18) high = high << 4 | d; else low = low << 4 | d;
        }
        return new long[] {high, low};
    }
}

package io.pulpperf.throughput.measure;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The set of task hrefs seen, compact for a million tasks: an href ending in a UUID is kept as two
 * longs in an open-addressing table (16 bytes a task instead of ~150 for a String in a HashSet);
 * anything else falls back to a plain set.
 */
final class HrefSet {
    private static final Pattern UUID_HREF = Pattern.compile(
            ".*/([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})/?$");
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

    private static long[] parse(String href) {
        Matcher m = UUID_HREF.matcher(href);
        if (!m.matches()) return null;
        long high = Long.parseUnsignedLong(m.group(1) + m.group(2) + m.group(3), 16);
        long low = Long.parseUnsignedLong(m.group(4) + m.group(5), 16);
        return new long[] {high, low};
    }
}

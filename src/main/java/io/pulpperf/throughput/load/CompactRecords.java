package io.pulpperf.throughput.load;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A run's dispatch records, kept in columns instead of objects: about 70 bytes a request instead
 * of ~250 (a record, its task href and Date strings, a queue node), so a million-request run keeps
 * ~70 MB, not ~250 MB. A task href ending in a lower-case UUID is kept as two longs and a prefix
 * number, Date headers and error texts once per distinct value. Reads give back records equal to
 * the ones added, in sequence order; each read builds its record (and href string) anew.
 *
 * <p>{@link #add} may be called from many threads; read only after the last add (the list is then
 * fixed by {@link #sealed()}).
 */
final class CompactRecords {
    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int NONE = -1;

    private final List<int[]> seq = new ArrayList<>();
    private final List<long[]> intended = new ArrayList<>();
    private final List<long[]> sent = new ArrayList<>();
    private final List<long[]> latency = new ArrayList<>();
    private final List<int[]> status = new ArrayList<>();
    private final List<long[]> tasks = new ArrayList<>();
    private final List<byte[]> echoed = new ArrayList<>();
    private final List<long[]> hrefHigh = new ArrayList<>();
    private final List<long[]> hrefLow = new ArrayList<>();
    /** Index into {@link #values}: the href prefix (UUID kept apart), or the whole href, or NONE. */
    private final List<int[]> hrefText = new ArrayList<>();
    private final List<int[]> date = new ArrayList<>();
    private final List<int[]> error = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final Map<String, Integer> valueIndex = new HashMap<>();
    private int size;

    /** Adds one record (thread-safe). */
    synchronized void add(DispatchRecord r) {
        if ((size & (CHUNK - 1)) == 0) grow();
        int c = size >>> CHUNK_BITS;
        int i = size & (CHUNK - 1);
        seq.get(c)[i] = r.seq();
        intended.get(c)[i] = r.intendedMicros();
        sent.get(c)[i] = r.sentMicros();
        latency.get(c)[i] = r.latencyMicros();
        status.get(c)[i] = r.status();
        tasks.get(c)[i] = r.tasks();
        echoed.get(c)[i] = (byte) (r.cidEchoed() ? 1 : 0);
        String href = r.taskHref();
        int uuidAt = href == null ? -1 : uuidStart(href);
        if (uuidAt >= 0) {
            hrefHigh.get(c)[i] = hex(href, uuidAt, 0, 18);
            hrefLow.get(c)[i] = hex(href, uuidAt, 19, 36);
            hrefText.get(c)[i] = -2 - value(href.substring(0, uuidAt));  // <= -2: a prefix; the UUID and '/' follow
        } else {
            hrefText.get(c)[i] = href == null ? NONE : value(href);
        }
        date.get(c)[i] = r.serverDate() == null ? NONE : value(r.serverDate());
        error.get(c)[i] = r.error() == null ? NONE : value(r.error());
        size++;
    }

    /** The records in sequence order, as an unmodifiable random-access list. */
    synchronized List<DispatchRecord> sealed() {
        int n = size;
        int[] order = new int[n];
        // Sequence numbers are distinct and dense from 0 in practice; place by them, else sort.
        boolean dense = true;
        java.util.Arrays.fill(order, -1);
        for (int k = 0; k < n && dense; k++) {
            int s = seq.get(k >>> CHUNK_BITS)[k & (CHUNK - 1)];
            if (s < 0 || s >= n || order[s] != -1) dense = false; else order[s] = k;
        }
        if (!dense) {
            Integer[] boxed = new Integer[n];
            for (int k = 0; k < n; k++) boxed[k] = k;
            java.util.Arrays.sort(boxed, java.util.Comparator.comparingInt(k -> seq.get(k >>> CHUNK_BITS)[k & (CHUNK - 1)]));
            for (int k = 0; k < n; k++) order[k] = boxed[k];
        }
        return new View(order);
    }

    private DispatchRecord get(int k) {
        int c = k >>> CHUNK_BITS;
        int i = k & (CHUNK - 1);
        int h = hrefText.get(c)[i];
        String href = h == NONE ? null : h >= 0 ? values.get(h)
                : values.get(-2 - h) + uuid(hrefHigh.get(c)[i], hrefLow.get(c)[i]) + '/';
        int d = date.get(c)[i];
        int e = error.get(c)[i];
        return new DispatchRecord(seq.get(c)[i], intended.get(c)[i], sent.get(c)[i], latency.get(c)[i], status.get(c)[i], href,
                tasks.get(c)[i], echoed.get(c)[i] == 1, d == NONE ? null : values.get(d), e == NONE ? null : values.get(e));
    }

    private void grow() {
        seq.add(new int[CHUNK]);
        intended.add(new long[CHUNK]);
        sent.add(new long[CHUNK]);
        latency.add(new long[CHUNK]);
        status.add(new int[CHUNK]);
        tasks.add(new long[CHUNK]);
        echoed.add(new byte[CHUNK]);
        hrefHigh.add(new long[CHUNK]);
        hrefLow.add(new long[CHUNK]);
        hrefText.add(new int[CHUNK]);
        date.add(new int[CHUNK]);
        error.add(new int[CHUNK]);
    }

    private int value(String v) {
        Integer i = valueIndex.get(v);
        if (i != null) return i;
        values.add(v);
        valueIndex.put(v, values.size() - 1);
        return values.size() - 1;
    }

    /** Where a trailing {@code <lower-case uuid>/} starts, or -1. */
    static int uuidStart(String href) {
        int end = href.length() - 1;
        if (end < 36 || href.charAt(end) != '/') return -1;
        int start = end - 36;
        for (int k = 0; k < 36; k++) {
            char ch = href.charAt(start + k);
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? ch != '-' : !(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) return -1;
        }
        return start;
    }

    private static long hex(String s, int base, int from, int to) {
        long v = 0;
        for (int k = from; k < to; k++) {
            char ch = s.charAt(base + k);
            if (ch == '-') continue;
            v = v << 4 | (ch <= '9' ? ch - '0' : ch - 'a' + 10);
        }
        return v;
    }

    private static String uuid(long high, long low) {
        return new java.util.UUID(high, low).toString();  // lower case, 8-4-4-4-12
    }

    /** The sealed view: records in sequence order. */
    private final class View extends AbstractList<DispatchRecord> implements RandomAccess {
        private final int[] order;

        View(int[] order) {
            this.order = order;
        }

        @Override
        public DispatchRecord get(int index) {
            return CompactRecords.this.get(order[index]);
        }

        @Override
        public int size() {
            return order.length;
        }
    }
}

package io.pulpperf.throughput.measure;

import java.util.Arrays;

/** A growable array of longs: a million timestamps cost 8 MB, not a million objects. */
final class LongColumn {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
        if (size == values.length) values = Arrays.copyOf(values, values.length * 2);
        values[size++] = v;
    }

    int size() {
        return size;
    }

    long get(int i) {
        return values[i];
    }

    /** A sorted copy of the values. */
    long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}

package io.pulpperf.throughput.config;

/** How dispatch and processing overlap in a scenario (both from the test plans). */
public enum Shape {
    /** Workers up first; tasks are dispatched while they process. */
    STEADY("steady"),
    /**
     * Workers scaled to 0, every task dispatched, then workers scaled to N: the drain is measured
     * from the moment N workers are online (how the seed plan's results were taken).
     */
    BACKLOG("backlog"),
    /**
     * Open-model steps at rising rates until one is not kept up with, then bisection: finds the
     * highest rate the workers sustain and where they saturate (issue 14).
     */
    SEARCH("search"),
    /**
     * No tasks: the workers are scaled through a list of counts and each is held while
     * {@code workers/} is read for heartbeats and drop-outs (issue 20, plan 0001).
     */
    FLEET("fleet");

    private final String key;

    Shape(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Shape of(String key) {
        for (Shape s : values()) if (s.key.equals(key)) return s;
        throw new IllegalArgumentException("unknown shape '" + key + "'; expected steady, backlog, search or fleet");
    }
}

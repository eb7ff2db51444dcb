package io.pulpperf.throughput.pulp;

/** A row of a list endpoint, by the name the suite gave it and its href. */
public record NamedObject(String name, String href) {}

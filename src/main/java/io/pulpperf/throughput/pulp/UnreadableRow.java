package io.pulpperf.throughput.pulp;

/**
 * A task list row the suite could not read.
 *
 * @param href   its {@code pulp_href}, or null when even that was missing
 * @param defect what was wrong, e.g. {@code pulp_created missing} or {@code state null}
 */
public record UnreadableRow(String href, String defect) {
    @Override
    public String toString() {
        return (href == null ? "(no pulp_href)" : href) + " (" + defect + ")";
    }
}

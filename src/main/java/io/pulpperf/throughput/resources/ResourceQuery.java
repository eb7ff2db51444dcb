package io.pulpperf.throughput.resources;

/**
 * One named PromQL query of the {@code resources:} section or of a preset, placeholders filled.
 *
 * @param name   the series' name in the report, e.g. "API CPU"
 * @param expr   the PromQL expression
 * @param unit   what its values are in
 * @param role   the part of Pulp it measures, or null: guessed per series from its name
 * @param max    a threshold on the peak over the tasks' window, or null
 * @param legend for a query returning several series: the name of each, with {label} replaced by that
 *               series' label value (e.g. "{groupname} CPU"); null: name plus the labels that differ
 * @param origin where it came from: "file" or the preset's name
 */
public record ResourceQuery(String name, String expr, ResourceUnit unit, ResourceRole role, Double max, String legend,
                            String origin) {
    public ResourceQuery withExpr(String value) {
        return new ResourceQuery(name, value, unit, role, max, legend, origin);
    }
}

package io.pulpperf.throughput.observe;

import java.util.List;
import java.util.Map;

/**
 * What one observer reports for one scenario, in the shapes the report takes: a short line for the
 * results table's Observations, checks judged like the thresholds, attachments for Allure, figures
 * for results.json and a line for the console.
 *
 * @param source      the observer's key in results.json, e.g. "database" or "resources"
 * @param observation one short line for the Observations column, or "" for none
 * @param checks      checks to judge the scenario by (thresholds on the figures), possibly none
 * @param attachments charts, tables and raw data, in report order
 * @param figures     every figure, as JSON-serialisable values (records, maps, lists)
 * @param console     what to print after the scenario
 */
public record Observed(String source, String observation, List<Check> checks, List<Attachment> attachments,
                       Map<String, Object> figures, String console) {
    public Observed {
        checks = List.copyOf(checks);
        attachments = List.copyOf(attachments);
        figures = Map.copyOf(figures);
    }

    /**
     * One Allure attachment.
     *
     * @param name      its title
     * @param mimeType  e.g. text/csv, image/svg+xml
     * @param content   its text
     * @param extension file extension with the dot
     */
    public record Attachment(String name, String mimeType, String content, String extension) {}
}

package io.pulpperf.throughput;

import io.pulpperf.throughput.report.MatrixReport;
import io.qameta.allure.Allure;

/** Puts the whole matrix into the Allure report: the results table, the scaling chart, results.json. */
final class AllureMatrixReport {
    private AllureMatrixReport() {}

    static void attach(MatrixReport m) {
        Allure.addAttachment("Results table", "text/html", m.html(), ".html");
        Allure.addAttachment("Results table (CSV)", "text/csv", m.csv(), ".csv");
        Allure.addAttachment("Throughput against workers, scaling efficiency", "image/svg+xml", m.scalingSvg(), ".svg");
        Allure.addAttachment("Scalability (USL fit per workload and shape)", "text/html", m.scalabilityHtml(), ".html");
        Allure.addAttachment("Scalability (CSV)", "text/csv", m.scalabilityCsv(), ".csv");
        // The sibling plans' tables (0001 fleet, 0002 ingestion), when the run had such scenarios.
        if (!m.fleetHtml().isEmpty()) {
            Allure.addAttachment("Worker scalability (plan 0001)", "text/html", m.fleetHtml(), ".html");
            Allure.addAttachment("Worker scalability (plan 0001, CSV)", "text/csv", m.fleetCsv(), ".csv");
        }
        if (!m.ingestionHtml().isEmpty()) {
            Allure.addAttachment("Task ingestion (plan 0002)", "text/html", m.ingestionHtml(), ".html");
            Allure.addAttachment("Task ingestion (plan 0002, CSV)", "text/csv", m.ingestionCsv(), ".csv");
        }
        Allure.addAttachment("Results table (results.md)", "text/plain", m.markdown(), ".md");
        Allure.addAttachment("Scaling (CSV)", "text/csv", m.scalingCsv(), ".csv");
        Allure.addAttachment("results.json: every figure of every scenario", "application/json", m.json(), ".json");
    }

    /** Scenario x figure against the history (issue 19): reference median, tonight, change, verdict. */
    static void attachHistory(String html, String markdownTable) {
        Allure.addAttachment("Against the history: scenario x figure", "text/html", html, ".html");
        Allure.addAttachment("Against the history (vs-history.md)", "text/plain", markdownTable, ".md");
    }
}

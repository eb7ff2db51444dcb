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

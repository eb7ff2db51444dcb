package io.pulpperf.throughput.report;

import java.util.List;

/**
 * Static HTML for Allure attachments: headings, paragraphs and tables with inline styles only.
 * No scripts, no external resources, so Allure 2 shows it as is and Allure 3's sanitizer keeps it.
 */
final class HtmlPage {
    static final String PASS = "#1a7f37";
    static final String FAIL = "#cf222e";
    static final String MUTED = "#57606a";
    private static final String CELL = "padding:4px 10px;border-bottom:1px solid #d0d7de;";
    private final StringBuilder body = new StringBuilder();
    private final String title;

    HtmlPage(String title) {
        this.title = title;
    }

    HtmlPage heading(String text, String colour) {
        body.append("<h3 style=\"margin:8px 0;color:").append(colour == null ? "#24292f" : colour).append("\">")
            .append(Format.html(text)).append("</h3>");
        return this;
    }

    HtmlPage paragraph(String text) {
        body.append("<p style=\"margin:4px 0 10px 0;color:").append(MUTED).append("\">").append(Format.html(text)).append("</p>");
        return this;
    }

    HtmlPage list(String caption, List<String> items) {
        if (items.isEmpty()) return this;
        body.append("<p style=\"margin:10px 0 2px 0;font-weight:bold\">").append(Format.html(caption)).append("</p><ul style=\"margin:0\">");
        for (String i : items) body.append("<li>").append(Format.html(i)).append("</li>");
        body.append("</ul>");
        return this;
    }

    /**
     * A table; a column whose header starts with '#' is right-aligned (numbers), the '#' dropped.
     * A cell written as "!pass:text" or "!fail:text" is coloured.
     */
    HtmlPage table(String[] headers, List<String[]> rows) {
        body.append("<table style=\"border-collapse:collapse;margin:6px 0 14px 0;font-size:13px\"><thead><tr>");
        for (String h : headers) {
            boolean numeric = h.startsWith("#");
            body.append("<th style=\"").append(CELL).append("background:#f6f8fa;text-align:").append(numeric ? "right" : "left")
                .append("\">").append(Format.html(numeric ? h.substring(1) : h)).append("</th>");
        }
        body.append("</tr></thead><tbody>");
        for (String[] row : rows) {
            body.append("<tr>");
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i < headers.length && headers[i].startsWith("#");
                String cell = row[i] == null ? "-" : row[i];
                String colour = null;
                if (cell.startsWith("!pass:")) {
                    colour = PASS;
                    cell = cell.substring(6);
                } else if (cell.startsWith("!fail:")) {
                    colour = FAIL;
                    cell = cell.substring(6);
                } else if (cell.startsWith("!note:")) {
                    colour = MUTED;
                    cell = cell.substring(6);
                }
                body.append("<td style=\"").append(CELL).append("text-align:").append(numeric ? "right" : "left")
                    .append(colour == null ? "" : ";font-weight:bold;color:" + colour).append("\">")
                    .append(Format.html(cell)).append("</td>");
            }
            body.append("</tr>");
        }
        body.append("</tbody></table>");
        return this;
    }

    String render() {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + Format.html(title) + "</title></head>"
                + "<body style=\"font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;color:#24292f;margin:8px\">"
                + body + "</body></html>";
    }
}

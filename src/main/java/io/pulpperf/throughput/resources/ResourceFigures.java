package io.pulpperf.throughput.resources;

import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.observe.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A resource report as text: the Observations line, threshold checks, CSVs and an HTML table. */
public final class ResourceFigures {
    private static final int LINE_CPU_AND_MEMORY = 8;
    private static final int LINE_LOAD = 3;
    // The database, api, worker and content roles before anything else (a role's order is the enum's).
    private static final java.util.Comparator<ResourceStats> BY_ROLE =
            java.util.Comparator.comparingInt(s -> s.role() == ResourceRole.DATABASE ? -1 : s.role().ordinal());

    private ResourceFigures() {}

    /**
     * E.g. "Resources: DB CPU peak 97%, API CPU peak 1.8 cores, worker memory peak 2.1 GiB, DB
     * transactions/s peak 120": what the test plan asks first, CPU then memory by role, then the
     * load series (database first, in the order they were asked for) that saw anything at all.
     * The table has every series.
     */
    public static String line(ResourceReport r) {
        List<ResourceStats> measured = r.stats().stream().filter(s -> s.samples() > 0).toList();
        List<ResourceStats> cpu = measured.stream().filter(ResourceFigures::isCpu).sorted(BY_ROLE).toList();
        List<ResourceStats> memory = measured.stream().filter(s -> s.unit() == ResourceUnit.BYTES).sorted(BY_ROLE).toList();
        List<ResourceStats> load = measured.stream().filter(s -> !isCpu(s) && s.unit() != ResourceUnit.BYTES && s.peak() > 0)
                .sorted(BY_ROLE).toList();
        List<ResourceStats> shown = new ArrayList<>();
        java.util.stream.Stream.concat(cpu.stream(), memory.stream()).limit(LINE_CPU_AND_MEMORY).forEach(shown::add);
        load.stream().limit(LINE_LOAD).forEach(shown::add);
        List<String> parts = new ArrayList<>();
        shown.forEach(s -> parts.add(s.name() + " peak " + s.unit().format(s.peak()) + partialMark(s)));
        if (measured.size() > shown.size()) parts.add("+" + (measured.size() - shown.size()) + " more series");
        // A series with holes is named even when it is not among those shown (issue 21).
        List<String> partialNotShown = measured.stream().filter(s -> s.partial() && !shown.contains(s)).map(ResourceStats::name).toList();
        if (!partialNotShown.isEmpty()) parts.add("partial (under 90% of samples): " + String.join(", ", partialNotShown));
        List<String> missing = r.stats().stream().filter(s -> s.samples() == 0 && s.coverage() != null).map(ResourceStats::name).toList();
        if (!missing.isEmpty()) parts.add("missing (no samples in the window): " + String.join(", ", missing));
        if (measured.isEmpty() && missing.isEmpty()) parts.add("no data");
        if (!r.problems().isEmpty()) {
            String p = r.problems().get(0);
            parts.add("resource problem: " + (p.length() > 100 ? p.substring(0, 99) + "…" : p)
                    + (r.problems().size() > 1 ? " (+" + (r.problems().size() - 1) + " more)" : ""));
        }
        // The gap notes, one per cause (issue 27), so results.md says why a series is partial or missing.
        return "Resources: " + String.join(", ", parts) + (r.notes().isEmpty() ? "" : "; " + String.join("; ", r.notes()));
    }

    /** " (partial: 38% of samples)" for a series with holes, else "". */
    static String partialMark(ResourceStats s) {
        return s.partial() ? String.format(Locale.ROOT, " (partial: %.0f%% of samples)", s.coverage() * 100) : "";
    }

    /** "100%", "38% partial" or "missing"; "" when not judged. */
    static String coverageCell(ResourceStats s) {
        if (s.coverage() == null) return "";
        if (s.samples() == 0) return "missing";
        return String.format(Locale.ROOT, "%.0f%%", s.coverage() * 100) + (s.partial() ? " partial" : "");
    }

    private static boolean isCpu(ResourceStats s) {
        return s.unit() == ResourceUnit.CORES || s.unit() == ResourceUnit.PERCENT;
    }

    /** A check per series with a {@code max:}, judged on its peak over the tasks' window. */
    public static List<Check> checks(ResourceReport r, List<ResourceQuery> queries) {
        List<Check> out = new ArrayList<>();
        for (ResourceStats s : r.stats()) {
            if (s.max() == null) continue;
            if (s.samples() == 0) {
                out.add(Check.note(Check.Kind.THRESHOLD, s.name() + " peak", "no samples from Prometheus; not judged"));
            } else {
                out.add(Check.of(Check.Kind.THRESHOLD, s.name() + " peak", s.unit().format(s.peak()) + partialMark(s), "at most " + s.unit().format(s.max()),
                        s.peak() <= s.max(), "from Prometheus over the tasks' window, " + s.samples() + " samples"));
            }
        }
        // A threshold whose query returned nothing at all is named, not silently dropped.
        for (ResourceQuery q : queries) {
            if (q.max() != null && r.series().stream().noneMatch(s -> s.query().equals(q.name()))
                    && r.stats().stream().noneMatch(s -> s.name().equals(q.name()))) {
                out.add(Check.note(Check.Kind.THRESHOLD, q.name() + " peak", "the query returned no data; not judged"));
            }
        }
        return out;
    }

    /** Every sample, one row each, on the task timeline's axis. */
    public static String samplesCsv(ResourceReport r, Instant zero) {
        StringBuilder out = new StringBuilder("series,role,unit,offset_s,epoch_ms,value\n");
        for (ResourceSeries s : r.series()) {
            String head = RawTaskCsv.quote(s.name()) + "," + s.role().key() + "," + s.unit().key() + ",";
            for (int i = 0; i < s.millis().length; i++) {
                out.append(head).append(String.format(Locale.ROOT, "%.3f", (s.millis()[i] - zero.toEpochMilli()) / 1000.0)).append(',')
                   .append(s.millis()[i]).append(',').append(num(s.values()[i])).append('\n');
            }
        }
        return out.toString();
    }

    /** Peak, mean, p95 per series, raw numbers in the series' unit. */
    public static String statsCsv(ResourceReport r) {
        StringBuilder out = new StringBuilder("series,role,unit,peak,mean,p95,samples,windowed,max,coverage\n");
        for (ResourceStats s : r.stats()) {
            out.append(RawTaskCsv.quote(s.name())).append(',').append(s.role().key()).append(',').append(s.unit().key()).append(',')
               .append(num(s.peak())).append(',').append(num(s.mean())).append(',').append(num(s.p95())).append(',').append(s.samples())
               .append(',').append(s.windowed()).append(',').append(s.max() == null ? "" : num(s.max())).append(',')
               .append(s.coverage() == null ? "" : num(s.coverage())).append('\n');
        }
        return out.toString();
    }

    /** The same table, readable units, with the notes, problems and what the queries cost. */
    public static String statsHtml(String title, ResourceReport r) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(html(title))
                .append("</title></head><body style=\"font-family:sans-serif\"><h3>").append(html(title)).append("</h3>")
                .append("<table style=\"border-collapse:collapse\"><tr>");
        for (String h : List.of("series", "role", "peak", "mean", "p95", "samples", "max", "coverage")) {
            out.append("<th style=\"text-align:left;padding:4px 10px\">").append(h).append("</th>");
        }
        out.append("</tr>");
        for (ResourceStats s : r.stats()) {
            boolean over = s.max() != null && s.samples() > 0 && s.peak() > s.max();
            out.append("<tr").append(over ? " style=\"color:#cf222e\"" : "").append(">");
            for (String c : List.of(s.name() + (s.partial() && s.samples() > 0 ? " (partial)" : ""), s.role().key(), s.unit().format(s.peak()), s.unit().format(s.mean()), s.unit().format(s.p95()),
                    s.samples() + (s.windowed() ? "" : " (whole range)"), s.max() == null ? "" : s.unit().format(s.max()), coverageCell(s))) {
                out.append("<td style=\"padding:4px 10px;border-bottom:1px solid #d0d7de\">").append(html(c)).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</table><p>Over the tasks' window (first task created to last finished); queried ").append(r.from()).append(" .. ")
           .append(r.to()).append(" at a ").append(r.step().toMillis()).append(" ms step: ").append(r.requests()).append(" requests, ")
           .append(r.elapsed().toMillis()).append(" ms.</p>");
        for (String n : r.notes()) out.append("<p>Note: ").append(html(n)).append("</p>");
        for (String p : r.problems()) out.append("<p style=\"color:#cf222e\">Problem: ").append(html(p)).append("</p>");
        return out.append("</body></html>").toString();
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.run.CapacityResult;
import io.pulpperf.throughput.run.CapacityStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A capacity search's steps, one row each, and its result in one sentence (issue 14). */
public final class CapacityTable {
    private static final String[] HEADERS = {"#Step", "Kind", "#Asked tasks/s", "#Offered tasks/s", "#Completed tasks/s", "#Completed while queued tasks/s",
        "#Queue growth tasks/s", "#p50 wait s", "#p95 wait s", "#Failed", "#Dispatch errors", "Kept up?", "Why not"};

    private CapacityTable() {}

    /** "sustains 11.8 tasks/s (p95 wait 0.4 s), saturates at 14.1 tasks/s", with "-" for what was not found. */
    public static String sentence(CapacityResult c) {
        String sustained = c.sustainedRate() == null ? "sustains no rate tried"
                : String.format(Locale.ROOT, "sustains %.1f tasks/s (p95 wait %s s)", c.sustainedRate(), shortSeconds(c.sustainedP95WaitMicros()));
        String saturated = c.saturatedRate() == null ? "did not saturate"
                : String.format(Locale.ROOT, "saturates at %.1f tasks/s", c.saturatedRate());
        return sustained + ", " + saturated + CapacityVerdict.clauses(c);
    }

    public static String html(String scenario, CapacityResult c) {
        List<String[]> rows = new ArrayList<>();
        for (CapacityStep s : c.steps()) {
            String[] row = cells(s);
            row[11] = (s.keptUp() ? "!pass:" : s.verdict() == CapacityStep.Verdict.FAULTED ? "!note:" : "!fail:") + row[11];
            rows.add(row);
        }
        return new HtmlPage(scenario + " capacity").heading(scenario + ": " + sentence(c), null)
                .paragraph("Each step held its rate with the open model; its tasks were found by the step's own Correlation-ID "
                        + "and measured by their server timestamps. Offered and completed are tasks per second; queue growth is "
                        + "waiting tasks at the step's end minus its start, per second; completed while queued is the rate "
                        + "over the longest stretch in which the step's tasks waited, so workers had work throughout (the "
                        + "saturation rate comes from it). " + c.end() + ".")
                .table(HEADERS, rows).render();
    }

    public static String csv(CapacityResult c) {
        StringBuilder out = new StringBuilder("step,kind,asked_per_s,offered_per_s,completed_per_s,completed_while_queued_per_s,queue_growth_per_s,p50_wait_s,"
                + "p95_wait_s,failed,dispatch_errors,kept_up,why_not,correlation_id\n");
        for (CapacityStep s : c.steps()) {
            String[] row = cells(s);
            for (int i = 0; i < row.length; i++) out.append(RawTaskCsv.quote(row[i])).append(',');
            out.append(s.correlationId()).append('\n');
        }
        return out.toString();
    }

    private static String[] cells(CapacityStep s) {
        return new String[] {String.valueOf(s.number()), s.rising() ? "rising" : "bisection",
            Format.rate(s.targetRate()), Format.rate(s.offeredRate()), Format.rate(s.completionRate()), Format.rate(s.busyRate()),
            s.queueGrowth() == null ? "-" : String.format(Locale.ROOT, "%+.2f", s.queueGrowth()),
            seconds(s.p50WaitMicros()), seconds(s.p95WaitMicros()), String.valueOf(s.failed()), String.valueOf(s.dispatchErrors()),
            switch (s.verdict()) {
                case KEPT_UP -> "yes";
                case SATURATED -> "no: saturated";
                case WAIT_TOO_LONG -> "no: wait too long";
                case FAULTED -> "not judged: faults";
            },
            String.join("; ", s.reasons())};
    }

    /** "0.4", "0.036", "12.5": two significant digits below a second. */
    static String shortSeconds(Long micros) {
        if (micros == null) return "-";
        double s = micros / 1e6;
        return s >= 1 || s == 0 ? String.format(Locale.ROOT, "%.1f", s) : new java.math.BigDecimal(s)
                .round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    private static String seconds(Long micros) {
        return micros == null ? "-" : String.format(Locale.ROOT, "%.3f", micros / 1e6);
    }
}

package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.usl.MeasuredStep;
import io.pulpperf.throughput.usl.Scalability;
import io.pulpperf.throughput.usl.UslFit;
import io.pulpperf.throughput.usl.UslModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "Scalability" tables of the Results matrix: per group the USL's coefficients (with standard
 * errors), R^2, N* and X(N*) when the fit is trusted, and always the measured rate and marginal
 * gain at each worker count; plus results.md's lines.
 */
public final class ScalabilityTable {
    private ScalabilityTable() {}

    public static String html(List<Scalability> groups) {
        HtmlPage page = new HtmlPage("Scalability");
        if (groups.isEmpty()) {
            return page.paragraph("No workload ran at 2 or more worker counts of the same shape and closed model: nothing to fit.")
                    .render();
        }
        for (Scalability s : groups) {
            page.heading("Scalability: " + s.group(), null).paragraph(s.sentence());
            if (s.fitted()) {
                UslFit.Result f = s.fit();
                UslModel m = f.model();
                page.table(new String[] {"#lambda (tasks/s)", "#sigma", "#kappa", "#R^2", "#N* (workers)", "#X(N*) (tasks/s)"},
                        List.<String[]>of(new String[] {withError("%.2f", m.lambda(), f.lambdaError()),
                                withError("%.4f", m.sigma(), f.sigmaError()), withError("%.6f", m.kappa(), f.kappaError()),
                                String.format(Locale.ROOT, "%.3f", f.r2()),
                                s.hasPeak() ? String.format(Locale.ROOT, "%.1f", m.peakWorkers()) : "no peak within " + (int) (UslModel.REACH * s.largestCount()),
                                s.hasPeak() ? Format.rate(m.peakRate())
                                        : Double.isFinite(m.amdahlCeilingRate()) ? "ceiling " + Format.rate(m.amdahlCeilingRate()) : "-"}));
            } else {
                page.paragraph("Model not shown: " + s.reason() + ".");
            }
            List<String[]> rows = new ArrayList<>();
            for (MeasuredStep step : s.steps()) {
                rows.add(new String[] {String.valueOf(step.workers()), Format.rate(step.rate()), Format.rate(step.low()),
                        Format.rate(step.high()), step.marginalGain() == null ? "-" : String.format(Locale.ROOT, "%+.2f", step.marginalGain()),
                        s.fitted() ? Format.rate(s.model().rate(step.workers())) : "-"});
            }
            page.table(new String[] {"#workers", "#tasks/s measured", "#lowest", "#highest", "#gain per added worker (tasks/s)",
                    "#USL X(N)"}, rows);
        }
        return page.paragraph("USL: X(N) = lambda N / (1 + sigma (N-1) + kappa N (N-1)) (Gunther), fitted by least squares to every "
                + "run of the group (each round with repeat; a count's rate is its scenario's median); lambda = one worker's rate, sigma = contention (serialized share), kappa = coherency "
                + "(crosstalk between workers); N* = sqrt((1 - sigma) / kappa). ± is one standard error. The model is shown "
                + "only with " + Scalability.MIN_COUNTS + " or more worker counts and R^2 >= " + Scalability.MIN_R2 + ".").render();
    }

    /** One row per measured worker count of every group. */
    public static String csv(List<Scalability> groups) {
        StringBuilder out = new StringBuilder("group,fitted,lambda,sigma,kappa,r2,peak_workers,peak_rate,workers,tasks_per_s,lowest,highest,"
                + "gain_per_added_worker,usl_rate\n");
        for (Scalability s : groups) {
            UslModel m = s.model();
            for (MeasuredStep step : s.steps()) {
                out.append(RawTaskCsv.quote(s.group())).append(',').append(s.fitted()).append(',')
                   .append(m == null ? "-" : num(m.lambda())).append(',').append(m == null ? "-" : num(m.sigma())).append(',')
                   .append(m == null ? "-" : num(m.kappa())).append(',').append(s.fit() == null || s.fit().r2() == null ? "-" : num(s.fit().r2()))
                   .append(',').append(s.hasPeak() ? num(m.peakWorkers()) : "-").append(',').append(s.hasPeak() ? num(m.peakRate()) : "-")
                   .append(',').append(step.workers()).append(',').append(num(step.rate())).append(',').append(num(step.low()))
                   .append(',').append(num(step.high())).append(',').append(step.marginalGain() == null ? "-" : num(step.marginalGain()))
                   .append(',').append(m == null ? "-" : num(m.rate(step.workers()))).append('\n');
            }
        }
        return out.toString();
    }

    /** results.md's Observations about scaling: one line per group, none without a group. */
    public static String markdown(List<Scalability> groups) {
        if (groups.isEmpty()) return "";
        StringBuilder out = new StringBuilder("\n**Scalability (USL fit per workload and shape):**\n\n");
        for (Scalability s : groups) out.append("- ").append(s.sentence().replace("|", "\\|")).append('\n');
        return out.toString();
    }

    private static String withError(String format, double value, Double error) {
        String v = String.format(Locale.ROOT, format, value);
        return error == null ? v : v + " ± " + String.format(Locale.ROOT, format, error);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}

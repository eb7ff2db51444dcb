package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.measure.LatencySummary;
import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario at a glance: every check (figure, measured, required, pass/fail) and the other
 * figures, as static HTML and as CSV.
 */
public final class SummaryTable {
    private SummaryTable() {}

    public static String html(ScenarioResult r, List<Check> checks) {
        boolean failed = checks.stream().anyMatch(Check::failed);
        HtmlPage page = new HtmlPage(r.scenario().name() + " summary")
                .heading(r.scenario().name() + (failed ? ": FAILED" : ": passed"), failed ? HtmlPage.FAIL : HtmlPage.PASS)
                .paragraph(r.workersOnline() + " workers online, " + (r.capacity() != null ? r.dispatch().tasks() : r.scenario().tasks()) + " tasks of " + r.scenario().workload().key()
                        + " dispatched by " + r.scenario().concurrency() + " clients; target: " + r.target() + "; run id " + r.runId());
        List<String[]> rows = new ArrayList<>();
        for (Check c : checks) {
            String result = switch (c.verdict()) {
                case PASS -> "!pass:pass";
                case FAIL -> "!fail:FAIL";
                case NOTE -> "!note:note";
            };
            rows.add(new String[] {c.figure(), c.actual(), c.expected(), result, c.detail()});
        }
        page.table(new String[] {"check", "#measured", "#required", "result", "detail"}, rows);
        List<String[]> figures = new ArrayList<>();
        for (String[] f : figures(r)) figures.add(new String[] {f[0], f[1], f[2]});
        page.table(new String[] {"figure", "#value", "definition"}, figures);
        if (!r.metrics().failures().isEmpty()) page.list("Failed and canceled tasks by reason", Failures.lines(r.metrics()));
        return page.list("Notes", r.notes()).list("Problems", r.problems()).render();
    }

    public static String csv(ScenarioResult r, List<Check> checks) {
        StringBuilder out = new StringBuilder("kind,figure,measured,required,result,detail\n");
        for (Check c : checks) {
            out.append(c.kind().prefix()).append(',').append(q(c.figure())).append(',').append(q(c.actual())).append(',')
               .append(q(c.expected())).append(',').append(c.verdict().name().toLowerCase(Locale.ROOT)).append(',')
               .append(q(c.detail())).append('\n');
        }
        for (var f : r.metrics().failures()) {
            out.append("failures,").append(q(f.reason())).append(',').append(f.count()).append(",-,-,").append(q("first " + f.firstTask()))
               .append('\n');
        }
        for (String[] f : figures(r)) {
            out.append("figure,").append(q(f[0])).append(',').append(q(f[1])).append(",-,-,").append(q(f[2])).append('\n');
        }
        return out.toString();
    }

    /** {name, value, definition} of the figures that have no threshold. */
    static List<String[]> figures(ScenarioResult r) {
        RunMetrics m = r.metrics();
        LatencySummary total = m.latency().get(LatencyPart.TOTAL);
        LatencySummary wait = m.latency().get(LatencyPart.QUEUE_WAIT);
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {"throughput", Format.rate(m.throughput()) + " tasks/s", "completed / (last finished_at - first started_at)"});
        f.add(new String[] {"steady-state rate", Format.rate(m.steadyRate()) + " tasks/s", "completions between the 10th and 90th percentile finish"});
        f.add(new String[] {"makespan rate", Format.rate(m.makespanRate()) + " tasks/s", "completed / (last finished_at - first pulp_created)"});
        f.add(new String[] {"tasks submitted", String.valueOf(m.submitted()), "dispatch requests answered 202 with a task"});
        f.add(new String[] {"tasks observed", String.valueOf(m.observed()), "found on the server by logging_cid"});
        f.add(new String[] {"completed / failed", m.completed() + " / " + m.failed(), "final states"});
        f.add(new String[] {"unfinished when collected", String.valueOf(m.unfinished()), "waiting, running or canceling"});
        f.add(new String[] {"p50 / p95 total latency", ms(total, false) + " / " + ms(total, true), "finished_at - pulp_created, completed tasks"});
        f.add(new String[] {"p50 / p95 queue wait", ms(wait, false) + " / " + ms(wait, true), "started_at - pulp_created"});
        f.add(new String[] {"dispatch request rate", Format.rate(r.dispatch().requestRate()) + " requests/s", "requests / (last answer - first send)"});
        return f;
    }

    private static String ms(LatencySummary s, boolean p95) {
        return Format.msWithUnit(s, p95 ? LatencySummary::p95 : LatencySummary::p50);
    }

    private static String q(String text) {
        return RawTaskCsv.quote(text);
    }
}

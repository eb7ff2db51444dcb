package io.pulpperf.throughput.report;

import io.pulpperf.throughput.run.CapacityResult;
import io.pulpperf.throughput.run.CapacityStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a capacity search's figures mean beyond "sustains X, saturates at Y" (issue 21): how much
 * less the workers completed under the heaviest overload, whether the target's capacity moved
 * during the search (the saturated pace below the sustained rate) and the likely cause the data
 * shows, and what the confirmation step from a standing queue found.
 */
public final class CapacityVerdict {
    /** A saturated pace this far below the sustained rate means capacity moved, not noise. */
    static final double MOVED_BELOW = 0.03;
    /** Run time p50 rising by more than this share between the sustained and the knee step: tasks slowed with the queue. */
    static final double RUN_TIME_ROSE = 0.2;

    private CapacityVerdict() {}

    /** The clauses, each starting with "; ", or "" when there is nothing to add. */
    public static String clauses(CapacityResult c) {
        List<String> out = new ArrayList<>();
        overload(c, out);
        moved(c, out);
        confirmation(c, out);
        return out.isEmpty() ? "" : "; " + String.join("; ", out);
    }

    private static void overload(CapacityResult c, List<String> out) {
        CapacityStep knee = c.kneeStep();
        CapacityResult.Overload o = c.overload();
        if (knee == null || o == null || o.completedRate() == null || c.saturatedRate() == null) return;
        double factor = o.offeredRate() / c.saturatedRate();
        if (knee.offeredRate() != null && Math.abs(o.offeredRate() - knee.offeredRate()) < 1e-9) return;  // the knee is the heaviest
        double less = 1 - o.completedRate() / c.saturatedRate();
        out.add(less > MOVED_BELOW
                ? String.format(Locale.ROOT, "under %.2fx overload (%.1f tasks/s offered) the workers completed %.0f%% less (%.1f tasks/s): "
                        + "the target degrades past saturation", factor, o.offeredRate(), less * 100, o.completedRate())
                : String.format(Locale.ROOT, "under %.2fx overload (%.1f tasks/s offered) the workers still completed %.1f tasks/s", factor,
                        o.offeredRate(), o.completedRate()));
    }

    private static void moved(CapacityResult c, List<String> out) {
        if (c.sustainedRate() == null || c.saturatedRate() == null || c.saturatedRate() >= c.sustainedRate() * (1 - MOVED_BELOW)) return;
        double below = 1 - c.saturatedRate() / c.sustainedRate();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "the target's capacity moved during the search: saturated, the workers "
                + "completed %.1f tasks/s, %.0f%% below the %.1f sustained from an empty queue", c.saturatedRate(), below * 100, c.sustainedRate()));
        CapacityStep sustained = c.sustainedStep();
        CapacityStep knee = c.kneeStep();
        if (sustained != null && knee != null && sustained.runP50Micros() != null && knee.runP50Micros() != null) {
            double rose = knee.runP50Micros() / (double) Math.max(1, sustained.runP50Micros()) - 1;
            b.append(String.format(Locale.ROOT, "; run time p50 %s from %.0f ms (step %d) to %.0f ms (step %d)", rose > RUN_TIME_ROSE ? "rose" : "stayed",
                    sustained.runP50Micros() / 1000.0, sustained.number(), knee.runP50Micros() / 1000.0, knee.number()));
            b.append(rose > RUN_TIME_ROSE ? ": a standing queue slowed each task"
                    : ": the cause is not in the task data (e.g. fixtures accumulated, or other load on the target)");
        }
        b.append("; hold longer steps (search.step) and read the confirmation step");
        out.add(b.toString());
    }

    private static void confirmation(CapacityResult c, List<String> out) {
        CapacityResult.Confirmation k = c.confirmation();
        if (k == null) return;
        String completed = k.completedRate() == null ? "-" : String.format(Locale.ROOT, "%.1f", k.completedRate());
        String wait = k.p95WaitMicros() == null ? "-" : CapacityTable.shortSeconds(k.p95WaitMicros());
        out.add(k.keptUp()
                ? String.format(Locale.ROOT, "confirmed with a standing queue: %.1f tasks/s held %.0f s from %d waiting (%d at its end; "
                        + "completed %s tasks/s, p95 wait %s s)", k.rate(), k.seconds(), k.waitingAtStart(), k.waitingAtEnd(), completed, wait)
                : String.format(Locale.ROOT, "sustained from empty, not with a standing queue: at %.1f tasks/s from %d waiting the queue grew "
                        + "to %d in %.0f s (completed %s tasks/s, p95 wait %s s)", k.rate(), k.waitingAtStart(), k.waitingAtEnd(), k.seconds(),
                        completed, wait));
    }
}

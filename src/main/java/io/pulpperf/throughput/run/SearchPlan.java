package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.SearchSettings;
import java.util.OptionalDouble;

/**
 * Which rate a capacity search offers next (issue 14): rising steps from {@code from} by
 * {@code factor} up to {@code max}, stopping at the first step not kept up with, so a saturated
 * Pulp is never pushed further; then {@code refine} bisections between the last rate kept up
 * with (0 when none was) and the first that was not. Pure logic: the caller runs each step.
 */
final class SearchPlan {
    private final SearchSettings settings;
    private double lastGood;
    private double firstBad = Double.NaN;
    private double current;
    private boolean rising = true;
    private int refined;
    private boolean done;
    private String end = "not started";

    SearchPlan(SearchSettings settings) {
        this.settings = settings;
        this.current = settings.from();
    }

    /** The rate to offer next, or empty once the search is over. */
    OptionalDouble next() {
        return done ? OptionalDouble.empty() : OptionalDouble.of(current);
    }

    /** Whether the next step is a rising one (else a bisection). */
    boolean rising() {
        return rising;
    }

    /** Records whether the step at {@link #next()}'s rate was kept up with. */
    void record(boolean keptUp) {
        if (done) throw new IllegalStateException("the search is over");
        if (keptUp) lastGood = current;
        else firstBad = current;
        if (rising) {
            if (keptUp && current >= settings.max()) {
                finish("every rising step up to search.max (" + fmt(settings.max()) + " tasks/s) was kept up with; capacity is higher");
                return;
            }
            if (keptUp) {
                current = Math.min(current * settings.factor(), settings.max());
                return;
            }
            rising = false;
        } else {
            refined++;
        }
        if (refined >= settings.refine()) {
            finish("refined " + refined + " times between " + fmt(lastGood) + " and " + fmt(firstBad) + " tasks/s");
            return;
        }
        current = (lastGood + firstBad) / 2;
    }

    /** Ends the search early (a fault, the timeout); {@code why} says so. */
    void stop(String why) {
        finish(why);
    }

    private void finish(String why) {
        done = true;
        end = why;
    }

    /** Why the search ended, in words. */
    String end() {
        return end;
    }

    private static String fmt(double rate) {
        return String.format(java.util.Locale.ROOT, "%.4g", rate);
    }
}

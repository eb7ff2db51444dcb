package io.pulpperf.throughput.observe;

/**
 * One judged figure of a scenario: what was measured, what it had to be, and whether it was.
 * The same record fills the summary table, the assertion message and results.json, so they
 * can never disagree.
 *
 * @param kind     what sort of check (its prefix starts every failure message)
 * @param figure   the figure in plain words, e.g. "tasks per second"
 * @param actual   the measured value as shown, "-" when not measured
 * @param expected the bound as shown, e.g. "at least 30.00"
 * @param verdict  pass, fail, or note (shown, never failed)
 * @param detail   what a reader needs besides the two values, or ""
 */
public record Check(Kind kind, String figure, String actual, String expected, Verdict verdict, String detail) {

    /** Sorts of check; each failure message starts with the prefix, which categories.json matches. */
    public enum Kind {
        THRESHOLD("threshold"),
        INCOMPLETE_RUN("incomplete run"),
        TARGET_ERROR("target error"),
        RUN_PROBLEM("run problem"),
        REGRESSION("regression");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The stable message prefix, without the colon. */
        public String prefix() {
            return prefix;
        }
    }

    /** What the check concluded. */
    public enum Verdict {
        PASS, FAIL, NOTE
    }

    public Check {
        detail = detail == null ? "" : detail;
    }

    public static Check of(Kind kind, String figure, String actual, String expected, boolean passed, String detail) {
        return new Check(kind, figure, actual, expected, passed ? Verdict.PASS : Verdict.FAIL, detail);
    }

    public static Check note(Kind kind, String figure, String text) {
        return new Check(kind, figure, "-", "-", Verdict.NOTE, text);
    }

    public boolean failed() {
        return verdict == Verdict.FAIL;
    }

    /** "threshold: tasks per second: expected at least 30.00 but was 25.00 (detail)". */
    public String message() {
        return kind.prefix() + ": " + figure + ": expected " + expected + " but was " + actual
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}

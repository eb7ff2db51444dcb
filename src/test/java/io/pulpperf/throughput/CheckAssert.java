package io.pulpperf.throughput;

import io.pulpperf.throughput.observe.Check;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertions;

/**
 * AssertJ assertions on a {@link Check}: a failed check fails with its own message, which starts
 * with the check's kind ("threshold:", "incomplete run:", "target error:", "regression:") so
 * categories.json can sort failures, and names the figure, what was required and what came.
 */
public class CheckAssert extends AbstractAssert<CheckAssert, Check> {
    public CheckAssert(Check actual) {
        super(actual, CheckAssert.class);
    }

    public static CheckAssert assertThat(Check actual) {
        return new CheckAssert(actual);
    }

    /** Passes for a passed check or a note; fails with the check's message otherwise. */
    public CheckAssert passes() {
        isNotNull();
        if (actual.failed()) failWithMessage("%s", actual.message());
        return this;
    }

    /** Soft assertions that collect every failed check of a scenario into one failure. */
    public static class Soft extends SoftAssertions {
        public CheckAssert assertThat(Check actual) {
            return proxy(CheckAssert.class, Check.class, actual);
        }
    }
}

package io.pulpperf.throughput.history;

/** Which way a figure gets better; figures without one are recorded but never judged. */
public enum Direction {
    HIGHER_IS_BETTER("higher is better"),
    LOWER_IS_BETTER("lower is better"),
    NONE("not judged");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** +1 when a rise is an improvement, -1 when it is a regression, 0 when neither. */
    int sign() {
        return this == HIGHER_IS_BETTER ? 1 : this == LOWER_IS_BETTER ? -1 : 0;
    }
}

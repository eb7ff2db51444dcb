package io.pulpperf.throughput.resources;

/** A Prometheus request failed; {@link #kind} says whether retrying or fixing a query could help. */
public final class PromException extends RuntimeException {
    /** Why it failed. */
    public enum Kind {
        /** no answer: connection refused, timeout, DNS, TLS */
        UNREACHABLE,
        /** 401 or 403: the token or password was refused */
        REFUSED,
        /** 400/422 bad_data: the PromQL does not parse or cannot run */
        BAD_QUERY,
        /** anything else: 5xx, a body that is not Prometheus's JSON */
        FAILED
    }

    private final Kind kind;

    public PromException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

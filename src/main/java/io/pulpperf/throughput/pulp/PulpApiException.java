package io.pulpperf.throughput.pulp;

/** The server answered something the suite cannot use; the message says what and what to check. */
public class PulpApiException extends RuntimeException {
    private final int status;

    public PulpApiException(String message, int status) {
        super(message);
        this.status = status;
    }

    public PulpApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The HTTP status, or -1 when no answer came (network error, timeout). */
    public int status() {
        return status;
    }
}

package io.pulpperf.throughput.logs;

import java.time.Instant;
import java.util.List;

/** Where Pulp's logs are read from: files by position, or a command's output cut to the window. */
interface LogSource {
    /** Called when a scenario starts (marks where the window begins); never throws. */
    Marked mark();

    /** A source whose window has begun. */
    interface Marked {
        /**
         * Reads the window's lines into the sink; never throws: what went wrong is in the figures' problems.
         *
         * @param from the scenario's start
         * @param to   its end
         */
        List<SourceFigures> read(Instant from, Instant to, LineSink sink);
    }
}

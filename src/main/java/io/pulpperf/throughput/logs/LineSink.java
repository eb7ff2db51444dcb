package io.pulpperf.throughput.logs;

/** Where a source hands its lines: one reader per named source (a file, a command), so blocks never span two. */
interface LineSink {
    /** A reader for one source's lines; {@link Reader#finish} when that source is done. */
    Reader open(String source);

    interface Reader {
        void accept(LineStamp line);

        void finish();
    }
}

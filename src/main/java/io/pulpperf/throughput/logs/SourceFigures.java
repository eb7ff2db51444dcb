package io.pulpperf.throughput.logs;

import java.util.List;

/**
 * What one source gave for one scenario.
 *
 * @param name     its name in the report: the file's path, or the command's program
 * @param kind     "files" or "command"
 * @param lines    lines read in the window
 * @param bytes    bytes read
 * @param problems what went wrong reading it, in plain words (empty when nothing)
 */
public record SourceFigures(String name, String kind, long lines, long bytes, List<String> problems) {
    public SourceFigures {
        problems = List.copyOf(problems);
    }
}

package io.pulpperf.throughput.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a stream into lines without ever holding more than one (capped) line: a log of any size
 * is read in bounded memory. A line longer than {@link #MAX_LINE_BYTES} is kept cut (the rest is
 * skipped, counted); a line with NUL bytes is binary data, skipped and counted; reading stops at
 * the byte cap. Bytes are UTF-8, malformed ones replaced.
 */
final class BoundedLines {
    /** Longer lines are cut here: no log line worth classifying is longer, and a 10 MB line must not become a 10 MB string. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    private static final int CHUNK = 64 * 1024;

    private BoundedLines() {}

    /**
     * What reading gave.
     *
     * @param lines       lines handed on
     * @param bytes       bytes read
     * @param cutLines    lines longer than {@link #MAX_LINE_BYTES}, handed on cut
     * @param binaryLines lines with NUL bytes, skipped
     * @param capped      whether reading stopped at the byte cap with more to come
     */
    record Read(long lines, long bytes, long cutLines, long binaryLines, boolean capped) {
        /** The problems a reader must know of, in plain words, naming the source. */
        List<String> problems(String source, long maxBytes) {
            List<String> out = new ArrayList<>();
            if (capped) out.add(source + ": stopped after " + Sizes.bytes(maxBytes) + " (the byte cap, -Dpulp.logs.maxBytes); "
                    + "later lines of the window were not read, so counts may be low");
            if (binaryLines > 0) out.add(source + ": " + binaryLines + " line(s) with NUL bytes skipped: binary data, not a text log");
            if (cutLines > 0) out.add(source + ": " + cutLines + " line(s) longer than " + Sizes.bytes(MAX_LINE_BYTES)
                    + " classified by their first " + Sizes.bytes(MAX_LINE_BYTES) + " only");
            return out;
        }
    }

    /**
     * Reads up to {@code maxBytes} (then stops, leaving the stream unread).
     *
     * @param in       the stream; not closed here
     * @param maxBytes the cap on bytes read
     * @param line     gets each text line, without its line break
     */
    static Read read(InputStream in, long maxBytes, Consumer<String> line) throws IOException {
        byte[] chunk = new byte[CHUNK];
        byte[] current = new byte[1024];
        int len = 0;
        boolean overlong = false;
        boolean nul = false;
        long bytes = 0;
        long lines = 0;
        long cut = 0;
        long binary = 0;
        boolean capped = false;
        while (true) {
            int want = (int) Math.min(CHUNK, maxBytes - bytes);
            if (want <= 0) {
                capped = in.read() >= 0;
                break;
            }
            int n = in.read(chunk, 0, want);
            if (n < 0) break;
            bytes += n;
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (b == '\n') {
                    if (nul) binary++;
                    else {
                        line.accept(text(current, len));
                        lines++;
                        if (overlong) cut++;
                    }
                    len = 0;
                    overlong = false;
                    nul = false;
                } else if (len < MAX_LINE_BYTES) {
                    if (b == 0) nul = true;
                    if (len == current.length) current = java.util.Arrays.copyOf(current, Math.min(MAX_LINE_BYTES, len * 2));
                    current[len++] = b;
                } else {
                    overlong = true;
                    if (b == 0) nul = true;
                }
            }
        }
        if (len > 0 || overlong) {
            if (nul) binary++;
            else {
                line.accept(text(current, len));
                lines++;
                if (overlong) cut++;
            }
        }
        return new Read(lines, bytes, cut, binary, capped);
    }

    private static String text(byte[] b, int len) {
        int end = len > 0 && b[len - 1] == '\r' ? len - 1 : len;
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}

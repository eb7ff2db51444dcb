package io.pulpperf.throughput.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code files} source: each file matching the globs is read from its size at the scenario's
 * start to its size at the stop, so its lines need no timestamp (pulpcore's own carry none). A
 * file replaced (another file key: rotated) or shorter than at the start (truncated, e.g.
 * logrotate's copytruncate) is read from its beginning, and that is named: lines written to the
 * old file after the start are not read.
 */
final class FileLogs implements LogSource {
    /** Files one glob may match; more is a glob that is too wide. */
    static final int MAX_FILES = 50;
    private final List<String> globs;
    private final long maxBytes;

    FileLogs(List<String> globs, long maxBytes) {
        this.globs = List.copyOf(globs);
        this.maxBytes = maxBytes;
    }

    private record Mark(long size, Object key) {}

    @Override
    public Marked mark() {
        Map<Path, Mark> at = new LinkedHashMap<>();
        List<String> early = new ArrayList<>();
        for (String g : globs) {
            for (Path p : expand(g, early)) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    at.put(p, new Mark(a.size(), a.fileKey()));
                } catch (IOException e) {
                    // Named at the stop, when the file is read (or found missing).
                }
            }
        }
        return (from, to, sink) -> read(at, sink);
    }

    private List<SourceFigures> read(Map<Path, Mark> start, LineSink sink) {
        List<SourceFigures> out = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (String g : globs) {
            List<String> problems = new ArrayList<>();
            List<Path> now = expand(g, problems);
            if (now.isEmpty()) {
                boolean wasThere = start.keySet().stream().anyMatch(p -> matches(g, p));
                problems.add(g + (wasThere ? ": its file(s) were there at the scenario's start and are gone at its end (moved or deleted)"
                        : ": matches no file; check the path (globs like /var/log/pulp/*.log work) and that this user may read it"));
                out.add(new SourceFigures(g, "files", 0, 0, problems));
                continue;
            }
            if (!problems.isEmpty()) out.add(new SourceFigures(g, "files", 0, 0, problems));
            for (Path p : now) if (seen.add(p)) out.add(readOne(p, start.get(p), sink));
        }
        return out;
    }

    private SourceFigures readOne(Path p, Mark was, LineSink sink) {
        String name = p.toString();
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(p)) return new SourceFigures(name, "files", 0, 0, List.of(name + ": not a regular file"));
        if (!Files.isReadable(p)) return new SourceFigures(name, "files", 0, 0, List.of(name + ": not readable by this user; give it read access or use a command source"));
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            long end = a.size();
            long from = 0;
            if (was == null) {
                // Created during the scenario: all of it is the window's.
            } else if (!Objects.equals(was.key(), a.fileKey())) {
                problems.add(name + ": replaced during the scenario (rotated); read the new file from its start, "
                        + "lines written to the old one after the scenario began were not read");
            } else if (end < was.size()) {
                problems.add(name + ": shrank from " + was.size() + " to " + end + " bytes during the scenario (truncated); "
                        + "read from its start, lines written before the truncation were not read");
            } else {
                from = was.size();
            }
            LineSink.Reader reader = sink.open(name);
            BoundedLines.Read r;
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                ch.position(from);
                InputStream in = new LimitedStream(Channels.newInputStream(ch), end - from);
                r = BoundedLines.read(in, maxBytes, line -> reader.accept(LineStamp.of(line)));
            } finally {
                reader.finish();
            }
            problems.addAll(r.problems(name, maxBytes));
            return new SourceFigures(name, "files", r.lines(), r.bytes(), problems);
        } catch (IOException | RuntimeException e) {
            problems.add(name + ": could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return new SourceFigures(name, "files", 0, 0, problems);
        }
    }

    /** The files a path or glob names now, at most {@link #MAX_FILES}, sorted. */
    static List<Path> expand(String glob, List<String> problems) {
        if (!hasGlob(glob)) {
            Path p = Path.of(glob);
            return Files.exists(p) ? List.of(p) : List.of();
        }
        Path base = base(glob);
        if (!Files.isDirectory(base)) return List.of();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        int depth = glob.contains("**") ? 8 : Path.of(glob).getNameCount() - base.getNameCount();
        try (Stream<Path> walk = Files.walk(base, Math.max(1, depth))) {
            List<Path> found = walk.filter(Files::isRegularFile).filter(m::matches).sorted().limit(MAX_FILES + 1L).toList();
            if (found.size() > MAX_FILES) {
                problems.add(glob + ": matches more than " + MAX_FILES + " files; only the first " + MAX_FILES + " are read, narrow the glob");
                return found.subList(0, MAX_FILES);
            }
            return found;
        } catch (IOException | RuntimeException e) {
            problems.add(glob + ": could not be listed (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private static boolean matches(String glob, Path p) {
        return hasGlob(glob) ? FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(p) : Path.of(glob).equals(p);
    }

    private static boolean hasGlob(String s) {
        return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The directory above the first segment with a glob character. */
    private static Path base(String glob) {
        String s = glob.substring(0, firstGlob(glob));
        int slash = s.lastIndexOf('/');
        // "" is the working directory, and walking it gives paths a relative glob matches ("x.log", not "./x.log").
        return slash < 0 ? Path.of("") : slash == 0 ? Path.of("/") : Path.of(s.substring(0, slash));
    }

    private static int firstGlob(String s) {
        for (int i = 0; i < s.length(); i++) if ("*?[{".indexOf(s.charAt(i)) >= 0) return i;
        return s.length();
    }

    /** Reads at most {@code left} bytes: where the file ended at the scenario's stop. */
    private static final class LimitedStream extends InputStream {
        private final InputStream in;
        private long left;

        LimitedStream(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = in.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }
    }
}

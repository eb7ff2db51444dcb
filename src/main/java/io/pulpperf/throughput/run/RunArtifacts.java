package io.pulpperf.throughput.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a scenario is writing: closed (so flushed) when the scenario ends, and also when the
 * JVM is stopped (Ctrl-C, SIGTERM), through a shutdown hook that lives only as long as the scenario.
 */
final class RunArtifacts implements Closeable {
    private final List<Closeable> open = new ArrayList<>();
    private final Thread hook = new Thread(this::closeQuietly, "throughput-artifacts-flush");

    RunArtifacts() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Removes the files an earlier run left in a scenario's folder (not its subfolders), so that
     * what is there after a run, and gets attached to the report, is that run's alone.
     */
    static void clear(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the earlier run's files from " + dir, e);
        }
    }

    /** Removes the {@code round-N/} folders (repeat: k) an earlier run left in a scenario's folder, with their files. */
    static void clearRounds(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> rounds = Files.list(dir)) {
            for (Path r : rounds.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("round-\\d+")).toList()) {
                clear(r);
                Files.delete(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the earlier run's rounds from " + dir, e);
        }
    }

    synchronized <T extends Closeable> T track(T file) {
        open.add(file);
        return file;
    }

    private synchronized void closeQuietly() {
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // best effort at shutdown
            }
        }
        open.clear();
    }

    @Override
    public void close() {
        closeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook is running
        }
    }
}

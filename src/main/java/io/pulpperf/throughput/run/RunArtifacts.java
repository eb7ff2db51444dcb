package io.pulpperf.throughput.run;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

package io.pulpperf.throughput.resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulator in a JVM of its own whose command line carries -Dpulp.prom.group=NAME, so
 * process-exporter (configured by .ci/prometheus.sh) reports its CPU and memory as group NAME.
 */
final class ExternalSimulator implements AutoCloseable {
    final String group;
    final String baseUrl;
    private final Process process;

    ExternalSimulator(String group, int workers, String serviceTime) throws IOException {
        this.group = group;
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dpulp.prom.group=" + group, "-Dsim.port=0", "-Dsim.workers=" + workers, "-Dsim.serviceTime=" + serviceTime,
                "-cp", cp, "io.pulpperf.throughput.sim.SimulatorMain"));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String url = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Bounded: 200 lines or 60 s, whichever first; the line reads "  suite:    mvn test -Dpulp.apiRoot=http://127.0.0.1:PORT".
        for (int i = 0; i < 200 && url == null && System.nanoTime() < deadline; i++) {
            String line = out.readLine();
            if (line == null) break;
            int at = line.indexOf("-Dpulp.apiRoot=");
            if (at >= 0) url = line.substring(at + "-Dpulp.apiRoot=".length()).trim();
        }
        if (url == null) {
            process.destroyForcibly();
            throw new IOException("the simulator JVM did not print its URL within 60 s");
        }
        baseUrl = url;
        // Keep draining its output so it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discarded
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "sim-output");
        drain.setDaemon(true);
        drain.start();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
}

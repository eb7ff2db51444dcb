package io.pulpperf.throughput.sim;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own: {@code mvn -q compile exec:java@pulp-sim -Dsim.port=24817 -Dsim.workers=2}.
 * Prints the API root and runs until Ctrl-C or SIGTERM: the JVM's shutdown hook (run on SIGINT
 * and SIGTERM) stops the server and lets {@code main} return, so {@code exec:java} ends too.
 *
 * <p>For benchmarks of collection ({@code bench/run.sh}), {@code -Dsim.preload=N} inserts N
 * finished tasks under {@code logging_cid} {@code -Dsim.preloadCid} (default {@value #PRELOAD_CID})
 * before the server answers, via {@link TaskEngine#insertFinished}; give the JVM ~400 MB per
 * million. Only this standalone main reads these two properties.
 */
public final class SimulatorMain {
    static final String PRELOAD_CID = "bench-preload";
    static final String PRELOAD_NAME = "pulpcore.app.tasks.base.general_delete";

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config;
        try {
            config = SimulatorConfig.fromProperties(System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("Bad simulator setting: " + e.getMessage());
            System.exit(2);
            return;
        }
        int preload;
        try {
            preload = Integer.parseInt(System.getProperty("sim.preload", "0"));
            if (preload < 0) throw new NumberFormatException("negative");
        } catch (NumberFormatException e) {
            System.err.println("Bad simulator setting: sim.preload must be a whole number >= 0, was '"
                    + System.getProperty("sim.preload") + "'");
            System.exit(2);
            return;
        }
        SimLog log;
        try {
            log = SimLog.fromProperties(System.getProperties());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("Bad simulator setting: " + e.getMessage());
            System.exit(2);
            return;
        }
        PulpSimulator sim = PulpSimulator.start(config, log);
        if (preload > 0) {
            String cid = System.getProperty("sim.preloadCid", PRELOAD_CID);
            long t = System.nanoTime();
            sim.engine().insertFinished(preload, PRELOAD_NAME, Domains.DEFAULT, cid);
            System.out.printf("  preloaded %d finished tasks with logging_cid %s in %d ms%n", preload, cid,
                    (System.nanoTime() - t) / 1_000_000);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            System.out.println("Pulp simulator stopped.");
            System.out.flush();
            stopped.countDown();
        }, "pulp-sim-shutdown"));
        System.out.println("Pulp simulator (not a real Pulp) listening with " + config.workers() + " workers");
        System.out.println("  API root: " + sim.v3Root());
        System.out.println("  status:   " + sim.baseUrl() + config.apiPath() + "api/v3/status/");
        System.out.println("  user:     " + config.username() + " (password from -Dsim.password, default 'password')");
        if (config.testEndpoints()) System.out.println("  pulp-service test views: " + sim.baseUrl() + config.apiPath() + "test/tasks/");
        if (!sim.logFiles().isEmpty()) System.out.println("  logs:     " + sim.logFiles() + " (read them with -Dpulp.logs.files)");
        System.out.println("  suite:    mvn test -Dpulp.apiRoot=" + sim.baseUrl());
        System.out.println("Stop with Ctrl-C or SIGTERM.");
        System.out.flush();
        stopped.await();
    }
}

package io.pulpperf.throughput.sim;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own: {@code mvn -q exec:java@pulp-sim -Dsim.port=24817 -Dsim.workers=2}.
 * Prints the API root and runs until Ctrl-C or SIGTERM: the JVM's shutdown hook (run on SIGINT
 * and SIGTERM) stops the server and lets {@code main} return, so {@code exec:java} ends too.
 */
public final class SimulatorMain {
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
        PulpSimulator sim = PulpSimulator.start(config);
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
        System.out.println("  suite:    mvn test -Dpulp.apiRoot=" + sim.baseUrl());
        System.out.println("Stop with Ctrl-C or SIGTERM.");
        System.out.flush();
        stopped.await();
    }
}

package io.pulpperf.throughput.sim;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own: {@code mvn -q exec:java@pulp-sim -Dsim.port=24817 -Dsim.workers=2}.
 * Prints the API root and runs until Ctrl-C or SIGTERM.
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
            stopped.countDown();
        }, "pulp-sim-shutdown"));
        System.out.println("Pulp simulator (not a real Pulp) listening with " + config.workers() + " workers");
        System.out.println("  API root: " + sim.v3Root());
        System.out.println("  status:   " + sim.baseUrl() + config.apiPath() + "api/v3/status/");
        System.out.println("  user:     " + config.username() + " (password from -Dsim.password, default 'password')");
        System.out.println("  suite:    mvn test -Dpulp.apiRoot=" + sim.baseUrl());
        System.out.println("Stop with Ctrl-C.");
        stopped.await();
    }
}

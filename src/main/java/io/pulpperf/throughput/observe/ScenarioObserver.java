package io.pulpperf.throughput.observe;

/**
 * A source of figures beside the tasks (the database sampler, the Prometheus reader). The main
 * test calls every observer the same way: {@link #preflight} once before any load, {@link #start}
 * when a scenario starts, and {@link Observing#stop} when it is over, whose {@link Observed} goes
 * into the report. So adding a source adds no code to the test class.
 */
public interface ScenarioObserver {
    /**
     * Checks, before any load, that the source answers as configured; throws (naming the setting
     * or query) when it does not, so the run stops before an hour of scenarios without figures.
     *
     * @return one line for the console saying what will be observed
     */
    String preflight();

    /** Its key in results.json ({@link Observed#source}), when known before it reports; "" when not. */
    default String source() {
        return "";
    }

    /**
     * Starts observing one scenario. Never throws: a failure becomes a problem in its {@link Observed}.
     *
     * @param timeout the scenario's timeout, so an observer that works during the scenario can bound itself
     */
    Observing start(String scenario, java.time.Duration timeout);

    /** One scenario being observed. */
    interface Observing {
        /**
         * Stops and reports. Never throws.
         *
         * @param window the scenario's window: its tasks' span and its wall-clock span
         */
        Observed stop(ScenarioWindow window);

        /** Stops without reporting: the scenario was skipped, so there is nothing to read or show. Never throws. */
        default void discard() {}
    }
}

package io.pulpperf.throughput.run;

import java.util.concurrent.Callable;

/** Names the phases of a scenario for whoever reports them (Allure steps in the suite). */
public interface Phases {
    /** Runs one phase and returns its value; exceptions pass through unchanged. */
    <T> T phase(String name, Callable<T> body) throws Exception;

    /** Phases that are only run, not reported. */
    static Phases silent() {
        return new Phases() {
            @Override
            public <T> T phase(String name, Callable<T> body) throws Exception {
                return body.call();
            }
        };
    }
}

package io.pulpperf.throughput.report;

import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.pulp.PulpStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What was measured where, for results.json and Allure's Environment panel: the target without
 * credentials, Pulp's component versions and online processes, whether it was the simulator, the
 * Java and suite versions, and the baseline compared with.
 */
public final class RunContext {
    public static final String SIMULATOR_LABEL = "embedded Pulp simulator (not a real Pulp)";

    private RunContext() {}

    /**
     * @param target    the target as configured (its URL is redacted here)
     * @param simulator whether the target is the embedded simulator
     * @param status    status/ when the run started, or null when it was never read
     * @param config    the matrix file
     * @param baseline  the baseline compared with, if any
     */
    public static Map<String, Object> of(Target target, boolean simulator, PulpStatus status, Path config,
                                         Optional<Baseline> baseline) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        c.put("target", simulator ? SIMULATOR_LABEL : Redact.url(target.baseUrl()));
        c.put("simulator", simulator);
        c.put("apiPath", target.apiPath());
        c.put("domain", target.domain() == null ? "-" : target.domain());
        if (status != null) {
            status.versions().forEach((k, v) -> c.put("pulp." + k, v));
            c.put("onlineWorkersAtStart", status.workerCount());
            c.put("onlineApiApps", status.onlineApiApps().size());
            c.put("onlineContentApps", status.onlineContentApps().size());
            c.put("databaseConnected", status.databaseConnected());
        }
        c.put("config", config.toString());
        c.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        c.put("suiteVersion", System.getProperty("pulp.suite.version", "dev"));
        baseline.ifPresent(b -> {
            c.put("baseline", b.source().toString());
            c.put("baselineTolerance", b.tolerance());
        });
        return c;
    }
}

package io.pulpperf.throughput.suite;

import io.pulpperf.throughput.config.ConfigLoader;
import io.pulpperf.throughput.db.DbObserver;
import io.pulpperf.throughput.db.DbSettingsLoader;
import io.pulpperf.throughput.logs.LogObserver;
import io.pulpperf.throughput.logs.LogSettingsLoader;
import io.pulpperf.throughput.observe.Observers;
import io.pulpperf.throughput.observe.ScenarioObserver;
import io.pulpperf.throughput.resources.PromObserver;
import io.pulpperf.throughput.resources.PromSettingsLoader;
import io.pulpperf.throughput.resources.ResourcesSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The observers the settings ask for: the database sampler with -Dpulp.db.url, Prometheus with
 * -Dpulp.prometheus.url, Pulp's logs with -Dpulp.logs.files / -Dpulp.logs.command or the matrix file's logs: section.
 */
public final class ConfiguredObservers {
    private ConfiguredObservers() {}

    public static Observers fromSystem() {
        // Secrets given as -D were moved out of the system properties (out of Surefire's reports).
        Map<String, String> props = io.pulpperf.throughput.config.SecretHolder.systemProperties();
        return of(props, System.getenv(), Path.of(""));
    }

    public static Observers of(Map<String, String> props, Map<String, String> env, Path baseDir) {
        List<ScenarioObserver> out = new ArrayList<>();
        DbSettingsLoader.load(props, env).ifPresent(db -> out.add(new DbObserver(db)));
        PromSettingsLoader.load(props, env, baseDir).ifPresent(prom ->
                out.add(new PromObserver(prom, ResourcesSection.of(new ConfigLoader(props, env, baseDir)))));
        LogSettingsLoader.load(new ConfigLoader(props, env, baseDir)).ifPresent(logs -> out.add(new LogObserver(logs)));
        return new Observers(out);
    }
}

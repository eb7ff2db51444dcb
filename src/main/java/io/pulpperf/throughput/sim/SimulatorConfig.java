package io.pulpperf.throughput.sim;

import io.pulpperf.throughput.config.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Knobs of the embedded Pulp simulator. Built from code with the {@code with*} methods, or from
 * {@code sim.*} system properties with {@link #fromProperties}.
 *
 * @param port           TCP port on 127.0.0.1; 0 picks a free one
 * @param workers        task workers online at start
 * @param username       the one user, like Pulp's {@code admin}
 * @param password       its password
 * @param apiPath        Pulp's {@code API_ROOT}, e.g. {@code /pulp/} or {@code /api/pulp/}
 * @param domainEnabled  whether URLs carry a domain: {@code {API_ROOT}{domain}/api/v3/}
 * @param serviceTimes   service time by task name (full dotted name or its last part)
 * @param defaultServiceTime for task names not listed
 * @param failureRate    probability in [0, 1] that a task fails instead of completing
 * @param seed           makes random service times and failures reproducible
 * @param apiLatency     added to every API answer, to model a slow API
 * @param testEndpointDuration how long one pulp-service test view request dispatches tasks (25 s in pulp-service)
 */
public record SimulatorConfig(
        int port,
        int workers,
        String username,
        String password,
        String apiPath,
        boolean domainEnabled,
        Map<String, String> serviceTimes,
        String defaultServiceTime,
        double failureRate,
        long seed,
        Duration apiLatency,
        Duration testEndpointDuration) {

    public SimulatorConfig {
        if (workers < 0) throw new IllegalArgumentException("sim.workers must be >= 0, was " + workers);
        if (failureRate < 0 || failureRate > 1) {
            throw new IllegalArgumentException("sim.failureRate must be in [0, 1], was " + failureRate);
        }
        if (!apiPath.startsWith("/") || !apiPath.endsWith("/")) {
            throw new IllegalArgumentException("sim.apiPath must start and end with '/', was '" + apiPath + "'");
        }
        serviceTimes = Map.copyOf(serviceTimes);
    }

    /** Defaults: a free port, 2 workers, admin/password, API root /pulp/, domains off, 20 ms tasks. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(0, 2, "admin", "password", "/pulp/", false, Map.of(), "20ms", 0.0, 42L,
                Duration.ZERO, Duration.ofSeconds(25));
    }

    /** Defaults overridden by {@code sim.*} properties: port, workers, username, password, apiPath,
     * domainEnabled, serviceTime (default), serviceTime.NAME, failureRate, seed, apiLatency,
     * testEndpointDuration. */
    public static SimulatorConfig fromProperties(Properties p) {
        SimulatorConfig d = defaults();
        Map<String, String> times = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("sim.serviceTime.")) times.put(key.substring("sim.serviceTime.".length()), p.getProperty(key));
        }
        SimulatorConfig c = new SimulatorConfig(
                Integer.parseInt(p.getProperty("sim.port", "24817")),
                Integer.parseInt(p.getProperty("sim.workers", String.valueOf(d.workers))),
                p.getProperty("sim.username", d.username),
                p.getProperty("sim.password", d.password),
                p.getProperty("sim.apiPath", d.apiPath),
                Boolean.parseBoolean(p.getProperty("sim.domainEnabled", "false")),
                times,
                p.getProperty("sim.serviceTime", d.defaultServiceTime),
                Double.parseDouble(p.getProperty("sim.failureRate", "0")),
                Long.parseLong(p.getProperty("sim.seed", String.valueOf(d.seed))),
                Durations.parse(p.getProperty("sim.apiLatency", "0ms")),
                Durations.parse(p.getProperty("sim.testEndpointDuration", "25s")));
        c.serviceTimeFor("check");  // validates every service time now, not at the first task
        times.values().forEach(v -> ServiceTime.parse(v, 0));
        return c;
    }

    public SimulatorConfig withPort(int value) {
        return new SimulatorConfig(value, workers, username, password, apiPath, domainEnabled, serviceTimes,
                defaultServiceTime, failureRate, seed, apiLatency, testEndpointDuration);
    }

    public SimulatorConfig withWorkers(int value) {
        return new SimulatorConfig(port, value, username, password, apiPath, domainEnabled, serviceTimes,
                defaultServiceTime, failureRate, seed, apiLatency, testEndpointDuration);
    }

    public SimulatorConfig withCredentials(String user, String pass) {
        return new SimulatorConfig(port, workers, user, pass, apiPath, domainEnabled, serviceTimes,
                defaultServiceTime, failureRate, seed, apiLatency, testEndpointDuration);
    }

    public SimulatorConfig withApiPath(String value, boolean domains) {
        return new SimulatorConfig(port, workers, username, password, value, domains, serviceTimes,
                defaultServiceTime, failureRate, seed, apiLatency, testEndpointDuration);
    }

    /** Service time for one task name (full or last dotted part), e.g. {@code general_create -> 40ms}. */
    public SimulatorConfig withServiceTime(String taskName, String serviceTime) {
        Map<String, String> times = new LinkedHashMap<>(serviceTimes);
        times.put(taskName, serviceTime);
        return new SimulatorConfig(port, workers, username, password, apiPath, domainEnabled, times,
                defaultServiceTime, failureRate, seed, apiLatency, testEndpointDuration);
    }

    public SimulatorConfig withDefaultServiceTime(String value) {
        return new SimulatorConfig(port, workers, username, password, apiPath, domainEnabled, serviceTimes,
                value, failureRate, seed, apiLatency, testEndpointDuration);
    }

    public SimulatorConfig withFailureRate(double value) {
        return new SimulatorConfig(port, workers, username, password, apiPath, domainEnabled, serviceTimes,
                defaultServiceTime, value, seed, apiLatency, testEndpointDuration);
    }

    public SimulatorConfig withApiLatency(Duration value) {
        return new SimulatorConfig(port, workers, username, password, apiPath, domainEnabled, serviceTimes,
                defaultServiceTime, failureRate, seed, value, testEndpointDuration);
    }

    public SimulatorConfig withTestEndpointDuration(Duration value) {
        return new SimulatorConfig(port, workers, username, password, apiPath, domainEnabled, serviceTimes,
                defaultServiceTime, failureRate, seed, apiLatency, value);
    }

    /** The service time model for a task, looked up by full name, then by its last dotted part. */
    ServiceTime serviceTimeFor(String taskName) {
        String shortName = taskName.substring(taskName.lastIndexOf('.') + 1);
        String spec = serviceTimes.getOrDefault(taskName, serviceTimes.getOrDefault(shortName, defaultServiceTime));
        return ServiceTime.parse(spec, seed ^ taskName.hashCode());
    }

    @Override
    public String toString() {
        return "SimulatorConfig[port=" + port + ", workers=" + workers + ", username=" + username
                + ", password=***, apiPath=" + apiPath + ", domainEnabled=" + domainEnabled
                + ", serviceTimes=" + serviceTimes + ", defaultServiceTime=" + defaultServiceTime
                + ", failureRate=" + failureRate + ", seed=" + seed + ", apiLatency=" + apiLatency + "]";
    }
}

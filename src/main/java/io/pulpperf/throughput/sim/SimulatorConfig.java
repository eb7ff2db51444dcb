package io.pulpperf.throughput.sim;

import io.pulpperf.throughput.config.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Knobs of the embedded Pulp simulator. Built from code with the {@code with*} methods, or from
 * {@code sim.*} system properties with {@link #fromProperties} (what {@code mvn compile exec:java@pulp-sim}
 * uses). Property names, in order of the components:
 *
 * <ul>
 *   <li>{@code sim.port} (default 24817 from properties, 0 = a free port from code),
 *       {@code sim.workers} (2): workers online at start; change them while running with
 *       {@code PulpSimulator.setWorkers}</li>
 *   <li>{@code sim.username} / {@code sim.password} ({@code admin} / {@code password})</li>
 *   <li>{@code sim.apiPath} ({@code /pulp/}): Pulp's {@code API_ROOT}; {@code sim.domainEnabled}
 *       (false): URLs become {@code {API_ROOT}{domain}/api/v3/}, any domain name is accepted</li>
 *   <li>{@code sim.serviceTime} (20ms) and {@code sim.serviceTime.NAME}: how long a task runs on a
 *       worker, by full or last dotted task name: {@code 40ms}, {@code exp:40ms} (exponential, mean),
 *       {@code uniform:10ms..50ms}; {@code no_op_task} defaults to 300ms as pulp-service's sleeps 0.3 s;
 *       {@code sim.serviceTime.perWaiting} (0) is no task name: it adds that much per task waiting when a
 *       task starts, see {@link QueueSlowdown}</li>
 *   <li>{@code sim.failureRate} (0): share of tasks that fail with an error instead of completing</li>
 *   <li>{@code sim.seed} (42): seeds random service times and failures</li>
 *   <li>{@code sim.apiLatency} (0ms): added before every API answer</li>
 *   <li>{@code sim.testEndpoints} (true): pulp-service's {@code {API_ROOT}test/tasks/} and
 *       {@code test/random_lock_tasks/}, and PR #535's {@code test/task_throughput/} as written (never
 *       merged; every create after the first fails on the empty base_path); false answers Django's
 *       404 page as stock pulpcore does</li>
 *   <li>{@code sim.testEndpointDuration} (25s): how long one such request dispatches tasks;
 *       {@code sim.testDispatchInterval} (5ms): the pause between two of its dispatches, so one
 *       request cannot create millions of tasks</li>
 *   <li>{@code sim.stallWithoutWorkers} (false): the recorded quirk; tasks dispatched while no
 *       worker is online stay waiting after workers start until another dispatch wakes the queue</li>
 *   <li>{@code sim.fault.*} and {@code sim.apiDown.*}: injected API faults, see {@link FaultPlan}</li>
 *   <li>{@code sim.echoCorrelationId} (true): false models a gateway that strips the
 *       {@code Correlation-ID} request header, so the server neither echoes the client's id nor
 *       stores it as {@code logging_cid} (it makes up its own, as django-guid does)</li>
 *   <li>{@code sim.token} (none): a bearer token accepted besides Basic and sessions, as a
 *       gateway in front of pulp-service does</li>
 *   <li>{@code sim.contention.sigma}, {@code sim.contention.kappa} (0, 0): workers that slow each
 *       other down as the Universal Scalability Law says, see {@link WorkerContention}</li>
 *   <li>{@code sim.workerTtl}, {@code sim.heartbeatLag}, {@code sim.heartbeatLagPerWorker},
 *       {@code sim.heartbeatOutage.N}: how workers heartbeat, see {@link HeartbeatPlan}</li>
 * </ul>
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
        boolean testEndpoints,
        Duration testEndpointDuration,
        Duration testDispatchInterval,
        boolean stallWithoutWorkers,
        FaultPlan faults,
        boolean echoCorrelationId,
        String token,
        WorkerContention contention,
        HeartbeatPlan heartbeats) {

    /** pulp-service's {@code no_op_task} runs {@code SELECT 1} and then {@code sleep(0.3)}. */
    private static final Map<String, String> DEFAULT_SERVICE_TIMES = Map.of("no_op_task", "300ms");

    public SimulatorConfig {
        if (workers < 0) throw new IllegalArgumentException("sim.workers must be >= 0, was " + workers);
        if (failureRate < 0 || failureRate > 1) {
            throw new IllegalArgumentException("sim.failureRate must be in [0, 1], was " + failureRate);
        }
        if (!apiPath.startsWith("/") || !apiPath.endsWith("/")) {
            throw new IllegalArgumentException("sim.apiPath must start and end with '/', was '" + apiPath + "'");
        }
        if (testDispatchInterval.isNegative() || testDispatchInterval.isZero()) {
            throw new IllegalArgumentException("sim.testDispatchInterval must be > 0, was " + testDispatchInterval);
        }
        serviceTimes = Map.copyOf(serviceTimes);
        if (contention == null) contention = WorkerContention.NONE;
    }

    /** Defaults: a free port, 2 workers, admin/password, API root /pulp/, domains off, 20 ms tasks, no faults. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(0, 2, "admin", "password", "/pulp/", false, DEFAULT_SERVICE_TIMES, "20ms", 0.0, 42L,
                Duration.ZERO, true, Duration.ofSeconds(25), Duration.ofMillis(5), false, FaultPlan.none(), true, null,
                WorkerContention.NONE, HeartbeatPlan.defaults());
    }

    /** Defaults overridden by the {@code sim.*} properties listed in the class comment. */
    public static SimulatorConfig fromProperties(Properties p) {
        SimulatorConfig d = defaults();
        Map<String, String> times = new LinkedHashMap<>(DEFAULT_SERVICE_TIMES);
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
                Boolean.parseBoolean(p.getProperty("sim.testEndpoints", "true")),
                Durations.parse(p.getProperty("sim.testEndpointDuration", "25s")),
                Durations.parse(p.getProperty("sim.testDispatchInterval", "5ms")),
                Boolean.parseBoolean(p.getProperty("sim.stallWithoutWorkers", "false")),
                FaultPlan.fromProperties(p),
                Boolean.parseBoolean(p.getProperty("sim.echoCorrelationId", "true")),
                p.getProperty("sim.token"),
                new WorkerContention(Double.parseDouble(p.getProperty("sim.contention.sigma", "0")),
                        Double.parseDouble(p.getProperty("sim.contention.kappa", "0"))),
                HeartbeatPlan.fromProperties(p));
        c.serviceTimeFor("check");  // validates every service time now, not at the first task
        times.values().forEach(v -> ServiceTime.parse(v, 0));
        QueueSlowdown.of(c);  // validates perWaiting too
        return c;
    }

    public SimulatorConfig withPort(int value) {
        return edit(b -> b.port = value);
    }

    public SimulatorConfig withWorkers(int value) {
        return edit(b -> b.workers = value);
    }

    public SimulatorConfig withCredentials(String user, String pass) {
        return edit(b -> {
            b.username = user;
            b.password = pass;
        });
    }

    public SimulatorConfig withApiPath(String value, boolean domains) {
        return edit(b -> {
            b.apiPath = value;
            b.domainEnabled = domains;
        });
    }

    /** Service time for one task name (full or last dotted part), e.g. {@code general_create -> 40ms}. */
    public SimulatorConfig withServiceTime(String taskName, String serviceTime) {
        return edit(b -> b.serviceTimes.put(taskName, serviceTime));
    }

    public SimulatorConfig withDefaultServiceTime(String value) {
        return edit(b -> b.defaultServiceTime = value);
    }

    public SimulatorConfig withFailureRate(double value) {
        return edit(b -> b.failureRate = value);
    }

    public SimulatorConfig withSeed(long value) {
        return edit(b -> b.seed = value);
    }

    public SimulatorConfig withApiLatency(Duration value) {
        return edit(b -> b.apiLatency = value);
    }

    /** Turns pulp-service's test views on or off (off: 404 as on stock pulpcore). */
    public SimulatorConfig withTestEndpoints(boolean value) {
        return edit(b -> b.testEndpoints = value);
    }

    public SimulatorConfig withTestEndpointDuration(Duration value) {
        return edit(b -> b.testEndpointDuration = value);
    }

    public SimulatorConfig withTestDispatchInterval(Duration value) {
        return edit(b -> b.testDispatchInterval = value);
    }

    /** The recorded quirk: tasks dispatched while no worker is online wait for another dispatch. */
    public SimulatorConfig withStallWithoutWorkers(boolean value) {
        return edit(b -> b.stallWithoutWorkers = value);
    }

    public SimulatorConfig withFaults(FaultPlan value) {
        return edit(b -> b.faults = value);
    }

    /** False: the server neither echoes the client's Correlation-ID nor stores it as logging_cid. */
    public SimulatorConfig withEchoCorrelationId(boolean value) {
        return edit(b -> b.echoCorrelationId = value);
    }

    /** Workers that contend and cross-talk, so throughput follows the USL (issue 22). */
    public SimulatorConfig withContention(WorkerContention value) {
        return edit(b -> b.contention = value);
    }

    /** A bearer token the server accepts (null: none). */
    public SimulatorConfig withHeartbeats(HeartbeatPlan value) {
        return edit(b -> b.heartbeats = value);
    }

    public SimulatorConfig withToken(String value) {
        return edit(b -> b.token = value);
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
                + ", failureRate=" + failureRate + ", seed=" + seed + ", apiLatency=" + apiLatency
                + ", testEndpoints=" + testEndpoints + ", testEndpointDuration=" + testEndpointDuration
                + ", testDispatchInterval=" + testDispatchInterval + ", stallWithoutWorkers=" + stallWithoutWorkers
                + ", faults=" + faults + ", echoCorrelationId=" + echoCorrelationId
                + ", token=" + (token == null ? "none" : "***") + ", contention=" + contention + ", heartbeats=" + heartbeats + "]";
    }

    private SimulatorConfig edit(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** A mutable copy, so each {@code with*} method names only what it changes. */
    private static final class Builder {
        int port;
        int workers;
        String username;
        String password;
        String apiPath;
        boolean domainEnabled;
        final Map<String, String> serviceTimes;
        String defaultServiceTime;
        double failureRate;
        long seed;
        Duration apiLatency;
        boolean testEndpoints;
        Duration testEndpointDuration;
        Duration testDispatchInterval;
        boolean stallWithoutWorkers;
        FaultPlan faults;
        boolean echoCorrelationId;
        String token;
        WorkerContention contention;
        HeartbeatPlan heartbeats;

        Builder(SimulatorConfig c) {
            port = c.port;
            workers = c.workers;
            username = c.username;
            password = c.password;
            apiPath = c.apiPath;
            domainEnabled = c.domainEnabled;
            serviceTimes = new LinkedHashMap<>(c.serviceTimes);
            defaultServiceTime = c.defaultServiceTime;
            failureRate = c.failureRate;
            seed = c.seed;
            apiLatency = c.apiLatency;
            testEndpoints = c.testEndpoints;
            testEndpointDuration = c.testEndpointDuration;
            testDispatchInterval = c.testDispatchInterval;
            stallWithoutWorkers = c.stallWithoutWorkers;
            faults = c.faults;
            echoCorrelationId = c.echoCorrelationId;
            token = c.token;
            contention = c.contention;
            heartbeats = c.heartbeats;
        }

        SimulatorConfig build() {
            return new SimulatorConfig(port, workers, username, password, apiPath, domainEnabled, serviceTimes,
                    defaultServiceTime, failureRate, seed, apiLatency, testEndpoints, testEndpointDuration,
                    testDispatchInterval, stallWithoutWorkers, faults, echoCorrelationId, token, contention, heartbeats);
        }
    }
}

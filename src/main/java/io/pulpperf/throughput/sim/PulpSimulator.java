package io.pulpperf.throughput.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-process stand-in for a pulpcore 3.105 API server with pulp_file, on 127.0.0.1. It answers
 * the calls the suite makes the way the recordings in {@code shared/pulp-recordings} show, and
 * runs the dispatched tasks in a {@link TaskEngine} of known capacity.
 *
 * <p>It is a tool for the suite's own tests and for a first look: its numbers say nothing about
 * Pulp's performance.
 */
public final class PulpSimulator implements AutoCloseable {
    static {
        // Read once, when the JDK server's ServerConfig loads, so set before the first server:
        // it writes headers and body separately, and with Nagle on the client waits for the
        // delayed ACK (~40 ms) on every request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Enough for pulp_benchmark's 50 concurrent test-view requests, each held for the view's duration. */
    private static final int HTTP_THREADS = 128;

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final TaskEngine engine;
    private final FaultInjector faults;
    private final AuthGate auth;
    private final StatusViews statusViews;
    private final TaskViews taskViews;
    private final ContentStore content;
    private final ContentViews contentViews;
    private final TestTaskViews testViews;
    private final SimDisruptions disruptions;
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong replacedCorrelationIds = new java.util.concurrent.atomic.AtomicLong();
    private final SimLog log;

    private PulpSimulator(SimulatorConfig config, SimLog log) throws IOException {
        this.config = config;
        this.log = log;
        Domains domains = new Domains();
        this.engine = new TaskEngine(config, domains, log);
        this.faults = new FaultInjector(config.faults());
        this.auth = new AuthGate(config);
        this.statusViews = new StatusViews(engine, config);
        this.taskViews = new TaskViews(engine, faults);
        this.content = new ContentStore();
        this.contentViews = new ContentViews(engine, content, domains, config);
        this.testViews = new TestTaskViews(engine, config, domains, log);
        this.disruptions = new SimDisruptions(engine);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 1024);
        this.executor = Executors.newFixedThreadPool(HTTP_THREADS, r -> {
            Thread t = new Thread(r, "pulp-sim-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a simulator with this configuration; close it to stop. */
    public static PulpSimulator start(SimulatorConfig config) {
        return start(config, SimLog.NONE);
    }

    /** Starts a simulator that writes pulpcore-format logs (issue 26); close it to stop (its logs are closed too). */
    public static PulpSimulator start(SimulatorConfig config, SimLog log) {
        try {
            PulpSimulator sim = new PulpSimulator(config, log);
            sim.server.start();
            return sim;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the Pulp simulator on 127.0.0.1:" + config.port()
                    + " (" + e.getMessage() + "); choose another port with -Dsim.port", e);
        }
    }

    /** The base URL, in the suite's convention: status is at {@code baseUrl() + apiPath + "api/v3/status/"}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The v3 API root URL of the default domain. */
    public URI v3Root() {
        String domainPart = config.domainEnabled() ? Domains.DEFAULT + "/" : "";
        return URI.create(baseUrl() + config.apiPath() + domainPart + "api/v3/");
    }

    public SimulatorConfig config() {
        return config;
    }

    public TaskEngine engine() {
        return engine;
    }

    /** Changes the number of online workers while running. */
    public void setWorkers(int count) {
        engine.setWorkers(count);
    }

    /** The named worker writes no heartbeat for {@code length} from now: it leaves the online set after the TTL, then comes back. */
    public void missHeartbeats(String name, java.time.Duration length) {
        engine.missHeartbeats(name, length);
    }

    /** From now on every request fails with a closed connection (true), or is served again (false). */
    public void setApiDown(boolean down) {
        faults.setApiDown(down);
    }

    /** Replaces the injected-fault plan while running (its seed restarts the decisions). */
    public void setFaultPlan(FaultPlan plan) {
        faults.setPlan(plan);
    }

    /** Requests received so far, answered or not (so a test can prove that none was sent). */
    public long requestCount() {
        return requests.get();
    }

    /**
     * Requests whose Correlation-ID was not a UUID and was replaced, as Pulp does (it logs
     * "django_guid: ... is not a valid GUID" for each); the suite must cause none.
     */
    public long replacedCorrelationIds() {
        return replacedCorrelationIds.get();
    }

    /** Faults injected so far, by kind (only kinds that occurred). */
    public Map<FaultPlan.Kind, Long> injectedFaults() {
        return faults.injected();
    }

    /** Faults injected so far, by the request's method (only methods that got one). */
    public Map<String, Long> injectedFaultsByMethod() {
        return faults.injectedByMethod();
    }

    /**
     * The names of all repositories and distributions the server holds, in every domain, pending
     * distribution creates included: what a client's cleanup has left, read from the state itself.
     */
    public java.util.List<String> objectNames() {
        return content.names();
    }

    /** The log files it writes, empty when it writes none. */
    public java.util.List<java.nio.file.Path> logFiles() {
        return log.files();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        engine.close();
        log.close();
    }

    // --- routing ------------------------------------------------------------------------------

    private void handle(HttpExchange http) throws IOException {
        requests.incrementAndGet();
        SimExchange ex = new SimExchange(http, config.echoCorrelationId());
        ex.log = log;
        if (ex.correlationIdReplaced) replacedCorrelationIds.incrementAndGet();
        try {
            if (ex.path.startsWith(SimDisruptions.PATH)) {  // the disruption switch works whatever the API does
                disruptions.handle(ex);
                return;
            }
            if (faults.apiDown()) {
                ex.dropConnection();
                return;
            }
            FaultPlan.Kind fault = faults.decide(FaultInjector.classify(ex.method, ex.path, config.apiPath()), ex.method);
            if (fault != null && faults.apply(fault, ex)) return;
            if (engine.databaseDown() && FaultInjector.classify(ex.method, ex.path, config.apiPath()) == FaultPlan.Target.DISPATCH) {
                // A failover (issue 28): Django's answer when the database is gone mid-request.
                ex.send(500, "text/html", "<h1>Server Error (500)</h1>".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
                return;
            }
            if (!config.apiLatency().isZero()) {
                TimeUnit.NANOSECONDS.sleep(config.apiLatency().toNanos());
            }
            route(ex);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.close();
        } catch (RuntimeException e) {
            ex.sendJson(500, Map.of("detail", "Internal simulator error: " + e));
        }
    }

    /**
     * Splits a path as pulpcore's {@code urls.py} does: status under {@code {API_ROOT}api/v3/}
     * (and under each domain), router views and {@code login/} under the domain-aware root,
     * pulp-service's test views under {@code {API_ROOT}test/}; anything else is Django's 404 page.
     */
    private void route(SimExchange ex) throws IOException {
        String apiPath = config.apiPath();
        if (!ex.path.startsWith(apiPath)) {
            ex.sendNotFoundPage();
            return;
        }
        String rest = ex.path.substring(apiPath.length());
        if (config.testEndpoints() && (rest.equals("test/tasks/") || rest.equals("test/random_lock_tasks/"))) {
            testViews.dispatchFor(ex, rest.equals("test/random_lock_tasks/"));
            return;
        }
        if (config.testEndpoints() && rest.equals("test/task_throughput/")) {
            testViews.dispatchFor(ex, TestTaskViews.View.TASK_THROUGHPUT);
            return;
        }
        String domain = Domains.DEFAULT;
        String v3Path = apiPath + "api/v3/";
        if (rest.startsWith("api/v3/")) {
            rest = rest.substring("api/v3/".length());
            if (config.domainEnabled() && !rest.equals("status/")) {
                ex.sendNotFoundPage();  // with domains on, everything but status lives under {domain}/
                return;
            }
        } else if (config.domainEnabled() && rest.matches("[^/]+/api/v3/.*")) {
            domain = rest.substring(0, rest.indexOf('/'));
            v3Path = apiPath + domain + "/api/v3/";
            rest = rest.substring(domain.length() + "/api/v3/".length());
        } else {
            ex.sendNotFoundPage();
            return;
        }
        ApiRequest req = new ApiRequest(ex, domain, v3Path, rest);
        if (rest.equals("status/")) {
            statusViews.status(ex);
        } else if (rest.equals("login/")) {
            auth.login(req);
        } else if (auth.authenticate(ex)) {
            routeAuthenticated(req);
        }
    }

    private void routeAuthenticated(ApiRequest req) throws IOException {
        String rest = req.rest();
        if (rest.equals("tasks/")) {
            taskViews.list(req);
        } else if (rest.startsWith("tasks/")) {
            taskViews.detail(req, rest.substring("tasks/".length()));
        } else if (rest.equals("workers/")) {
            statusViews.workers(req);
        } else if (rest.equals("distributions/file/file/")) {
            contentViews.distributions(req);
        } else if (rest.startsWith("distributions/file/file/")) {
            contentViews.distribution(req, rest.substring("distributions/file/file/".length()));
        } else if (rest.equals("repositories/file/file/")) {
            contentViews.repositories(req);
        } else if (rest.startsWith("repositories/file/file/")) {
            contentViews.repository(req, rest.substring("repositories/file/file/".length()));
        } else {
            req.ex().sendNotFoundPage();
        }
    }
}

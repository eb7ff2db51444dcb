package io.pulpperf.throughput.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Decides, per request, whether it gets an injected fault ({@link FaultPlan}) and applies the
 * ones that replace the answer. Decisions come from one seeded random, so a given sequence of
 * requests gets the same faults every run.
 */
final class FaultInjector {
    private final long startNanos = System.nanoTime();
    private volatile FaultPlan plan;
    private volatile boolean switchedDown;
    private Random random;
    private final Map<FaultPlan.Kind, Long> injected = new EnumMap<>(FaultPlan.Kind.class);
    private final Map<String, Long> injectedByMethod = new TreeMap<>();

    FaultInjector(FaultPlan plan) {
        setPlan(plan);
    }

    synchronized void setPlan(FaultPlan value) {
        plan = value;
        random = new Random(value.seed());
    }

    void setApiDown(boolean down) {
        switchedDown = down;
    }

    /** Down by the switch, or inside the plan's outage window. */
    boolean apiDown() {
        if (switchedDown) return true;
        FaultPlan p = plan;
        if (p.downAfter() == null) return false;
        long elapsed = System.nanoTime() - startNanos;
        long from = p.downAfter().toNanos();
        return elapsed >= from && (p.downFor() == null || elapsed < from + p.downFor().toNanos());
    }

    /** The fault for this request, or null. */
    synchronized FaultPlan.Kind decide(FaultPlan.Target target, String method) {
        FaultPlan p = plan;
        if (p.rate() <= 0 || !p.targets().contains(target)) return null;
        if (random.nextDouble() >= p.rate()) return null;
        List<FaultPlan.Kind> kinds = new ArrayList<>(p.kinds());
        kinds.sort(null);  // enum order, so the seed alone fixes the choice
        FaultPlan.Kind kind = kinds.get(random.nextInt(kinds.size()));
        injected.merge(kind, 1L, Long::sum);
        injectedByMethod.merge(method, 1L, Long::sum);
        return kind;
    }

    /** How many faults of each kind were injected so far. */
    synchronized Map<FaultPlan.Kind, Long> injected() {
        return Map.copyOf(injected);
    }

    /** How many faults requests of each method got so far. */
    synchronized Map<String, Long> injectedByMethod() {
        return Map.copyOf(injectedByMethod);
    }

    /** Which kind of endpoint a request is, for {@link FaultPlan#targets()}. */
    static FaultPlan.Target classify(String method, String path, String apiPath) {
        if (path.endsWith("/login/")) return FaultPlan.Target.LOGIN;
        if (path.startsWith(apiPath + "test/")) return FaultPlan.Target.DISPATCH;
        return method.equals("GET") || method.equals("HEAD") ? FaultPlan.Target.READ : FaultPlan.Target.DISPATCH;
    }

    /**
     * Answers a fault that replaces the whole answer; returns false for {@link FaultPlan.Kind#MALFORMED_JSON}
     * and {@link FaultPlan.Kind#SLOW_ANSWER}, which let the request run (the one cutting its body,
     * the other after a pause).
     */
    boolean apply(FaultPlan.Kind kind, SimExchange ex) throws java.io.IOException, InterruptedException {
        FaultPlan p = plan;
        switch (kind) {
            case SERVER_ERROR -> ex.sendJson(p.serverErrorStatus(), serverErrorBody(p, ex));
            case TOO_MANY_REQUESTS -> ex.sendJson(429,
                    Map.of("detail", "Request was throttled. Expected available in " + p.retryAfterSeconds() + " seconds."),
                    Map.of("Retry-After", String.valueOf(p.retryAfterSeconds())));
            case CONNECTION_RESET -> ex.dropConnection();
            case MALFORMED_JSON -> {
                ex.truncateBody = true;
                return false;
            }
            case SLOW_ANSWER -> {
                TimeUnit.NANOSECONDS.sleep(p.slowFor().toNanos());
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> serverErrorBody(FaultPlan p, SimExchange ex) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", "Service Unavailable (injected fault)");
        if (p.errorsEchoRequest()) {
            Map<String, String> headers = new TreeMap<>();
            ex.http.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            body.put("request", Map.of("method", ex.method, "path", ex.path, "headers", headers));
        }
        return body;
    }

    /**
     * Breaks a task list row when the plan says this task is listed broken: the Nth, 3Nth, ...
     * task lose {@code pulp_created}, the 2Nth, 4Nth, ... get {@code state} null.
     *
     * @param seq the task's creation order in the table, from 0
     */
    void breakRow(long seq, ObjectNode row) {
        int every = plan.brokenTaskEvery();
        if (every <= 0 || (seq + 1) % every != 0) return;
        if (((seq + 1) / every) % 2 == 1) {
            row.remove("pulp_created");
        } else if (row.has("state")) {
            row.putNull("state");
        }
    }
}

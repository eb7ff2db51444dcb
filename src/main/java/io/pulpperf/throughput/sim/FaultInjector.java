package io.pulpperf.throughput.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
    synchronized FaultPlan.Kind decide(FaultPlan.Target target) {
        FaultPlan p = plan;
        if (p.rate() <= 0 || !p.targets().contains(target)) return null;
        if (random.nextDouble() >= p.rate()) return null;
        List<FaultPlan.Kind> kinds = new ArrayList<>(p.kinds());
        kinds.sort(null);  // enum order, so the seed alone fixes the choice
        return kinds.get(random.nextInt(kinds.size()));
    }

    /** Which kind of endpoint a request is, for {@link FaultPlan#targets()}. */
    static FaultPlan.Target classify(String method, String path, String apiPath) {
        if (path.endsWith("/login/")) return FaultPlan.Target.LOGIN;
        if (path.startsWith(apiPath + "test/")) return FaultPlan.Target.DISPATCH;
        return method.equals("GET") || method.equals("HEAD") ? FaultPlan.Target.READ : FaultPlan.Target.DISPATCH;
    }

    /**
     * Answers a fault that replaces the whole answer; returns false for {@link FaultPlan.Kind#MALFORMED_JSON},
     * which lets the request run and cuts its body.
     */
    boolean apply(FaultPlan.Kind kind, SimExchange ex) throws java.io.IOException {
        FaultPlan p = plan;
        switch (kind) {
            case SERVER_ERROR -> ex.sendJson(p.serverErrorStatus(), Map.of("detail", "Service Unavailable (injected fault)"));
            case TOO_MANY_REQUESTS -> ex.sendJson(429,
                    Map.of("detail", "Request was throttled. Expected available in " + p.retryAfterSeconds() + " seconds."),
                    Map.of("Retry-After", String.valueOf(p.retryAfterSeconds())));
            case CONNECTION_RESET -> ex.dropConnection();
            case MALFORMED_JSON -> {
                ex.truncateBody = true;
                return false;
            }
        }
        return true;
    }
}

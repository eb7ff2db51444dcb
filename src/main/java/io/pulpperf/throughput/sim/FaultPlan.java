package io.pulpperf.throughput.sim;

import io.pulpperf.throughput.config.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * API faults the simulator injects, so a client's error handling can be tested. Real pulpcore
 * has no rate limiting and rarely answers 5xx by itself; these faults model what a gateway, a
 * proxy or an overloaded gunicorn in front of it does (fact sheet section 7).
 *
 * @param rate              probability in [0, 1] that a targeted request gets a fault
 * @param kinds             the faults to choose from (uniformly, with the seeded random)
 * @param targets           which requests can get a fault
 * @param seed              makes the sequence of decisions reproducible for a given request order
 * @param serverErrorStatus the status of {@link Kind#SERVER_ERROR}, 500..599 (503 by default)
 * @param retryAfterSeconds the {@code Retry-After} of {@link Kind#TOO_MANY_REQUESTS}
 * @param downAfter         when set, every request fails (connection closed) from this long after
 *                          the start; null = never by itself (see {@code PulpSimulator.setApiDown})
 * @param downFor           how long that outage lasts; null = until switched back by code
 * @param slowFor           how long {@link Kind#SLOW_ANSWER} holds an answer back (5 s by default)
 * @param brokenTaskEvery   when > 0, every such task of the table (the Nth, 2Nth, ... by creation
 *                          order) is listed by {@code tasks/} with a required field broken:
 *                          alternately without {@code pulp_created} and with {@code state} null.
 *                          Independent of {@code rate}: the same tasks are broken on every read, as
 *                          a row a server cannot serialise would be
 * @param errorsEchoRequest {@link Kind#SERVER_ERROR} bodies quote the request's headers, as a debug
 *                          error page or a chatty proxy does (credentials included)
 */
public record FaultPlan(double rate, Set<Kind> kinds, Set<Target> targets, long seed, int serverErrorStatus,
                        int retryAfterSeconds, Duration downAfter, Duration downFor, Duration slowFor,
                        int brokenTaskEvery, boolean errorsEchoRequest) {

    /** What goes wrong with one request. */
    public enum Kind {
        /** A 5xx with a JSON body, before the request is handled (no side effect). */
        SERVER_ERROR,
        /** 429 with {@code Retry-After}, before the request is handled (no side effect). */
        TOO_MANY_REQUESTS,
        /** The connection is closed without any answer, before the request is handled. */
        CONNECTION_RESET,
        /** The request is handled (side effects happen), then the JSON body is cut in half. */
        MALFORMED_JSON,
        /**
         * The answer is held back for {@code slowFor}, then the request is handled as usual: a
         * client with a shorter read timeout sees no answer, yet a dispatch still creates its task.
         */
        SLOW_ANSWER
    }

    /** Which requests a fault can hit. */
    public enum Target {
        /**
         * Every request but GET/HEAD and login: dispatches, and also fixture creates, cleanup
         * deletes, cancels and OPTIONS; and pulp-service's dispatching test views.
         */
        DISPATCH,
        /** Read-only GET/HEAD: tasks, status, workers, lists. */
        READ,
        /** {@code login/}. */
        LOGIN
    }

    public FaultPlan {
        if (rate < 0 || rate > 1) throw new IllegalArgumentException("fault rate must be in [0, 1], was " + rate);
        if (serverErrorStatus < 500 || serverErrorStatus > 599) {
            throw new IllegalArgumentException("fault server error status must be 5xx, was " + serverErrorStatus);
        }
        if (retryAfterSeconds < 0) throw new IllegalArgumentException("Retry-After must be >= 0, was " + retryAfterSeconds);
        if (rate > 0 && kinds.isEmpty()) throw new IllegalArgumentException("a fault rate > 0 needs at least one fault kind");
        if (slowFor.isNegative()) throw new IllegalArgumentException("slowFor must be >= 0, was " + slowFor);
        if (brokenTaskEvery < 0) throw new IllegalArgumentException("brokenTaskEvery must be >= 0, was " + brokenTaskEvery);
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        targets = targets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(targets));
    }

    /** No faults at all. */
    public static FaultPlan none() {
        return of(0);
    }

    /** Faults of these kinds on dispatch and read requests at this rate. */
    public static FaultPlan of(double rate, Kind... kinds) {
        return new FaultPlan(rate, Set.of(kinds), Set.of(Target.DISPATCH, Target.READ), 1L, 503, 1, null, null,
                Duration.ofSeconds(5), 0, false);
    }

    /** Faults on these requests only. */
    public FaultPlan withTargets(Target... value) {
        return edit(b -> b.targets = Set.of(value));
    }

    public FaultPlan withSeed(long value) {
        return edit(b -> b.seed = value);
    }

    public FaultPlan withServerErrorStatus(int value) {
        return edit(b -> b.serverErrorStatus = value);
    }

    public FaultPlan withRetryAfterSeconds(int value) {
        return edit(b -> b.retryAfterSeconds = value);
    }

    /** The API goes down {@code after} the start, for {@code length} (null = until switched back). */
    public FaultPlan withDownWindow(Duration after, Duration length) {
        return edit(b -> {
            b.downAfter = after;
            b.downFor = length;
        });
    }

    /** How long {@link Kind#SLOW_ANSWER} holds an answer back. */
    public FaultPlan withSlowFor(Duration value) {
        return edit(b -> b.slowFor = value);
    }

    /** Every {@code n}th task is listed with a required field missing or null (0 = none). */
    public FaultPlan withBrokenTaskEvery(int n) {
        return edit(b -> b.brokenTaskEvery = n);
    }

    /** Injected 5xx bodies quote the request's headers. */
    public FaultPlan withErrorsEchoingRequest(boolean value) {
        return edit(b -> b.errorsEchoRequest = value);
    }

    private FaultPlan edit(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new FaultPlan(b.rate, b.kinds, b.targets, b.seed, b.serverErrorStatus, b.retryAfterSeconds, b.downAfter,
                b.downFor, b.slowFor, b.brokenTaskEvery, b.errorsEchoRequest);
    }

    /** A mutable copy, so each {@code with*} method names only what it changes. */
    private static final class Builder {
        double rate;
        Set<Kind> kinds;
        Set<Target> targets;
        long seed;
        int serverErrorStatus;
        int retryAfterSeconds;
        Duration downAfter;
        Duration downFor;
        Duration slowFor;
        int brokenTaskEvery;
        boolean errorsEchoRequest;

        Builder(FaultPlan p) {
            rate = p.rate;
            kinds = p.kinds;
            targets = p.targets;
            seed = p.seed;
            serverErrorStatus = p.serverErrorStatus;
            retryAfterSeconds = p.retryAfterSeconds;
            downAfter = p.downAfter;
            downFor = p.downFor;
            slowFor = p.slowFor;
            brokenTaskEvery = p.brokenTaskEvery;
            errorsEchoRequest = p.errorsEchoRequest;
        }
    }

    /**
     * Reads {@code sim.fault.rate}, {@code sim.fault.kinds} (comma list of {@code 5xx}, {@code 429},
     * {@code reset}, {@code malformed}, {@code slow}), {@code sim.fault.targets} ({@code dispatch}, {@code read},
     * {@code login}, or {@code all} for every request), {@code sim.fault.seed}, {@code sim.fault.status}, {@code sim.fault.retryAfter}
     * (seconds), {@code sim.apiDown.after} and {@code sim.apiDown.for} (durations),
     * {@code sim.fault.slowFor} (duration), {@code sim.fault.brokenTaskEvery} (a count) and
     * {@code sim.fault.echoRequest} (true/false).
     */
    static FaultPlan fromProperties(Properties p) {
        FaultPlan d = none();
        String kindsText = p.getProperty("sim.fault.kinds", "");
        Set<Kind> kinds = kindsText.isBlank() ? Set.of() : parseList(kindsText, FaultPlan::kind, Kind.class);
        String targetsText = p.getProperty("sim.fault.targets", "dispatch,read");
        Set<Target> targets = targetsText.trim().equalsIgnoreCase("all") ? EnumSet.allOf(Target.class)
                : parseList(targetsText, t -> Target.valueOf(t.toUpperCase(Locale.ROOT)), Target.class);
        String after = p.getProperty("sim.apiDown.after");
        String length = p.getProperty("sim.apiDown.for");
        return new FaultPlan(
                Double.parseDouble(p.getProperty("sim.fault.rate", "0")),
                kinds, targets,
                Long.parseLong(p.getProperty("sim.fault.seed", String.valueOf(d.seed))),
                Integer.parseInt(p.getProperty("sim.fault.status", String.valueOf(d.serverErrorStatus))),
                Integer.parseInt(p.getProperty("sim.fault.retryAfter", String.valueOf(d.retryAfterSeconds))),
                after == null ? null : Durations.parse(after),
                length == null ? null : Durations.parse(length),
                Durations.parse(p.getProperty("sim.fault.slowFor", "5s")),
                Integer.parseInt(p.getProperty("sim.fault.brokenTaskEvery", "0")),
                Boolean.parseBoolean(p.getProperty("sim.fault.echoRequest", "false")));
    }

    private static Kind kind(String text) {
        return switch (text) {
            case "5xx", "503", "500", "502", "504", "server_error" -> Kind.SERVER_ERROR;
            case "429", "too_many_requests" -> Kind.TOO_MANY_REQUESTS;
            case "reset", "connection_reset" -> Kind.CONNECTION_RESET;
            case "malformed", "malformed_json" -> Kind.MALFORMED_JSON;
            case "slow", "slow_answer" -> Kind.SLOW_ANSWER;
            default -> throw new IllegalArgumentException(
                    "unknown fault kind '" + text + "'; expected 5xx, 429, reset, malformed or slow");
        };
    }

    private static <E extends Enum<E>> Set<E> parseList(String text, java.util.function.Function<String, E> parse, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        Arrays.stream(text.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .map(parse).forEach(set::add);
        return set;
    }
}

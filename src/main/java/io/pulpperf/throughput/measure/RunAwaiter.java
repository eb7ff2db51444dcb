package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.DeadlinePassedException;
import io.pulpperf.throughput.pulp.PulpApiException;
import io.pulpperf.throughput.pulp.PulpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Waits with Awaitility until none of a run's tasks is waiting, running or canceling. Each poll
 * is one small request ({@code limit=1}: only the count is read). Fails fast, with the last known
 * count, when the API stops answering, instead of sitting out the whole timeout.
 *
 * <p>Also watches for stalls: a real Pulp (seen on 3.105) can leave tasks waiting while workers
 * are online and idle, until something wakes the queue. When the count has not moved for the
 * stall period, no task of the run is running and workers are online, that is named and the
 * caller's {@code onStall} runs (once per stall).
 */
public final class RunAwaiter {
    /** Bound on the status call that names the workers left when a wait timed out. */
    private static final Duration LAST_LOOK = Duration.ofSeconds(5);

    private final PulpClient client;
    private final Duration pollInterval;
    private final int maxConsecutiveErrors;
    private final Duration stallPeriod;

    public RunAwaiter(PulpClient client, Duration pollInterval, int maxConsecutiveErrors, Duration stallPeriod) {
        this.client = client;
        this.pollInterval = pollInterval;
        this.maxConsecutiveErrors = maxConsecutiveErrors;
        this.stallPeriod = stallPeriod;
    }

    /**
     * How the wait ended.
     *
     * @param finished       every task reached a final state
     * @param lastUnfinished unfinished tasks at the last good poll (-1 if none succeeded)
     * @param polls          polls sent
     * @param problem        why it ended early, else null
     * @param stalls         stalls seen, in words
     */
    public record Outcome(boolean finished, long lastUnfinished, int polls, String problem, List<String> stalls) {}

    /** Waits for the run's tasks; see {@link #awaitFinished(Map, Duration, Consumer, Runnable)}. */
    public Outcome awaitFinished(Map<String, String> runFilter, Duration timeout, Consumer<Long> progress) {
        return awaitFinished(runFilter, timeout, progress, () -> { });
    }

    /**
     * Waits at most {@code timeout}; {@code progress} gets the unfinished count after each poll.
     * Never throws for a timeout or a dead API: the outcome says so, and the caller still collects.
     *
     * @param runFilter task list parameters that select the run's tasks (e.g. its logging_cid)
     */
    public Outcome awaitFinished(Map<String, String> runFilter, Duration timeout, Consumer<Long> progress, Runnable onStall) {
        // Awaitility's atMost does not cut a poll that hangs: each poll must end by the wait's end itself.
        PulpClient bounded = client.until(Instant.now().plus(timeout));
        AtomicLong unfinished = new AtomicLong(-1);
        AtomicInteger pollCount = new AtomicInteger();
        AtomicInteger consecutiveErrors = new AtomicInteger();
        AtomicReference<String> lastError = new AtomicReference<>();
        List<String> stalls = new ArrayList<>();
        long[] unchangedSince = {System.nanoTime()};
        boolean[] stallReported = {false};
        Map<String, String> query = new LinkedHashMap<>(runFilter);
        query.put("state__in", "waiting,running,canceling");
        query.put("fields", "pulp_href");
        query.put("limit", "1");
        try {
            Awaitility.await("tasks of the run to finish")
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(pollInterval)
                    .failFast("the tasks API stopped answering", () -> consecutiveErrors.get() >= maxConsecutiveErrors)
                    .until(() -> {
                        pollCount.incrementAndGet();
                        try {
                            long n = bounded.tasks(query).count();
                            consecutiveErrors.set(0);
                            if (n != unfinished.getAndSet(n)) {
                                unchangedSince[0] = System.nanoTime();
                                stallReported[0] = false;
                            } else if (n > 0 && !stallReported[0]
                                    && System.nanoTime() - unchangedSince[0] >= stallPeriod.toNanos()) {
                                String stall = stall(bounded, runFilter, n);
                                if (stall != null) {
                                    stallReported[0] = true;
                                    stalls.add(stall);
                                    onStall.run();
                                }
                            }
                            progress.accept(n);
                            return n == 0;
                        } catch (DeadlinePassedException e) {
                            return false;  // the wait's own end, not a failed poll: Awaitility times out next
                        } catch (PulpApiException e) {
                            consecutiveErrors.incrementAndGet();
                            lastError.set(e.getMessage());
                            return false;
                        }
                    });
            return new Outcome(true, 0, pollCount.get(), null, stalls);
        } catch (ConditionTimeoutException e) {
            String stalled = stalls.isEmpty() ? "" : " (" + stalls.get(stalls.size() - 1) + ")";
            String left = unfinished.get() < 0 ? "no poll answered" : unfinished.get() + " tasks still unfinished";
            return new Outcome(false, unfinished.get(), pollCount.get(), "timed out after " + timeout.toSeconds() + " s with "
                    + left + (consecutiveErrors.get() == 0 ? workersAtTheEnd() : "") + stalled, stalls);
        } catch (TerminalFailureException e) {
            return new Outcome(false, unfinished.get(), pollCount.get(), "the tasks API stopped answering after "
                    + consecutiveErrors.get() + " failed polls in a row ("
                    + (unfinished.get() < 0 ? "no poll was answered" : "last known unfinished: " + unfinished.get()) + "): "
                    + lastError.get(), stalls);
        }
    }

    /**
     * How many workers were online when the wait timed out (none left is the usual reason); one
     * short look, asked only when the last poll was answered.
     */
    private String workersAtTheEnd() {
        try {
            return ", " + client.until(Instant.now().plus(LAST_LOOK)).status().workerCount() + " workers online at the end";
        } catch (PulpApiException e) {
            return "";
        }
    }

    /** Names a stall when none of the run's tasks runs although workers are online; else null. */
    private String stall(PulpClient bounded, Map<String, String> runFilter, long unfinished) {
        Map<String, String> running = new LinkedHashMap<>(runFilter);
        running.put("state", "running");
        running.put("fields", "pulp_href");
        running.put("limit", "1");
        if (bounded.tasks(running).count() > 0) return null;
        int workers = bounded.status().workerCount();
        if (workers == 0) return null;
        return "stall: " + unfinished + " tasks waiting while " + workers + " workers were online and none of the run's tasks ran for "
                + stallPeriod.toSeconds() + " s";
    }
}

package io.pulpperf.throughput.measure;

import org.awaitility.Awaitility;

import io.pulpperf.throughput.pulp.PulpApiException;
import io.pulpperf.throughput.pulp.PulpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits with Awaitility until none of a run's tasks is waiting, running or canceling. Each poll
 * is one small request ({@code limit=1}, only the count is read). Fails fast, with the last known
 * count, when the API stops answering instead of sitting out the whole timeout.
 */
public final class RunAwaiter {
    private final PulpClient client;
    private final Duration pollInterval;
    private final int maxConsecutiveErrors;

    public RunAwaiter(PulpClient client, Duration pollInterval, int maxConsecutiveErrors) {
        this.client = client;
        this.pollInterval = pollInterval;
        this.maxConsecutiveErrors = maxConsecutiveErrors;
    }

    /** How the wait ended. */
    public record Outcome(boolean finished, long lastUnfinished, int polls, String problem) {}

    /**
     * Waits at most {@code timeout}; {@code progress} gets the unfinished count after each poll.
     * Never throws for a timeout or a dead API: the outcome says so, and the caller still collects.
     */
    public Outcome awaitFinished(String correlationId, Duration timeout, Consumer<Long> progress) {
        AtomicLong unfinished = new AtomicLong(-1);
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger consecutiveErrors = new AtomicInteger();
        AtomicReference<String> lastError = new AtomicReference<>();
        Map<String, String> query = Map.of("logging_cid", correlationId, "state__in", "waiting,running,canceling",
                "fields", "pulp_href", "limit", "1");
        try {
            Awaitility.await("tasks of run " + correlationId + " to finish")
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(pollInterval)
                    .failFast("the tasks API stopped answering", () -> consecutiveErrors.get() >= maxConsecutiveErrors)
                    .until(() -> {
                        polls.incrementAndGet();
                        try {
                            long n = client.tasks(query).count();
                            consecutiveErrors.set(0);
                            unfinished.set(n);
                            progress.accept(n);
                            return n == 0;
                        } catch (PulpApiException e) {
                            consecutiveErrors.incrementAndGet();
                            lastError.set(e.getMessage());
                            return false;
                        }
                    });
            return new Outcome(true, 0, polls.get(), null);
        } catch (ConditionTimeoutException e) {
            return new Outcome(false, unfinished.get(), polls.get(),
                    "timed out after " + timeout.toSeconds() + " s with " + unfinished.get() + " tasks still unfinished");
        } catch (org.awaitility.core.TerminalFailureException e) {
            return new Outcome(false, unfinished.get(), polls.get(), "the tasks API stopped answering after "
                    + consecutiveErrors.get() + " failed polls (last known unfinished: " + unfinished.get() + "): " + lastError.get());
        }
    }
}

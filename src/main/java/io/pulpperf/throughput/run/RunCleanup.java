package io.pulpperf.throughput.run;

import io.pulpperf.throughput.measure.RunAwaiter;
import io.pulpperf.throughput.pulp.DeadlinePassedException;
import io.pulpperf.throughput.pulp.NamedObject;
import io.pulpperf.throughput.pulp.PulpApiException;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.PulpTask;
import io.pulpperf.throughput.pulp.TaskPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes what a run created, found by the run's own name prefix, however the run ended. Round
 * after round: list the prefix, delete each object (retried like a read; one that fails does not
 * stop the others), wait for the delete tasks, list again; until a listing finds nothing while no
 * task of the run is still at work (it could create more), or the bound ends, or the API has
 * failed {@code deadRounds} rounds in a row. Only then is what is left reported. Tasks of the run
 * that would create objects are canceled while still waiting, so a queue left by a timeout
 * creates nothing afterwards.
 */
final class RunCleanup {
    /** Rounds are paced by listings and waits; this only bounds their count. */
    private static final int MAX_ROUNDS = 1_000;
    private static final int CANCEL_PAGE = 1_000;
    /** Ten million waiting tasks at most, far more than a run dispatches. */
    private static final int MAX_CANCEL_PAGES = 10_000;

    /**
     * How a cleanup ended.
     *
     * @param deleted       delete requests that were answered (404 included: gone already)
     * @param failedDeletes delete requests that failed after their tries (tried again next round)
     * @param rounds        listings tried
     * @param left          what the last listing found, or null when no listing succeeded
     * @param busyTasks     tasks of the run still waiting or running at the last look (they may create more)
     * @param lastError     the last failure, or null
     */
    record Outcome(int deleted, int failedDeletes, int rounds, List<NamedObject> left, long busyTasks, String lastError) {
        boolean clean() {
            return left != null && left.isEmpty() && busyTasks == 0;
        }
    }

    private final PulpClient api;
    private final RunAwaiter awaiter;
    private final Duration pause;
    private final int deadRounds;

    /**
     * @param api        the client (with the cleanup's own Correlation-ID, bounded by the run's hard stop)
     * @param awaiter    waits for the cleanup's delete tasks
     * @param pause      between two rounds that dispatched nothing
     * @param deadRounds failed rounds in a row after which the API counts as gone
     */
    RunCleanup(PulpClient api, RunAwaiter awaiter, Duration pause, int deadRounds) {
        this.api = api;
        this.awaiter = awaiter;
        this.pause = pause;
        this.deadRounds = deadRounds;
    }

    /**
     * @param listPaths   where the run's objects are listed
     * @param prefix      the run's name prefix
     * @param runTasks    task list parameters selecting the run's own tasks that create objects, one set per
     *                    Correlation-ID they were dispatched under: those still waiting are canceled (a queue left
     *                    by a timeout would create after the cleanup), those running are waited for; empty when none
     * @param cleanupTasks task list parameters selecting the cleanup's delete tasks
     * @param settle      when not zero, a listing that finds nothing is repeated once this much later: a
     *                    request the server held past the client's timeout may still create an object
     * @param bound       nothing is sent after it
     */
    Outcome run(List<String> listPaths, String prefix, List<Map<String, String>> runTasks, Map<String, String> cleanupTasks,
                Duration settle, Instant bound) {
        int deleted = 0;
        int failedDeletes = 0;
        int failedInRow = 0;
        int rounds = 0;
        List<NamedObject> left = null;
        long busy = 0;
        String lastError = null;
        boolean settled = settle.isZero();
        while (rounds < MAX_ROUNDS && Instant.now().isBefore(bound) && failedInRow < deadRounds
                && !Thread.currentThread().isInterrupted()) {
            rounds++;
            try {
                busy = 0;
                for (Map<String, String> tasksOf : runTasks) {
                    long unfinished = unfinished(tasksOf);
                    if (unfinished > 0) {
                        String failed = cancelWaiting(tasksOf, bound);
                        if (failed != null) lastError = failed;
                        unfinished = unfinished(tasksOf);
                    }
                    busy += unfinished;
                }
                left = list(listPaths, prefix);
                if (left.isEmpty() && busy == 0) {
                    if (settled) break;
                    settled = true;
                    sleepUntil(Instant.now().plus(halfOfWhatIsLeft(settle, bound)), bound);
                    continue;
                }
                int failed = 0;
                int tasks = 0;
                for (NamedObject o : left) {
                    try {
                        if (api.delete(o.href()).isPresent()) tasks++;
                        deleted++;
                    } catch (DeadlinePassedException e) {
                        throw e;
                    } catch (PulpApiException e) {
                        failed++;
                        lastError = o.name() + ": " + e.getMessage();
                    }
                }
                failedDeletes += failed;
                failedInRow = !left.isEmpty() && failed == left.size() ? failedInRow + 1 : 0;
                Duration toBound = Duration.between(Instant.now(), bound);
                if (tasks > 0 && toBound.compareTo(Duration.ofMillis(100)) > 0) {
                    RunAwaiter.Outcome done = awaiter.awaitFinished(cleanupTasks, toBound, n -> { });
                    if (!done.finished()) lastError = "the cleanup's delete tasks did not finish: " + done.problem();
                } else {
                    sleepUntil(Instant.now().plus(pause), bound);  // the run's tasks are still at work, or every delete failed
                }
            } catch (DeadlinePassedException e) {
                break;
            } catch (PulpApiException e) {
                failedInRow++;
                lastError = e.getMessage();
                sleepUntil(Instant.now().plus(pause), bound);
            }
        }
        return new Outcome(deleted, failedDeletes, rounds, left, busy, lastError);
    }

    /**
     * Cancels the run's tasks still waiting, page by page (a canceled task leaves the
     * {@code state=waiting} list, so the first page is asked again); returns the last failure, or null.
     */
    private String cancelWaiting(Map<String, String> runTasks, Instant bound) {
        Map<String, String> query = new LinkedHashMap<>(runTasks);
        query.put("state", "waiting");
        query.put("fields", "pulp_href,state,pulp_created");
        query.put("limit", String.valueOf(CANCEL_PAGE));
        String failed = null;
        for (int page = 0; page < MAX_CANCEL_PAGES && Instant.now().isBefore(bound); page++) {
            TaskPage waiting = api.tasks(query);
            int canceled = 0;
            for (PulpTask t : waiting.tasks()) {
                try {
                    api.cancelTask(t.href());
                    canceled++;
                } catch (DeadlinePassedException e) {
                    throw e;
                } catch (PulpApiException e) {
                    failed = "canceling " + t.href() + ": " + e.getMessage();
                }
            }
            if (canceled == 0 || !waiting.hasNext()) break;  // all done, or no progress to build on
        }
        return failed;
    }

    /** The run's tasks that may still create something: a canceling one never will. */
    private long unfinished(Map<String, String> runTasks) {
        Map<String, String> query = new LinkedHashMap<>(runTasks);
        query.put("state__in", "waiting,running");
        query.put("fields", "pulp_href");
        query.put("limit", "1");
        return api.tasks(query).count();
    }

    private List<NamedObject> list(List<String> listPaths, String prefix) {
        List<NamedObject> found = new ArrayList<>();
        for (String path : listPaths) found.addAll(api.objectsByNamePrefix(path, prefix));
        return found;
    }

    /** The settle pause, cut so a last listing still fits before the bound. */
    private static Duration halfOfWhatIsLeft(Duration settle, Instant bound) {
        Duration half = Duration.between(Instant.now(), bound).dividedBy(2);
        return half.compareTo(settle) < 0 ? half : settle;
    }

    private static void sleepUntil(Instant until, Instant bound) {
        long millis = Duration.between(Instant.now(), until.isBefore(bound) ? until : bound).toMillis();
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // the loop ends on it
        }
    }
}

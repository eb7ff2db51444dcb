package io.pulpperf.throughput.bench;

import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.measure.RunAnalyzer;
import io.pulpperf.throughput.measure.RunAwaiter;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.measure.TaskCollector;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.run.RunFilter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Scale and footprint (issue 9, parts 3 and 4): waits for and collects every task of one
 * {@code logging_cid} from a Pulp (the standalone simulator preloaded with {@code -Dsim.preload=N}),
 * exactly as a scenario does after dispatch: {@link RunAwaiter} polls, {@link TaskCollector} pages
 * by keyset with {@code fields=}, each task streams into {@link RunAnalyzer} and {@link RawTaskCsv}.
 * Prints one line of figures; run it with the heap capped ({@code -Xmx256m}) to prove the footprint.
 *
 * <pre>
 * java -Xmx256m -cp ... io.pulpperf.throughput.bench.CollectBench collect BASE_URL CID EXPECTED_TASKS OUT_DIR
 * java -Xmx256m -cp ... io.pulpperf.throughput.bench.CollectBench live BASE_URL TASKS OUT_DIR
 * </pre>
 *
 * <p>{@code live} first dispatches TASKS tasks itself (pulp-service's test view, one task per
 * request, 32 clients) and then waits and collects, so the waiting polls over a real drain are
 * counted too. Page size 1000 and a 500 ms poll interval, the suite's defaults.
 */
public final class CollectBench {
    private CollectBench() {}

    /**
     * What one collection cost.
     *
     * @param tasks          tasks collected and analysed
     * @param pages          task pages requested by the collector
     * @param polls          waiting polls (one per poll interval)
     * @param waitSeconds    how long the wait took
     * @param pollIntervals  poll intervals in the wait, rounded up (the target: polls at most this plus one)
     * @param requests       every read request the suite's client sent (polls, pages, status, retries)
     * @param seconds        wall time of collection and analysis (pages, parsing, analysis, CSV, final figures)
     * @param peakHeapMb     the most heap in use (garbage included) when a garbage collection began
     * @param liveHeapMb     the most heap still in use right after a garbage collection (what the run kept)
     * @param maxHeapMb      the heap cap ({@code -Xmx})
     * @param csvBytes       size of the raw CSV written
     * @param completed      tasks the analysis counted completed (must equal tasks)
     * @param lost           accepted tasks never collected (must be 0)
     */
    public record Result(long tasks, int pages, int polls, double waitSeconds, long pollIntervals, long requests, double seconds, long peakHeapMb, long liveHeapMb, long maxHeapMb,
                         long csvBytes, long completed, long lost) {
        public double tasksPerSecond() {
            return seconds > 0 ? tasks / seconds : 0;
        }

        public double pagesPer1000() {
            return tasks > 0 ? pages * 1000.0 / tasks : 0;
        }

        public double requestsPer1000() {
            return tasks > 0 ? requests * 1000.0 / tasks : 0;
        }

        public String line() {
            return String.format(Locale.ROOT, "collect tasks=%d pages=%d polls=%d wait_s=%.3f poll_intervals=%d requests=%d "
                    + "seconds=%.3f tasks_per_s=%.0f pages_per_1000=%.3f requests_per_1000=%.3f peak_heap_mb=%d live_heap_mb=%d max_heap_mb=%d csv_mb=%.1f completed=%d lost=%d",
                    tasks, pages, polls, waitSeconds, pollIntervals, requests, seconds, tasksPerSecond(), pagesPer1000(), requestsPer1000(), peakHeapMb,
                    liveHeapMb, maxHeapMb, csvBytes / 1e6, completed, lost);
        }
    }

    static final int PAGE_SIZE = 1000;
    static final Duration POLL = Duration.ofMillis(500);

    public static void main(String[] args) throws IOException {
        if (args.length < 4 || !List.of("collect", "live", "whole").contains(args[0]) || args[0].equals("collect") && args.length < 5) {
            System.err.println("usage: CollectBench collect BASE_URL CID EXPECTED_TASKS OUT_DIR | live|whole BASE_URL TASKS OUT_DIR");
            System.exit(2);
        }
        Target target = new Target(URI.create(args[1]), "/pulp/", null, new Credentials("admin", "password"));
        long expected;
        String cid;
        Path out;
        long dispatched = 0;
        double dispatchSeconds = 0;
        LiveHeap heap = new LiveHeap();
        List<io.pulpperf.throughput.load.DispatchRecord> records = List.of();
        if (args[0].equals("collect")) {
            cid = args[2];
            expected = Long.parseLong(args[3]);
            out = Path.of(args[4]);
        } else {
            expected = Integer.parseInt(args[2]);
            out = Path.of(args[3]);
            cid = io.pulpperf.throughput.pulp.CorrelationIds.newRun();  // a UUID, or Pulp would replace it
            long t = System.nanoTime();
            if (args[0].equals("live")) {
                dispatched = dispatch(target, cid, (int) expected);
            } else {
                // The whole client side of a run: every dispatch record is kept until the analysis, as a scenario does.
                records = dispatchDistributions(target, cid, (int) expected);
                dispatched = records.stream().mapToLong(io.pulpperf.throughput.load.DispatchRecord::tasks).sum();
            }
            dispatchSeconds = (System.nanoTime() - t) / 1e9;
            expected = dispatched;  // the last requests in flight may add a few beyond TASKS
        }
        Result r = run(target, cid, out, PAGE_SIZE, POLL, Duration.ofMinutes(10),
                io.pulpperf.throughput.run.ScenarioRunner.hrefsOf(records), heap);
        System.out.println(r.line() + (!args[0].equals("collect")
                ? String.format(Locale.ROOT, " dispatched=%d dispatch_s=%.3f records=%d", dispatched, dispatchSeconds, records.size())
                : ""));
        System.exit(r.tasks() == expected && r.completed() == expected && r.lost() == 0 ? 0 : 1);
    }

    /** Creates {@code tasks} file distributions (one task each, its href in the answer) with this Correlation-ID. */
    static List<io.pulpperf.throughput.load.DispatchRecord> dispatchDistributions(Target target, String cid, int tasks) {
        io.pulpperf.throughput.load.Dispatcher d = new io.pulpperf.throughput.load.Dispatcher(
                io.pulpperf.throughput.load.Dispatcher.newHttpClient(Duration.ofSeconds(10)),
                io.pulpperf.throughput.pulp.AuthHeaders.from(target.credentials()), Duration.ofSeconds(30));
        URI url = target.v3Root().resolve("distributions/file/file/");
        String prefix = cid + "-";
        return d.run(cid, tasks, 32, null, seq -> new io.pulpperf.throughput.load.DispatchRequest("POST", url,
                "{\"name\": \"" + prefix + seq + "\", \"base_path\": \"" + prefix + seq + "\"}",
                io.pulpperf.throughput.load.DispatchRequest.Answer.TASK_HREF), Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** Dispatches {@code tasks} one-task requests to the test view with this Correlation-ID; returns tasks accepted. */
    static long dispatch(Target target, String cid, int tasks) {
        io.pulpperf.throughput.load.Dispatcher d = new io.pulpperf.throughput.load.Dispatcher(
                io.pulpperf.throughput.load.Dispatcher.newHttpClient(Duration.ofSeconds(10)),
                io.pulpperf.throughput.pulp.AuthHeaders.none(), Duration.ofSeconds(30));
        URI url = target.apiPathUrl("test/tasks/");
        return d.run(cid, tasks, 32, null, seq -> new io.pulpperf.throughput.load.DispatchRequest("GET", url, null,
                io.pulpperf.throughput.load.DispatchRequest.Answer.TASKS_EXECUTED), Instant.now().plus(Duration.ofMinutes(5)))
                .stream().mapToLong(io.pulpperf.throughput.load.DispatchRecord::tasks).sum();
    }

    /**
     * Waits for the cid's tasks, then collects and analyses them, bounded by {@code limit}.
     * The client logs in and reads {@code status/} first (REST Assured's start-up, not measured).
     */
    public static Result run(Target target, String cid, Path outDir, int pageSize, Duration pollInterval, Duration limit)
            throws IOException {
        return run(target, cid, outDir, pageSize, pollInterval, limit, List.of(), null);
    }

    /**
     * As above; {@code acceptedHrefs} are the dispatch answers' task hrefs (those never collected
     * count as lost), {@code heap} a heap watch started earlier (e.g. before dispatch), or null.
     */
    static Result run(Target target, String cid, Path outDir, int pageSize, Duration pollInterval, Duration limit,
                      java.util.Collection<String> acceptedHrefs, LiveHeap heap) throws IOException {
        PulpClient client = new PulpClient(target, Duration.ofSeconds(10), Duration.ofSeconds(60));
        client.login();
        client.status();
        long before = client.counter().requests();
        LiveHeap live = heap != null ? heap : new LiveHeap();
        RunFilter filter = RunFilter.byCorrelationId(cid);
        long waitStart = System.nanoTime();
        RunAwaiter.Outcome wait = new RunAwaiter(client, pollInterval, 5, Duration.ofMinutes(5))
                .awaitFinished(filter.params(), limit, n -> { });
        if (!wait.finished()) throw new IllegalStateException("the tasks did not finish: " + wait.problem());
        double waitSeconds = (System.nanoTime() - waitStart) / 1e9;
        long intervals = (long) Math.ceil(waitSeconds * 1000 / Math.max(1, pollInterval.toMillis()));
        Path csv = outDir.resolve("tasks.csv");
        long start = System.nanoTime();
        RunAnalyzer analyzer = new RunAnalyzer();
        TaskCollector.Collection c;
        try (RawTaskCsv raw = new RawTaskCsv(csv)) {
            c = new TaskCollector(client, pageSize).collect(filter.params(), analyzer.andThen(raw), analyzer::acceptUnreadable,
                    Instant.now().plus(limit), Integer.MAX_VALUE);
        }
        RunMetrics metrics = acceptedHrefs.isEmpty() ? analyzer.result(List.of(), c.tasks()) : analyzer.result(acceptedHrefs, 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        long requests = client.counter().requests() - before;
        live.stop();
        return new Result(c.tasks(), c.pages(), wait.polls(), waitSeconds, intervals, requests, seconds, live.peakMb(), live.maxMb(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Files.size(csv), metrics.completed(), metrics.lost());
    }

    /** Watches every collection's heap use after GC, so the live footprint is known, not guessed. */
    private static final class LiveHeap implements javax.management.NotificationListener {
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final List<javax.management.NotificationEmitter> emitters = new java.util.ArrayList<>();

        LiveHeap() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter e) {
                    e.addNotificationListener(this, null, null);
                    emitters.add(e);
                }
            }
        }

        @Override
        public void handleNotification(javax.management.Notification n, Object handback) {
            if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
            var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
            max.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
            peak.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        }

        private static long heap(java.util.Map<String, java.lang.management.MemoryUsage> pools) {
            long used = 0;
            for (var e : pools.entrySet()) {
                if (!e.getKey().contains("Metaspace") && !e.getKey().contains("Code") && !e.getKey().contains("Class")) {
                    used += e.getValue().getUsed();
                }
            }
            return used;
        }

        long peakMb() {
            return peak.get() / (1024 * 1024);
        }

        void stop() {
            for (var e : emitters) {
                try {
                    e.removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            }
        }

        long maxMb() {
            return max.get() / (1024 * 1024);
        }
    }
}

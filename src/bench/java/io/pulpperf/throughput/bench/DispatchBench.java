package io.pulpperf.throughput.bench;

import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.load.DispatchRequest;
import io.pulpperf.throughput.load.Dispatcher;
import io.pulpperf.throughput.pulp.AuthHeaders;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Dispatch capacity (issue 9, part 2): drives the suite's {@link Dispatcher} alone, closed model,
 * against one URL for a fixed time and prints one line of figures. {@code bench/run.sh} runs it
 * side by side with wrk and the Python client on the same URL.
 *
 * <pre>java -cp ... io.pulpperf.throughput.bench.DispatchBench URL CONCURRENCY SECONDS [WARMUP_SECONDS]</pre>
 *
 * <p>The requests are the suite's own for pulp-service's test view (GET, {@code Correlation-ID},
 * {@code Accept: application/json}, the answer's {@code tasks_executed} parsed). The warm-up runs
 * the same loop unmeasured first, so the JIT has compiled the hot path, as it has a few seconds
 * into any real run.
 */
public final class DispatchBench {
    /** Bounds the requests of one measurement whatever the duration (a bench never runs unbounded). */
    static final int MAX_TASKS = 50_000_000;
    /** The connect and read (whole answer) timeouts of the benchmarked dispatcher; the library clients use the same. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** How {@link Dispatcher} names a request it ended at its deadline. */
    private static final String SCENARIO_TIMEOUT = "(the scenario's timeout)";

    private DispatchBench() {}

    /**
     * One measurement: requests answered, those that failed, those still in flight when the window
     * closed (cut, at most one per client), the rate over first send to last answer, and the CPU
     * the whole JVM used meanwhile (all threads: clients, GC, JIT) and of it in the kernel;
     * {@code client} names the HTTP client ({@code java} is the suite's own, {@link LibraryClientBench} the others).
     */
    public record Result(String client, int concurrency, long requests, long errors, long cut, double seconds, double cpuSeconds,
                         double systemSeconds, String firstError) {
        public double requestsPerSecond() {
            return seconds > 0 ? requests / seconds : 0;
        }

        public String line() {
            return String.format(Locale.ROOT, "%s concurrency=%d requests=%d errors=%d cut=%d seconds=%.3f rps=%.1f cpu_s=%.3f sys_s=%.3f",
                    client, concurrency, requests, errors, cut, seconds, requestsPerSecond(), cpuSeconds, systemSeconds)
                    + (firstError == null ? "" : " first_error=" + firstError.replaceAll("\\s+", "_"));
        }
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: DispatchBench URL CONCURRENCY SECONDS [WARMUP_SECONDS]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        double warmup = args.length > 3 ? Double.parseDouble(args[3]) : 2;
        Dispatcher dispatcher = new Dispatcher(Dispatcher.newHttpClient(CONNECT_TIMEOUT), AuthHeaders.none(), READ_TIMEOUT);
        if (warmup > 0) measure(dispatcher, url, concurrency, warmup);
        Result r = measure(dispatcher, url, concurrency, seconds);
        System.out.println(r.line());
        System.exit(r.requests() == 0 ? 1 : 0);
    }

    /** Dispatches for {@code seconds} with {@code concurrency} clients; requests count when answered with tasks. */
    public static Result measure(Dispatcher dispatcher, URI url, int concurrency, double seconds) {
        CpuClock cpu = CpuClock.start();
        Instant deadline = Instant.now().plusNanos((long) (seconds * 1e9));
        List<DispatchRecord> records = dispatcher.run(io.pulpperf.throughput.pulp.CorrelationIds.newRun(), MAX_TASKS, concurrency, null,
                seq -> new DispatchRequest("GET", url, null, DispatchRequest.Answer.TASKS_EXECUTED), deadline);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long ok = 0;
        long cut = 0;
        String firstError = null;
        for (DispatchRecord r : records) {
            // In flight when the window closed: the dispatcher ends them at its deadline (wrk drops them too).
            if (r.error() != null && r.error().endsWith(SCENARIO_TIMEOUT)) {
                cut++;
                continue;
            }
            if (firstError == null && !r.accepted()) firstError = r.error() != null ? r.error() : "answered without a task";
            first = Math.min(first, r.sentMicros());
            if (r.latencyMicros() >= 0) last = Math.max(last, r.intendedMicros() + r.latencyMicros());
            if (r.accepted()) ok++;
        }
        double cpuSeconds = cpu.cpuSeconds();
        double sys = cpu.systemSecondsSinceStart();
        double span = records.isEmpty() || last <= first ? 0 : (last - first) / 1e6;
        return new Result("java", concurrency, ok, records.size() - ok - cut, cut, span, cpuSeconds, sys, firstError);
    }
}

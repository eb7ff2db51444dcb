package io.pulpperf.throughput.bench;

import java.net.URI;

/**
 * Dispatch capacity of HTTP client libraries (issue 15, part 1), measured exactly as
 * {@link DispatchBench} measures the suite's own client, so {@code bench/run.sh} can set them side
 * by side with it and wrk on the same URL. Prints one line in DispatchBench's format.
 *
 * <pre>java -cp ... io.pulpperf.throughput.bench.LibraryClientBench apache|jetty|netty URL CONCURRENCY SECONDS [WARMUP_SECONDS]</pre>
 *
 * <p>The warm-up runs the same loop with the same client unmeasured first, so the JIT has
 * compiled the library's hot path too.
 */
public final class LibraryClientBench {
    private LibraryClientBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LibraryClientBench apache|jetty|netty URL CONCURRENCY SECONDS [WARMUP_SECONDS]");
            System.exit(2);
        }
        String name = args[0];
        URI url = URI.create(args[1]);
        if (!"127.0.0.1".equals(url.getHost())) throw new IllegalArgumentException("load goes to 127.0.0.1 only: " + url);
        int concurrency = Integer.parseInt(args[2]);
        double seconds = Double.parseDouble(args[3]);
        double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 2;
        DispatchBench.Result r;
        try (LibraryClient client = LibraryClient.create(name, concurrency)) {
            if (warmup > 0) ClosedLoop.measure(name, client, url, concurrency, warmup);
            r = ClosedLoop.measure(name, client, url, concurrency, seconds);
        }
        System.out.println(r.line());
        System.exit(r.requests() == 0 ? 1 : 0);
    }
}

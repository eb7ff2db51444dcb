package io.pulpperf.throughput.bench;

import io.pulpperf.throughput.history.EDivisive;
import io.pulpperf.throughput.history.HistoryFile;
import io.pulpperf.throughput.history.HistoryRecord;
import io.pulpperf.throughput.history.Judge;
import io.pulpperf.throughput.history.JudgeSettings;
import io.pulpperf.throughput.history.SeriesJudgement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Reading the results history (issue 19): writes RECORDS history lines (10 scenarios, each with a
 * full set of task and resource figures), then times reading them back as a run does before any
 * load, and judging one scenario against its series (1,000 runs: E-divisive over the whole series
 * plus the t-tests). Best of ROUNDS, after one warm-up.
 *
 * <pre>
 * java -cp ... io.pulpperf.throughput.bench.HistoryReadBench [RECORDS] [ROUNDS] [DIR]
 * </pre>
 */
public final class HistoryReadBench {
    private HistoryReadBench() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("history-bench");
        Path file = dir.resolve("history.jsonl");
        Files.deleteIfExists(file);
        write(file, records);
        double bestRead = Double.MAX_VALUE;
        double bestJudge = Double.MAX_VALUE;
        int read = 0;
        for (int r = 0; r <= rounds; r++) {
            long t0 = System.nanoTime();
            List<HistoryRecord> all = HistoryFile.read(file).records();
            long t1 = System.nanoTime();
            List<HistoryRecord> series = all.stream().filter(h -> h.series().equals("s0@bench")).toList();
            SeriesJudgement j = new Judge(JudgeSettings.defaults(), EDivisive.defaults()).judge("s0@bench", series,
                    new Judge.Tonight("tonight", "now", Map.of("throughput", new double[] {10.0}, "queueWaitP95Ms", new double[] {900})), "");
            long t2 = System.nanoTime();
            if (j.figures().isEmpty()) throw new IllegalStateException("nothing judged");
            read = all.size();
            if (r == 0) continue; // warm-up
            bestRead = Math.min(bestRead, (t1 - t0) / 1e6);
            bestJudge = Math.min(bestJudge, (t2 - t1) / 1e6);
        }
        System.out.printf(Locale.ROOT, "history read: %d records (%.1f MB) in %.0f ms; one scenario judged against %d runs in %.0f ms"
                        + " (best of %d)%n", read, Files.size(file) / 1e6, bestRead, records / 10, bestJudge, rounds);
    }

    /** RECORDS lines, ten scenarios interleaved as nights of a ten-scenario matrix. */
    static void write(Path file, int records) throws Exception {
        Random random = new Random(19);
        List<HistoryRecord> out = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("throughput", 10 * (1 + 0.02 * random.nextGaussian()));
            figures.put("steadyRate", 10.2 * (1 + 0.02 * random.nextGaussian()));
            figures.put("successRate", 1.0);
            figures.put("queueWaitP50Ms", 400 * (1 + 0.1 * random.nextGaussian()));
            figures.put("queueWaitP95Ms", 900 * (1 + 0.1 * random.nextGaussian()));
            figures.put("totalP95Ms", 950 * (1 + 0.1 * random.nextGaussian()));
            figures.put("dispatchErrorRate", 0.0);
            for (String s : List.of("DB CPU", "API CPU", "worker CPU", "DB memory", "API memory", "worker memory")) {
                figures.put("resources.series." + s + ".peak", 1 + random.nextDouble());
                figures.put("resources.series." + s + ".mean", 0.5 + random.nextDouble());
            }
            out.add(new HistoryRecord(HistoryRecord.SCHEMA, "2026-12-05T02:30:00Z", "run" + i, "s" + (i % 10), "s" + (i % 10) + "@bench",
                    HistoryRecord.OK, "no change", Map.of("core", "3.105.16", "file", "3.105.16"), "0.1.0",
                    Map.of("workload", "repository-delete", "workers", 2, "tasks", 160, "concurrency", 4, "shape", "steady"), 1,
                    figures, null, null));
        }
        HistoryFile.append(file, out);
    }
}

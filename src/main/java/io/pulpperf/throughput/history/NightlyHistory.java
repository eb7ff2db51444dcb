package io.pulpperf.throughput.history;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.pulp.PulpStatus;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.workers.WorkersAlive;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's memory: reads the history before any load, judges each scenario against its series,
 * and appends one record per scenario at the end (only then, so an aborted run adds nothing
 * half-done; a scenario that threw is recorded as interrupted).
 */
public final class NightlyHistory {
    private final HistorySettings settings;
    private final HistoryFile.Read read;
    private final Map<String, String> pulpVersions;
    private final String suiteVersion;
    private final Judge judge;
    private final AcceptedChanges accepted;
    private final TargetNoise noise;
    private final List<HistoryRecord> tonight = Collections.synchronizedList(new ArrayList<>());

    public NightlyHistory(HistorySettings settings, HistoryFile.Read read, Map<String, String> pulpVersions, String suiteVersion) {
        this.settings = settings;
        this.read = read;
        this.pulpVersions = Map.copyOf(pulpVersions);
        this.suiteVersion = suiteVersion;
        // Checked here, before any load: a malformed accepted change stops the run with its line.
        this.accepted = AcceptedChanges.load(settings.accepted(), read.records());
        this.judge = new Judge(settings.judge(), EDivisive.defaults(), accepted);
        this.noise = new TargetNoise(read.records(), accepted);
    }

    /** With -Dpulp.history or the matrix file's history: key; reads the file now. */
    public static Optional<NightlyHistory> load(Path matrixFile, Map<String, String> props, PulpStatus status) {
        return HistorySettings.load(matrixFile, props).map(s -> new NightlyHistory(s, HistoryFile.read(s.file()),
                status == null ? Map.of() : status.versions(), props.getOrDefault("pulp.suite.version", "unknown")));
    }

    /** What the console says at the start: the file, its records, each skipped line. */
    public List<String> startLines() {
        List<String> out = new ArrayList<>();
        out.add("History " + settings.file() + ": " + read.records().size() + " records" + (settings.append() ? "" : " (not appended to: append false)"));
        read.skipped().forEach(s -> out.add("History " + settings.file() + ": skipped " + s));
        accepted.changes().forEach(c -> out.add("History " + settings.accepted() + " line " + c.line() + ": " + c.series() + " " + c.figure() + " "
                + c.describe()));
        return out;
    }

    public HistorySettings settings() {
        return settings;
    }

    /**
     * Judges a scenario and keeps its record for the end of the run.
     *
     * @param observed the observers' figures by source, or null
     * @param failed   whether the run itself failed (incomplete, errors, a threshold): recorded, never a reference
     */
    public SeriesJudgement judge(ScenarioResult r, Map<String, Object> observed, boolean failed) {
        return judgeRounds(List.of(new Rounds.Round(r, observed)), failed);
    }

    /**
     * Judges a scenario's rounds (repeat: k) as one run: each figure is the median of its rounds,
     * recorded with their spread; the run ids are joined by ','.
     *
     * @param failed whether any round failed (incomplete, errors, a threshold): recorded, never a reference
     */
    public SeriesJudgement judgeRounds(List<Rounds.Round> rounds, boolean failed) {
        ScenarioResult r = rounds.get(rounds.size() - 1).result();
        Map<String, double[]> values = Rounds.figures(rounds);
        Map<String, Double> figures = new LinkedHashMap<>();
        Map<String, Spread> spread = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Spread s = Spread.of(v);
            figures.put(k, s.median());
            spread.put(k, s);
        });
        Map<String, Object> params = SeriesKey.parameters(r.scenario());
        // The median of k rounds is quieter than one run: a series keeps one k.
        if (rounds.size() > 1) params.put("repeat", rounds.size());
        String series = SeriesKey.of(r.scenario().name(), params);
        String when = Instant.now().toString();
        String runIds = String.join(",", rounds.stream().map(x -> x.result().runId()).toList());
        List<HistoryRecord> earlier = read.records().stream().filter(h -> series.equals(h.series())).toList();
        WorkersAlive workers = WorkersAlive.ofRounds(rounds.stream().map(x -> WorkersAlive.of(x.observed())).toList());
        SeriesJudgement j = judge.judge(series, earlier, new Judge.Tonight(runIds, when, values, workers),
                newSeriesNote(r.scenario().name(), series, params), noise);
        boolean finished = rounds.stream().allMatch(x -> x.result().finished());
        tonight.add(new HistoryRecord(HistoryRecord.SCHEMA, when, runIds, r.scenario().name(), series,
                failed || !finished ? HistoryRecord.FAILED : HistoryRecord.OK, j.verdict(), pulpVersions, suiteVersion, params,
                rounds.size(), figures, rounds.size() > 1 ? spread : null, workers));
        return j;
    }

    /** A scenario that threw before it had a result: recorded as interrupted, without figures. */
    public void interrupted(Scenario s) {
        Map<String, Object> params = SeriesKey.parameters(s);
        tonight.add(new HistoryRecord(HistoryRecord.SCHEMA, Instant.now().toString(), null, s.name(), SeriesKey.of(s.name(), params),
                HistoryRecord.INTERRUPTED, FigureJudgement.NOT_JUDGED, pulpVersions, suiteVersion, params, 0, Map.of(), null, null));
    }

    /** "parameters changed (tasks 40 -> 60): a new series starts", when the name ran before with other parameters. */
    String newSeriesNote(String name, String series, Map<String, Object> params) {
        HistoryRecord last = null;
        for (HistoryRecord h : read.records()) if (name.equals(h.scenario())) last = h;
        if (last == null || series.equals(last.series())) return "";
        List<String> changed = new ArrayList<>();
        Map<String, Object> before = last.parameters() == null ? Map.of() : last.parameters();
        for (String k : new java.util.TreeSet<>(union(before.keySet(), params.keySet()))) {
            Object a = before.get(k);
            Object b = params.get(k);
            if (a == null ? b != null : !String.valueOf(a).equals(String.valueOf(b))) changed.add(k + " " + a + " -> " + b);
        }
        return "parameters changed since " + last.when() + " (" + String.join(", ", changed) + "): a new series starts";
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** Appends tonight's records, unless the run asked not to. */
    public Optional<Path> append() throws IOException {
        if (!settings.append() || tonight.isEmpty()) return Optional.empty();
        HistoryFile.append(settings.file(), new ArrayList<>(tonight));
        return Optional.of(settings.file());
    }
}

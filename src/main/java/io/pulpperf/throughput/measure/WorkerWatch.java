package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.WorkerBeats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What successive answers of {@code workers/?online=true} say about a fleet: the online set at the
 * first and last answer, every time a worker left the set and whether it came back, and every
 * heartbeat age seen, all by the server's clock. Not thread-safe: one poller feeds it.
 */
public final class WorkerWatch {
    private final List<Integer> onlineCounts = new ArrayList<>();
    private final List<Long> ageMillis = new ArrayList<>();
    private final Map<String, Instant> absentSince = new LinkedHashMap<>();
    private final List<Absence> absences = new ArrayList<>();
    private final Set<String> everOnline = new LinkedHashSet<>();
    private List<String> first;
    private List<String> last = List.of();
    private Instant lastTime;
    private int samples;
    /** Every online answer taken, so the figures can be read again over the tasks' window only. */
    private final List<WorkerBeats> answers = new ArrayList<>();
    private final List<Instant> times = new ArrayList<>();
    /** The missing answers, each after the online answer of the same index - 1 (-1: before any). */
    private final List<WorkerBeats> missingAnswers = new ArrayList<>();
    private final List<Integer> missingAfter = new ArrayList<>();

    /**
     * A worker's time out of the online set.
     *
     * @param worker its name
     * @param left   the first answer without it (server clock)
     * @param back   the first answer with it again, or null if it had not come back by the last answer
     */
    public record Absence(String worker, Instant left, Instant back) {
        /** How long it was out: until it came back, or until {@code end} if it had not. */
        public Duration length(Instant end) {
            return Duration.between(left, back != null ? back : end);
        }
    }

    /** Takes one answer; answers without a Date header count for the sets but give no ages. */
    public void add(WorkerBeats answer, Instant clientFallback) {
        Instant at = answer.serverTime() != null ? answer.serverTime() : clientFallback;
        answers.add(answer);
        times.add(at);
        List<String> names = answer.names();
        Set<String> now = new LinkedHashSet<>(names);
        if (first == null) first = names;
        for (String w : everOnline) {
            if (!now.contains(w) && !absentSince.containsKey(w)) absentSince.put(w, at);
        }
        for (String w : now) {
            Instant since = absentSince.remove(w);
            if (since != null) absences.add(new Absence(w, since, at));
        }
        everOnline.addAll(now);
        if (answer.serverTime() != null) {
            for (WorkerBeats.Beat b : answer.workers()) ageMillis.add(b.age(answer.serverTime()).toMillis());
        }
        onlineCounts.add(names.size());
        last = names;
        lastTime = at;
        samples++;
    }

    /**
     * The same answers from the first one taken at or after {@code start} (the last one when none
     * was): workers the suite scaled away or added before its tasks started did not drop out.
     */
    public WorkerWatch since(Instant start) {
        return between(start, null);
    }

    /**
     * The answers over a window: from the first one at or after {@code start} (the Date header is
     * cut to the second, so at most a second late) to the first one at or after {@code end}
     * (null: to the last), so the answer just after the window still closes it.
     */
    public WorkerWatch between(Instant start, Instant end) {
        int from = times.size() - 1;
        for (int i = times.size() - 1; i >= 0; i--) if (!times.get(i).isBefore(start)) from = i;
        int to = answers.size() - 1;
        if (end != null) {
            for (int i = answers.size() - 1; i >= from; i--) if (!times.get(i).isBefore(end)) to = i;
        }
        WorkerWatch out = new WorkerWatch();
        for (int i = from; i <= to; i++) {
            out.add(answers.get(i), times.get(i));
            for (int m = 0; m < missingAnswers.size(); m++) if (missingAfter.get(m) == i) out.addMissing(missingAnswers.get(m));
        }
        return out;
    }

    /**
     * The ages of workers listed as missing that were online before in this watch: while a worker
     * is out of the online set its heartbeat is older than the TTL, and only this read shows it.
     * Killed workers whose records linger were never online here, so they are left out.
     */
    public void addMissing(WorkerBeats missing) {
        missingAnswers.add(missing);
        missingAfter.add(answers.size() - 1);
        if (missing.serverTime() == null) return;
        for (WorkerBeats.Beat b : missing.workers()) {
            if (everOnline.contains(b.name())) ageMillis.add(b.age(missing.serverTime()).toMillis());
        }
    }

    public int samples() {
        return samples;
    }

    public List<String> onlineAtStart() {
        return first == null ? List.of() : first;
    }

    public List<String> onlineAtEnd() {
        return last;
    }

    /** Every absence, closed ones first, then those still open at the last answer. */
    public List<Absence> absences() {
        List<Absence> all = new ArrayList<>(absences);
        absentSince.forEach((w, since) -> all.add(new Absence(w, since, null)));
        return all;
    }

    public Instant lastTime() {
        return lastTime;
    }

    public List<Integer> onlineCounts() {
        return List.copyOf(onlineCounts);
    }

    /** When each answer was taken (server clock when it had a Date header), beside {@link #onlineCounts()}. */
    public List<Instant> answerTimes() {
        return List.copyOf(times);
    }

    /** Each worker by the first answer that listed it online (issue 28: workers that joined after a disruption). */
    public Map<String, Instant> firstSeen() {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            for (String w : answers.get(i).names()) out.putIfAbsent(w, times.get(i));
        }
        return out;
    }

    /** Every heartbeat age read (one per worker per answer), in milliseconds. */
    public List<Long> ageMillis() {
        return List.copyOf(ageMillis);
    }

    public Set<String> everOnline() {
        return Set.copyOf(everOnline);
    }
}

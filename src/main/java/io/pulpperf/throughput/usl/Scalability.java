package io.pulpperf.throughput.usl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How one group of runs (same workload, request, shape, closed model; only the worker count
 * differs) scales: what was measured at each count, and the USL fit when it can be trusted.
 *
 * @param group   what the runs have in common, e.g. "repository-delete, backlog"
 * @param steps   one per distinct worker count, ascending
 * @param fit     the USL fit, null when there were fewer than {@link #MIN_COUNTS} counts or it did not converge
 * @param fitted  whether the fit describes the data (enough counts and R^2 at least {@link #MIN_R2}): only then are the model's numbers shown
 * @param reason  why the model's numbers are not shown, null when fitted
 * @param resourceRise the resource whose cost per task rose with the workers, null when none was observed or none rose
 */
public record Scalability(String group, List<MeasuredStep> steps, UslFit.Result fit, boolean fitted, String reason,
                          ResourceRise resourceRise) {
    /** Fewer counts than this leave sigma and kappa barely constrained: three parameters need more than three x values. */
    public static final int MIN_COUNTS = 4;
    /** Below this R^2 the curve misses the data too far to read a peak from it. */
    public static final double MIN_R2 = 0.9;

    public Scalability {
        steps = List.copyOf(steps);
    }

    /** Analyses one group from its runs (any order; several runs at a count are all fitted). */
    public static Scalability of(String group, List<MeasuredPoint> points) {
        List<MeasuredStep> steps = steps(points);
        if (steps.size() < MIN_COUNTS) {
            return new Scalability(group, steps, null, false, steps.size() + " worker counts measured; a USL fit needs "
                    + MIN_COUNTS + " or more", null);
        }
        List<UslFit.Observation> observations = new ArrayList<>();
        for (MeasuredPoint p : points) for (double r : p.rates()) observations.add(new UslFit.Observation(p.workers(), r));
        UslFit.Result fit;
        try {
            fit = UslFit.fit(observations);
        } catch (IllegalStateException e) {
            return new Scalability(group, steps, null, false, "the USL fit did not converge", null);
        }
        if (fit.r2() == null) return new Scalability(group, steps, fit, false, "every rate is equal: R^2 undefined", null);
        if (fit.r2() < MIN_R2) {
            return new Scalability(group, steps, fit, false, String.format(Locale.ROOT,
                    "USL fit R^2 %.2f < %.2f: the model does not describe these data", fit.r2(), MIN_R2), null);
        }
        return new Scalability(group, steps, fit, true, null, null);
    }

    /** The same, naming the resource that rose with the workers (from the resource observer). */
    public Scalability withResourceRise(ResourceRise rise) {
        return new Scalability(group, steps, fit, fitted, reason, rise);
    }

    static List<MeasuredStep> steps(List<MeasuredPoint> points) {
        Map<Integer, List<MeasuredPoint>> byCount = new TreeMap<>();
        for (MeasuredPoint p : points) byCount.computeIfAbsent(p.workers(), k -> new ArrayList<>()).add(p);
        List<MeasuredStep> steps = new ArrayList<>();
        MeasuredStep previous = null;
        for (Map.Entry<Integer, List<MeasuredPoint>> e : byCount.entrySet()) {
            List<MeasuredPoint> at = e.getValue();
            // Each scenario counts once, by its median; several scenarios at one count: their mean (as Scaling's TPS(1)).
            double rate = at.stream().mapToDouble(MeasuredPoint::rate).average().orElseThrow();
            double low = at.stream().mapToDouble(MeasuredPoint::low).min().orElseThrow();
            double high = at.stream().mapToDouble(MeasuredPoint::high).max().orElseThrow();
            Double gain = previous == null ? null : (rate - previous.rate()) / (e.getKey() - previous.workers());
            List<Double> rates = at.stream().flatMap(p -> p.rates().stream()).toList();
            previous = new MeasuredStep(e.getKey(), rate, low, high, gain, rates);
            steps.add(previous);
        }
        return steps;
    }

    /** The count with the highest rate measured (median of a scenario's rounds). */
    public MeasuredStep bestMeasured() {
        return steps.stream().max(Comparator.comparingDouble(MeasuredStep::rate)).orElseThrow();
    }

    public int largestCount() {
        return steps.get(steps.size() - 1).workers();
    }

    /** The fitted model when it is trusted, else null. */
    public UslModel model() {
        return fitted ? fit.model() : null;
    }

    /** Whether the trusted model peaks within reach of the measured counts. */
    public boolean hasPeak() {
        return fitted && fit.model().peaksWithin(largestCount());
    }

    /** Counts measured past the model's peak, ascending; empty without a peak. */
    public List<Integer> pastPeak() {
        if (!hasPeak()) return List.of();
        double peak = fit.model().peakWorkers();
        return steps.stream().map(MeasuredStep::workers).filter(w -> w > peak).toList();
    }

    /**
     * The share of peak throughput each worker added beyond N* costs on average, up to the largest
     * count measured (Schwartz's "retrograde" region); null when none was measured past the peak.
     */
    public Double costPerAddedWorker() {
        if (pastPeak().isEmpty()) return null;
        UslModel m = fit.model();
        double peak = m.peakWorkers();
        return (1 - m.rate(largestCount()) / m.rate(peak)) / (largestCount() - peak);
    }

    /** One line for results.md's Observations and the console. */
    public String sentence() {
        MeasuredStep best = bestMeasured();
        String measured = String.format(Locale.ROOT, "best measured %d workers at %.2f tasks/s; per added worker %s",
                best.workers(), best.rate(), steps.stream().skip(1).map(s -> String.format(Locale.ROOT, "%+.2f (%d->%d)",
                        s.marginalGain(), previousCount(s), s.workers())).collect(Collectors.joining(", ")));
        String resource = resourceRise == null ? "" : "; " + resourceRise.sentence();
        if (!fitted) return group + ": " + reason + "; " + measured + resource;
        UslModel m = fit.model();
        String model = String.format(Locale.ROOT, "USL lambda %.2f/s, sigma %.4f, kappa %.5f, R^2 %.3f", m.lambda(), m.sigma(),
                m.kappa(), fit.r2());
        String shape;
        if (hasPeak()) {
            shape = String.format(Locale.ROOT, "peak N* %.1f workers at %.2f tasks/s", m.peakWorkers(), m.peakRate());
            if (m.peakWorkers() > largestCount()) shape += " (extrapolated: beyond the largest count measured, " + largestCount() + ")";
            if (costPerAddedWorker() != null) {
                shape += String.format(Locale.ROOT, "; beyond %.1f workers each added worker costs %.1f%% throughput (measured past the peak: %s)",
                        m.peakWorkers(), costPerAddedWorker() * 100,
                        pastPeak().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
        } else if (m.sigma() > 1e-6) {
            shape = String.format(Locale.ROOT, "no peak within %.0f workers (kappa ~ 0); Amdahl ceiling %.2f tasks/s (1/sigma = %.1f x one worker)",
                    UslModel.REACH * largestCount(), m.amdahlCeilingRate(), 1 / m.sigma());
        } else {
            shape = "no peak and no ceiling in sight: scales linearly over the measured counts";
        }
        return group + ": " + model + "; " + shape + "; " + measured + resource;
    }

    private int previousCount(MeasuredStep s) {
        return steps.get(steps.indexOf(s) - 1).workers();
    }

    /** The figures for results.json's {@code scalability} list. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        UslModel m = model();
        out.put("group", group);
        out.put("fitted", fitted);
        out.put("reason", reason);
        out.put("lambda", m == null ? null : m.lambda());
        out.put("sigma", m == null ? null : m.sigma());
        out.put("kappa", m == null ? null : m.kappa());
        out.put("lambdaError", m == null ? null : fit.lambdaError());
        out.put("sigmaError", m == null ? null : fit.sigmaError());
        out.put("kappaError", m == null ? null : fit.kappaError());
        out.put("r2", fit == null ? null : fit.r2());
        out.put("observations", fit == null ? null : fit.observations());
        out.put("peakWorkers", hasPeak() ? m.peakWorkers() : null);
        out.put("peakRate", hasPeak() ? m.peakRate() : null);
        out.put("amdahlCeilingRate", m != null && !hasPeak() && Double.isFinite(m.amdahlCeilingRate()) ? m.amdahlCeilingRate() : null);
        out.put("pastPeakWorkers", pastPeak());
        out.put("costPerAddedWorker", costPerAddedWorker());
        out.put("bestMeasuredWorkers", bestMeasured().workers());
        out.put("bestMeasuredRate", bestMeasured().rate());
        List<Map<String, Object>> points = new ArrayList<>();
        for (MeasuredStep s : steps) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("workers", s.workers());
            p.put("rate", s.rate());
            p.put("low", s.low());
            p.put("high", s.high());
            p.put("marginalGain", s.marginalGain());
            p.put("rates", s.rates());
            points.add(p);
        }
        out.put("points", points);
        out.put("resourceRise", resourceRise);
        out.put("sentence", sentence());
        return out;
    }
}

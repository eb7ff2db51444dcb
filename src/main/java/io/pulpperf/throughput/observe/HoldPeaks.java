package io.pulpperf.throughput.observe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One observer's candidate peaks over one {@link ScenarioWindow.Hold}, kept in its
 * {@link Observed#figures()} under {@link #FIGURE}.
 *
 * @param label the hold's label
 * @param from  its start
 * @param to    its end
 * @param peaks the candidates (see {@link ResourcePeak} for how they are scored), highest score first
 */
public record HoldPeaks(String label, Instant from, Instant to, List<ResourcePeak> peaks) {
    public static final String FIGURE = "holds";

    public HoldPeaks {
        peaks = peaks.stream().sorted(BY_SCORE).toList();
    }

    /** Highest score first; series without a sample (NaN) last. */
    static final Comparator<ResourcePeak> BY_SCORE = Comparator.comparingDouble((ResourcePeak p) -> Double.isNaN(p.score()) ? Double.NEGATIVE_INFINITY : p.score()).reversed();

    /**
     * Every observer's candidates over the hold from {@code from} to {@code to}, highest score first;
     * empty when observers report holds but saw nothing there; null when none reports holds (no observers).
     */
    public static List<ResourcePeak> of(List<Observed> observed, Instant from, Instant to) {
        List<ResourcePeak> out = null;
        for (Observed o : observed) {
            if (!(o.figures().get(FIGURE) instanceof List<?> holds)) continue;
            if (out == null) out = new ArrayList<>();
            for (Object h : holds) {
                if (h instanceof HoldPeaks p && p.from().equals(from) && p.to().equals(to)) out.addAll(p.peaks());
            }
        }
        if (out != null) out.sort(BY_SCORE);
        return out;
    }

    /** The highest score among the sampled peaks, the first reported on a tie; a bottleneck only if it reaches the bar (FleetTable). */
    public static Optional<ResourcePeak> highest(List<ResourcePeak> peaks) {
        return peaks == null ? Optional.empty() : peaks.stream().filter(ResourcePeak::sampled).max(Comparator.comparingDouble(ResourcePeak::score));
    }
}

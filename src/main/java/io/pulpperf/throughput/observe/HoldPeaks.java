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
        peaks = peaks.stream().sorted(Comparator.comparingDouble(ResourcePeak::score).reversed()).toList();
    }

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
        if (out != null) out.sort(Comparator.comparingDouble(ResourcePeak::score).reversed());
        return out;
    }

    /** The bottleneck: the highest score, the first reported on a tie. */
    public static Optional<ResourcePeak> highest(List<ResourcePeak> peaks) {
        return peaks == null ? Optional.empty() : peaks.stream().max(Comparator.comparingDouble(ResourcePeak::score));
    }
}

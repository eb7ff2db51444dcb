package io.pulpperf.throughput.resources;

import io.pulpperf.throughput.observe.ResourcePeak;
import java.util.ArrayList;
import java.util.List;

/** A resource report's bottleneck candidates, scored as {@link ResourcePeak} says. */
public final class ResourcePeaks {
    private ResourcePeaks() {}

    /** Series with samples in the window that have a scale: a max:, CPU in percent, CPU in cores. */
    public static List<ResourcePeak> of(ResourceReport r) {
        List<ResourcePeak> out = new ArrayList<>();
        for (ResourceStats s : r.stats()) {
            if (s.samples() == 0 || !s.windowed() || Double.isNaN(s.peak())) continue;
            Double score = score(s);
            if (score == null) continue;
            String shown = s.name() + " peak " + s.unit().format(s.peak())
                    + (s.max() != null ? " (max " + s.unit().format(s.max()) + ")" : "") + ResourceFigures.partialMark(s);
            out.add(new ResourcePeak(s.name(), s.peak(), s.unit().key(), score, shown));
        }
        return out;
    }

    private static Double score(ResourceStats s) {
        if (s.max() != null && s.max() > 0) return s.peak() / s.max();
        return switch (s.unit()) {
            case PERCENT -> s.peak() / 100;
            case CORES -> s.peak();  // share of one core: what one single-threaded worker or backend can use
            default -> null;
        };
    }
}

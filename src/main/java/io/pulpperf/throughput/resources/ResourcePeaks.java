package io.pulpperf.throughput.resources;

import io.pulpperf.throughput.observe.ResourcePeak;
import java.util.ArrayList;
import java.util.List;

/** A resource report's bottleneck candidates, scored as {@link ResourcePeak} says, each with its coverage over the span. */
public final class ResourcePeaks {
    private ResourcePeaks() {}

    /**
     * Series with a scale (a max:, CPU in percent, CPU in cores): those with samples in the window with their peak and
     * coverage, those without any as unsampled (peak NaN, coverage 0), so a hold whose exporter was down says so.
     */
    public static List<ResourcePeak> of(ResourceReport r) {
        List<ResourcePeak> out = new ArrayList<>();
        for (ResourceStats s : r.stats()) {
            if (!scaled(s)) continue;
            String cause = r.gapCauses().getOrDefault(s.name(), "");
            if (s.samples() == 0 || !s.windowed() || Double.isNaN(s.peak())) {
                if (s.coverage() != null) out.add(new ResourcePeak(s.name(), Double.NaN, s.unit().key(), Double.NaN,
                        s.name() + ": no sample", 0.0, cause));
                continue;
            }
            String shown = s.name() + " peak " + s.unit().format(s.peak())
                    + (s.max() != null ? " (max " + s.unit().format(s.max()) + ")" : "") + ResourceFigures.partialMark(s);
            String gaps = s.gaps().isEmpty() ? "" : "no samples " + gapsOf(s) + " of the span";
            out.add(new ResourcePeak(s.name(), s.peak(), s.unit().key(), score(s), shown, s.coverage(),
                    cause.isEmpty() ? gaps : cause));
        }
        return out;
    }

    private static boolean scaled(ResourceStats s) {
        return (s.max() != null && s.max() > 0) || s.unit() == ResourceUnit.PERCENT || s.unit() == ResourceUnit.CORES;
    }

    private static String gapsOf(ResourceStats s) {
        return GapNotes.gapsOnly(new SeriesCoverage(s.coverage() == null ? 1 : s.coverage(), 0, 0, s.gaps()));
    }

    private static double score(ResourceStats s) {
        if (s.max() != null && s.max() > 0) return s.peak() / s.max();
        return switch (s.unit()) {
            case PERCENT -> s.peak() / 100;
            default -> s.peak();  // CPU in cores: share of one core, what one single-threaded worker or backend can use
        };
    }
}

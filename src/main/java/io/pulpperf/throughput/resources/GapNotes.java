package io.pulpperf.throughput.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One note per cause (issue 27): series with holes grouped by what their feeding targets did (the
 * same target down over the same interval gives the same words), else by the same missing
 * interval, e.g. "target 127.0.0.1:9256 (job proc) down from +16.0 s to +24.0 s; its scrapes took up
 * to 1.00 s (scrape timeout 1 s: scrapes ran into it): 8 series partial (68-71% of samples):
 * postgres CPU, pulp-api CPU, ...". Eight series of one exporter are one sentence, not eight.
 */
final class GapNotes {
    private static final int NAMES_SHOWN = 8;
    private final Map<String, List<Hole>> byCause = new LinkedHashMap<>();

    /** One series with holes: its name, coverage, and why (the targets' health, or "" when unknown). */
    private record Hole(String series, SeriesCoverage coverage, boolean missing, String why) {}

    /** @param why what the feeding targets did, "" when they could not be read or found */
    void add(String series, SeriesCoverage c, boolean missing, String why) {
        String cause = !why.isEmpty() ? why : (missing ? "no sample at all" : "no samples " + gapsOnly(c));
        byCause.computeIfAbsent(cause, k -> new ArrayList<>()).add(new Hole(series, c, missing, why));
    }

    /** The notes, one per cause, in the order the causes were first met. */
    List<String> notes() {
        List<String> out = new ArrayList<>();
        byCause.forEach((cause, holes) -> {
            if (holes.size() == 1) {
                // A lone series: its own sentence, with the whole grid account.
                Hole h = holes.get(0);
                out.add("series '" + h.series() + "' " + (h.missing() ? "missing" : "partial") + ": " + h.coverage().describe()
                        + (h.why().isEmpty() ? "" : ": " + h.why()));
                return;
            }
            List<String> parts = new ArrayList<>();
            List<Hole> partial = holes.stream().filter(h -> !h.missing()).toList();
            List<Hole> missing = holes.stream().filter(Hole::missing).toList();
            if (!partial.isEmpty()) parts.add(partial.size() + " series partial (" + range(partial) + " of samples): " + names(partial));
            if (!missing.isEmpty()) parts.add(missing.size() + " series missing (no sample in the window): " + names(missing));
            out.add(cause + ": " + String.join("; ", parts));
        });
        return out;
    }

    /** "68-71%", or "63%" when all alike. */
    private static String range(List<Hole> holes) {
        long lo = Math.round(holes.stream().mapToDouble(h -> h.coverage().coverage()).min().orElse(0) * 100);
        long hi = Math.round(holes.stream().mapToDouble(h -> h.coverage().coverage()).max().orElse(0) * 100);
        return lo == hi ? lo + "%" : lo + "-" + hi + "%";
    }

    private static String names(List<Hole> holes) {
        List<String> names = holes.stream().map(Hole::series).toList();
        return names.size() <= NAMES_SHOWN ? String.join(", ", names)
                : String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN) + " more";
    }

    /** "from +5.0 s to +9.0 s, from ..." of a coverage: the intervals alone, so series with the same holes group. */
    static String gapsOnly(SeriesCoverage c) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(3, c.gaps().size()); i++) {
            SeriesGap g = c.gaps().get(i);
            parts.add(String.format(Locale.ROOT, "from %+.1f s to %+.1f s", g.from(), g.to()));
        }
        if (c.gaps().size() > 3) parts.add("+" + (c.gaps().size() - 3) + " more gaps");
        return String.join(", ", parts);
    }
}

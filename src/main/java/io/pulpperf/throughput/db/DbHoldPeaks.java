package io.pulpperf.throughput.db;

import io.pulpperf.throughput.observe.HoldPeaks;
import io.pulpperf.throughput.observe.ResourcePeak;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * The sampler's bottleneck candidates per hold, from the samples taken inside it: active sessions
 * and sessions waiting on locks, each as a share of the database's sessions at that peak's sample.
 */
final class DbHoldPeaks {
    private DbHoldPeaks() {}

    static List<HoldPeaks> of(List<DbSample> samples, List<ScenarioWindow.Hold> holds) {
        List<HoldPeaks> out = new ArrayList<>();
        for (ScenarioWindow.Hold h : holds) {
            List<DbSample> in = samples.stream().filter(s -> !s.at().isBefore(h.from()) && !s.at().isAfter(h.to())).toList();
            out.add(new HoldPeaks(h.label(), h.from(), h.to(), peaks(in)));
        }
        return out;
    }

    /** None without samples in the hold: the run's other samples must not stand in for it. */
    static List<ResourcePeak> peaks(List<DbSample> in) {
        List<ResourcePeak> out = new ArrayList<>();
        DbSample active = null;
        DbSample waiting = null;
        for (DbSample s : in) {
            if (s.connections() == 0) continue;
            if (active == null || share(s.inState(DbSample.ACTIVE), s) > share(active.inState(DbSample.ACTIVE), active)) active = s;
            if (waiting == null || share(s.lockWaits().size(), s) > share(waiting.lockWaits().size(), waiting)) waiting = s;
        }
        if (active != null) out.add(peak("DB active sessions", active.inState(DbSample.ACTIVE), active));
        if (waiting != null && !waiting.lockWaits().isEmpty()) out.add(peak("DB sessions waiting on locks", waiting.lockWaits().size(), waiting));
        return out;
    }

    private static ResourcePeak peak(String name, int n, DbSample at) {
        return new ResourcePeak(name, n, "sessions", share(n, at), name + " peak " + n + " of " + at.connections());
    }

    private static double share(int n, DbSample s) {
        return (double) n / s.connections();
    }
}

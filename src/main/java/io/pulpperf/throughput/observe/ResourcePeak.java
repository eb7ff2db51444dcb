package io.pulpperf.throughput.observe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * One resource's peak over a span, with a score that makes peaks of different units comparable, so
 * the one nearest its limit can be named the bottleneck (issue 20's fleet table), and only when its
 * score reaches the scenario's {@code fleet.bottleneckAt} (issue 27).
 *
 * <p>The score is the peak as a share of what the resource can give, where that is known:
 * <ul>
 *   <li>a series with a {@code max:} threshold: peak / max (whatever its unit);</li>
 *   <li>CPU in percent (RDS, a container's share of its limit): peak / 100;</li>
 *   <li>CPU in cores: the peak in cores, i.e. the share of one core, which is what one Pulp worker or
 *       one Postgres backend (single-threaded processes) can use; a sum above 1 is several saturated;</li>
 *   <li>the DB sampler's sessions: active, and waiting on locks, as a share of all the database's sessions.</li>
 * </ul>
 * Figures with no such scale (memory in bytes, transactions/s, counts without a {@code max:}) are not
 * candidates: their peak says nothing about a limit.
 *
 * @param resource the series or figure, e.g. "DB CPU"
 * @param peak     its peak in its own unit; NaN for a series with no sample over the span
 * @param unit     that unit, e.g. "cores", "percent", "sessions"
 * @param score    the peak as a share of its limit (above); NaN without a sample
 * @param shown    how the table names it, e.g. "DB CPU peak 1.9 cores"
 * @param coverage share of the span's expected samples present (0..1); null where not judged (the DB sampler)
 * @param gaps     where samples are missing over the span, e.g. "none from +14.0 s to +25.0 s of the hold"; "" when none
 */
public record ResourcePeak(String resource, @JsonIgnore double peak, String unit, @JsonIgnore double score, String shown, Double coverage,
                           String gaps) {
    /** Below this share of its samples a peak is partial (the same bar as a series' coverage). */
    public static final double PARTIAL_BELOW = 0.9;

    public ResourcePeak {
        gaps = gaps == null ? "" : gaps;
    }

    /** A peak whose coverage is not judged. */
    public ResourcePeak(String resource, double peak, String unit, double score, String shown) {
        this(resource, peak, unit, score, shown, null, "");
    }

    /** The peak in results.json: null, not NaN, for a series with no sample over the span. */
    @JsonProperty("peak")
    Double peakOrNull() {
        return Double.isNaN(peak) ? null : peak;
    }

    /** The score in results.json: null without a sample. */
    @JsonProperty("score")
    Double scoreOrNull() {
        return Double.isNaN(score) ? null : score;
    }

    /** Whether the span held any sample of it. */
    public boolean sampled() {
        return !Double.isNaN(peak);
    }

    public boolean partial() {
        return coverage != null && coverage < PARTIAL_BELOW;
    }

    /** "pulp-api CPU 0.08 of 1 core": the peak against the limit its score is taken from. */
    public String againstLimit() {
        double limit = score > 0 ? peak / score : Double.NaN;
        String of = switch (unit) {
            case "cores" -> "1 core";
            case "percent" -> "100%";
            default -> Double.isFinite(limit) ? num(limit) + " " + unit : "its limit";
        };
        return resource + " " + (unit.equals("percent") ? num(peak) + "%" : num(peak)) + " of " + of;
    }

    /** "partial: 63% of this hold; none from +14.0 s to +25.0 s", or "" when its coverage is whole or not judged. */
    public String coverageNote() {
        if (!partial()) return "";
        return String.format(Locale.ROOT, "partial: %.0f%% of this hold", coverage * 100) + (gaps.isEmpty() ? "" : "; " + gaps);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}

package io.pulpperf.throughput.observe;

/**
 * One resource's peak over a span, with a score that makes peaks of different units comparable, so
 * the one nearest its limit can be named the bottleneck (issue 20's fleet table).
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
 * @param peak     its peak in its own unit
 * @param unit     that unit, e.g. "cores", "percent", "sessions"
 * @param score    the peak as a share of its limit (above)
 * @param shown    how the table names it, e.g. "DB CPU peak 1.9 cores"
 */
public record ResourcePeak(String resource, double peak, String unit, double score, String shown) {}

package dev.benchbook.results;

import java.util.Optional;

/**
 * One row of a before/after comparison: a segment's percentiles and its P95 delta.
 *
 * @param segment segment key, e.g. {@code db_total_ms}
 * @param baselineP50Ms baseline P50 (absent for reconstructed files)
 * @param baselineP95Ms baseline P95
 * @param baselineP99Ms baseline P99 (absent for reconstructed files)
 * @param mitigationP50Ms mitigation P50
 * @param mitigationP95Ms mitigation P95
 * @param mitigationP99Ms mitigation P99
 * @param deltaMs mitigation P95 minus baseline P95, in ms
 * @param deltaPct delta as a percentage of the baseline P95
 * @param deltaCiMs confidence interval of the P95 delta in ms, when repetitions or rows allow
 * @param verdict improved / regressed / within noise, when an interval exists
 */
public record SegmentDelta(
    String segment,
    Optional<Double> baselineP50Ms,
    double baselineP95Ms,
    Optional<Double> baselineP99Ms,
    Optional<Double> mitigationP50Ms,
    double mitigationP95Ms,
    Optional<Double> mitigationP99Ms,
    double deltaMs,
    double deltaPct,
    Optional<Interval> deltaCiMs,
    Optional<Verdict> verdict) {
}

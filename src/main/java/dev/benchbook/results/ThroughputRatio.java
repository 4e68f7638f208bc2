package dev.benchbook.results;

import java.util.Optional;

/**
 * Throughput of a mitigation relative to its baseline.
 *
 * @param baselinePerS baseline transitions per second
 * @param mitigationPerS mitigation transitions per second
 * @param ratio mitigation / baseline
 * @param ci confidence interval of the ratio, when repetitions allow
 * @param verdict improved / regressed / within noise, when an interval exists
 */
public record ThroughputRatio(
    double baselinePerS,
    double mitigationPerS,
    double ratio,
    Optional<Interval> ci,
    Optional<Verdict> verdict) {
}

package dev.benchbook.analysis;

import dev.benchbook.results.Interval;
import dev.benchbook.results.Verdict;
import java.util.Optional;

/**
 * The delta of one percentile of one segment between two configs.
 *
 * @param segment segment key, e.g. {@code lock_wait_ms}
 * @param p the percentile, in [0, 1], e.g. 0.99
 * @param baselineMs baseline value at {@code p}
 * @param mitigationMs mitigation value at {@code p}
 * @param deltaMs mitigation minus baseline
 * @param deltaPct delta as a percentage of the baseline
 * @param ciMs interval of the delta, when the data allow one
 * @param verdict improved / regressed / within noise, when the data support one
 */
public record PercentileDelta(String segment, double p, double baselineMs, double mitigationMs,
    double deltaMs, double deltaPct, Optional<Interval> ciMs, Optional<Verdict> verdict) {
}

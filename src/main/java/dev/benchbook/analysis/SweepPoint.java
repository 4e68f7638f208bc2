package dev.benchbook.analysis;

/**
 * One point of a contention sweep for one strategy.
 *
 * @param strategy strategy name
 * @param value the varied parameter's value at this point, as text
 * @param configId id of the config measured at this point
 * @param transitionsPerS throughput at this point
 * @param p95LockWaitMs P95 lock_wait at this point, ms
 * @param p99LockWaitMs P99 lock_wait at this point, ms
 */
public record SweepPoint(String strategy, String value, String configId, double transitionsPerS,
    double p95LockWaitMs, double p99LockWaitMs) {
}

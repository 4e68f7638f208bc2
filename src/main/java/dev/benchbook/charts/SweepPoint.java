package dev.benchbook.charts;

/**
 * One strategy at one value of a sweep's varied parameter.
 *
 * @param strategy connection strategy, e.g. {@code per-worker}
 * @param value the varied parameter's value as the sweep names it, e.g. {@code 8} or {@code FULL}
 * @param transitionsPerS committed transitions per second
 * @param p95LockWaitMs P95 lock_wait in ms
 * @param p99LockWaitMs P99 lock_wait in ms
 */
public record SweepPoint(String strategy, String value, double transitionsPerS,
    double p95LockWaitMs, double p99LockWaitMs) {

  /** Validates names and that the numbers are finite and not negative. */
  public SweepPoint {
    if (strategy == null || strategy.isBlank() || value == null || value.isBlank()) {
      throw new IllegalArgumentException("sweep point needs a strategy and a value, got "
          + strategy + " / " + value);
    }
    check("transitions_per_s", transitionsPerS);
    check("p95_lock_wait_ms", p95LockWaitMs);
    check("p99_lock_wait_ms", p99LockWaitMs);
  }

  private static void check(String field, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("sweep point " + field + " must be finite and >= 0, got "
          + v);
    }
  }
}

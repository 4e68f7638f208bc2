package dev.benchbook.results;

/**
 * A confidence interval for a delta or a ratio.
 *
 * @param low lower bound (same unit as the estimate)
 * @param high upper bound
 * @param level confidence level, e.g. 0.95
 * @param resamples bootstrap resamples drawn
 * @param method how the interval was computed, e.g. {@code percentile-bootstrap/raw-rows}
 */
public record Interval(double low, double high, double level, int resamples, String method) {

  /** Validates bounds and level. */
  public Interval {
    if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException("interval bounds must satisfy low <= high, got ["
          + low + ", " + high + "]");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("interval level must be in (0, 1), got " + level);
    }
  }

  /** True when the interval contains the value. */
  public boolean contains(double value) {
    return low <= value && value <= high;
  }
}

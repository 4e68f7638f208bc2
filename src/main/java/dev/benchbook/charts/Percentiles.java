package dev.benchbook.charts;

/** Percentiles by linear interpolation between closest ranks (numpy's default method). */
final class Percentiles {

  private Percentiles() {
  }

  /** The {@code p}-quantile (0..1) of ascending {@code sorted}; fails when empty. */
  static double ofSorted(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("cannot take a percentile of no values");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("percentile fraction must be in [0, 1], got " + p);
    }
    double rank = p * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }
}

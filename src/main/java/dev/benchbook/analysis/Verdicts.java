package dev.benchbook.analysis;

import dev.benchbook.results.Interval;
import dev.benchbook.results.Verdict;

/** Verdicts from a confidence interval and a noise threshold. */
public final class Verdicts {

  private Verdicts() {
  }

  /**
   * For a latency delta (lower is better): improved when the interval lies entirely below zero
   * and {@code |deltaPct| >= thresholdPct}; regressed when entirely above zero and as large;
   * within noise otherwise.
   */
  public static Verdict latency(Interval deltaCi, double deltaPct, double thresholdPct) {
    boolean large = Math.abs(deltaPct) >= thresholdPct;
    if (large && deltaCi.high() < 0) {
      return Verdict.IMPROVED;
    }
    if (large && deltaCi.low() > 0) {
      return Verdict.REGRESSED;
    }
    return Verdict.WITHIN_NOISE;
  }

  /**
   * As {@link #latency(Interval, double, double)}, and within noise whenever the delta's size
   * is below the absolute floor {@code floorMs} (see {@link NoiseFloor}), whatever its interval.
   */
  public static Verdict latency(Interval deltaCi, double deltaMs, double deltaPct,
      double thresholdPct, double floorMs) {
    if (Math.abs(deltaMs) < floorMs) {
      return Verdict.WITHIN_NOISE;
    }
    return latency(deltaCi, deltaPct, thresholdPct);
  }

  /**
   * For a throughput ratio (higher is better): improved when the interval lies entirely above 1
   * and the change {@code |ratio - 1|} is at least the threshold; regressed when entirely below
   * 1 and as large; within noise otherwise.
   */
  public static Verdict throughput(Interval ratioCi, double ratio, double thresholdPct) {
    boolean large = Math.abs(ratio - 1) * 100 >= thresholdPct;
    if (large && ratioCi.low() > 1) {
      return Verdict.IMPROVED;
    }
    if (large && ratioCi.high() < 1) {
      return Verdict.REGRESSED;
    }
    return Verdict.WITHIN_NOISE;
  }
}

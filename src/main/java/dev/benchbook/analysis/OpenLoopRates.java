package dev.benchbook.analysis;

import dev.benchbook.results.OpenLoop;
import dev.benchbook.rows.Column;
import dev.benchbook.rows.RawRows;
import java.util.Arrays;
import java.util.TreeMap;

/** The rate at which an open-loop config's transitions actually started, from its raw rows. */
public final class OpenLoopRates {

  private OpenLoopRates() {
  }

  /**
   * Transitions started per second by config {@code configCode}: per repetition, the slope of
   * the least-squares line through the sorted start times against their rank (ns per start,
   * inverted), pooled over repetitions weighted by their starts. A kept schedule gives the
   * requested rate exactly; a few starts delayed by the operating system, at either end or in
   * between, move the slope by little (unlike a first-to-last span); a saturated system gives
   * the rate it could serve. 0 when no repetition started two transitions.
   */
  public static double achievedPerS(RawRows rows, int configCode) {
    return ratePerS(rows, configCode, Column.START_NS);
  }

  /**
   * The rate the schedule itself asked for, by the same estimator over the intended starts:
   * the requested rate for constant arrivals, the rate the seeded draws came out at for
   * Poisson arrivals (a short Poisson schedule is off its mean rate by about 1/sqrt(n)).
   */
  public static double scheduledPerS(RawRows rows, int configCode) {
    return ratePerS(rows, configCode, Column.INTENDED_START_NS);
  }

  private static double ratePerS(RawRows rows, int configCode, Column column) {
    int[] config = rows.config();
    int[] rep = rows.rep();
    long[] start = rows.longs(column);
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (config[i] == configCode) {
        counts.merge(rep[i], 1, Integer::sum);
      }
    }
    double starts = 0;
    double ns = 0;
    for (var e : counts.entrySet()) {
      if (e.getValue() < 2) {
        continue;
      }
      long[] sorted = new long[e.getValue()];
      int n = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (config[i] == configCode && rep[i] == e.getKey()) {
          sorted[n++] = start[i];
        }
      }
      Arrays.sort(sorted);
      starts += n - 1;
      ns += (n - 1) * nsPerStart(sorted);
    }
    return ns <= 0 ? 0 : starts / (ns / 1e9);
  }

  /** Least-squares slope of {@code sorted[i]} against {@code i}, ns per start. */
  static double nsPerStart(long[] sorted) {
    int n = sorted.length;
    double meanX = (n - 1) / 2.0;
    double meanY = 0;
    for (long v : sorted) {
      meanY += (double) v / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = i - meanX;
      sxy += dx * (sorted[i] - meanY);
      sxx += dx * dx;
    }
    return sxy / sxx;
  }

  /** Achieved below this share of the requested rate means the queue grew: saturated. */
  public static final double SATURATED_BELOW = 0.99;

  /**
   * True when an open-loop config could not keep its schedule: it started transitions at less
   * than {@link #SATURATED_BELOW} of the rate its schedule asked for, so its queue grew through
   * the pass and its response times describe the length of the run as much as the system.
   */
  public static boolean saturated(OpenLoop o) {
    return o.achievedRatePerS() < SATURATED_BELOW * o.scheduledRatePerS();
  }
}

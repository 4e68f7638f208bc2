package dev.benchbook.analysis;

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
   * the least-squares line through the sorted start times against their rank (ns per
   * transition, inverted), pooled over repetitions weighted by their transitions. A schedule
   * kept exactly gives the requested rate, and one start delayed by the operating system moves
   * it by little (unlike a first-to-last span); a saturated system gives the rate it could
   * serve. 0 when no repetition started two transitions.
   */
  public static double achievedPerS(RawRows rows, int configCode) {
    int[] config = rows.config();
    int[] rep = rows.rep();
    long[] start = rows.longs(Column.START_NS);
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (config[i] == configCode) {
        counts.merge(rep[i], 1, Integer::sum);
      }
    }
    double gaps = 0;
    double ns = 0;
    for (var e : counts.entrySet()) {
      if (e.getValue() < 2) {
        continue;
      }
      long[] starts = new long[e.getValue()];
      int n = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (config[i] == configCode && rep[i] == e.getKey()) {
          starts[n++] = start[i];
        }
      }
      Arrays.sort(starts);
      gaps += n - 1;
      ns += (n - 1) * nsPerStart(starts);
    }
    return ns <= 0 ? 0 : gaps / (ns / 1e9);
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
}

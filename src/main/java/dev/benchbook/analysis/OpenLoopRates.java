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
   * Transitions started per second by config {@code configCode}: per repetition, with the
   * start times sorted, the median over i of the time from start i to start i + n/2 gives
   * the time n/2 starts took; pooled over repetitions (sum of starts over sum of those
   * times). A schedule kept exactly gives the requested rate; late starts at the beginning
   * (a cold JIT) or the end (a descheduled thread) move a median of half-run windows by
   * little, unlike a first-to-last span; a saturated system gives the rate it could serve.
   * 0 when no repetition started two transitions.
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
      int k = n / 2;
      starts += k;
      ns += medianWindowNs(sorted, k);
    }
    return ns <= 0 ? 0 : starts / (ns / 1e9);
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

  /** The median over i of {@code sorted[i + k] - sorted[i]}. */
  static double medianWindowNs(long[] sorted, int k) {
    double[] windows = new double[sorted.length - k];
    for (int i = 0; i < windows.length; i++) {
      windows[i] = sorted[i + k] - sorted[i];
    }
    return Percentiles.of(windows, 0.5);
  }
}

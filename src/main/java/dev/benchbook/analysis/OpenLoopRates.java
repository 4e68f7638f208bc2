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

  /** Share of a repetition's starts the rates are measured over (the rest may straggle). */
  public static final double COVERED = 0.99;

  /**
   * Transitions started per second by config {@code configCode}: per repetition, with the
   * start times sorted and k = ceil({@value #COVERED} n), k - 1 starts over the time from the
   * schedule's origin (the first intended start; for closed-loop rows, the first start) to the
   * k-th start; pooled over repetitions (sum of starts over sum of times). A kept schedule gives
   * the requested rate exactly; a late first stretch that caught up (a cold JIT) does not move
   * it, nor do the last 1% of starts (a descheduled worker at the end); a saturated system
   * gives the rate it could serve. 0 when no repetition started two transitions.
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
    long[] origin = rows.has(Column.INTENDED_START_NS) ? rows.longs(Column.INTENDED_START_NS)
        : start;
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
      long first = Long.MAX_VALUE;
      int n = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (config[i] == configCode && rep[i] == e.getKey()) {
          sorted[n++] = start[i];
          first = Math.min(first, origin[i]);
        }
      }
      Arrays.sort(sorted);
      int k = Math.max(2, (int) Math.ceil(COVERED * n));
      starts += k - 1;
      ns += sorted[k - 1] - first;
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
}

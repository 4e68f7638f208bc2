package dev.benchbook.results;

/**
 * How an open-loop config's arrivals went: the rate asked for and the rate at which its
 * transitions actually started (below the requested one when the system was saturated and
 * the queue grew). Absent for closed-loop configs.
 *
 * @param requestedRatePerS the schedule's rate, transitions per second ({@code --rate})
 * @param achievedRatePerS transitions started per second: the least-squares slope of the
 *     sorted start times against their rank, per repetition, pooled
 * @param arrivals {@code constant} or {@code poisson}
 * @param scheduledRatePerS the rate of the intended starts by the same estimator: the
 *     requested rate for constant arrivals, what the seeded draws came out at for Poisson
 */
public record OpenLoop(double requestedRatePerS, double achievedRatePerS, String arrivals,
    double scheduledRatePerS) {

  /** Validates the rates. */
  public OpenLoop {
    if (!(requestedRatePerS > 0)) {
      throw new IllegalArgumentException("requested rate must be > 0/s, got "
          + requestedRatePerS);
    }
    if (!(scheduledRatePerS > 0)) {
      throw new IllegalArgumentException("scheduled rate must be > 0/s, got "
          + scheduledRatePerS);
    }
    if (!(achievedRatePerS >= 0)) {
      throw new IllegalArgumentException("achieved rate must be >= 0/s, got "
          + achievedRatePerS);
    }
  }

  /** Achieved as a percentage of scheduled (the intended starts' own rate). */
  public double achievedPct() {
    return 100.0 * achievedRatePerS / scheduledRatePerS;
  }
}

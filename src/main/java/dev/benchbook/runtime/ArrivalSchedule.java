package dev.benchbook.runtime;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The intended start times of an open-loop pass, ns from its start: {@code i / rate} for
 * constant arrivals, the running sum of seeded exponential draws of mean {@code 1 / rate} for
 * Poisson arrivals (the first arrival at 0 for both). The same arrivals and seed give the same
 * times, however many are read and in which order.
 */
public final class ArrivalSchedule {

  private final Arrivals arrivals;
  private final SplittableRandom rng;
  private volatile long[] times;
  private long last;

  /** A schedule with room for {@code expected} arrivals before it extends itself. */
  public ArrivalSchedule(Arrivals arrivals, long seed, int expected) {
    this.arrivals = arrivals;
    this.rng = new SplittableRandom(seed);
    long[] t = new long[Math.max(16, expected)];
    fill(t, 0);
    this.times = t;
  }

  /** The intended start of arrival {@code i} (from 0), ns from the pass start. */
  public long at(int i) {
    long[] t = times;
    return i < t.length ? t[i] : grown(i)[i];
  }

  private synchronized long[] grown(int i) {
    long[] t = times;
    if (i >= t.length) {
      long[] bigger = Arrays.copyOf(t, Math.max(i + 1, t.length * 2));
      fill(bigger, t.length);
      times = bigger;
      t = bigger;
    }
    return t;
  }

  private void fill(long[] t, int from) {
    double mean = arrivals.meanIntervalNs();
    for (int i = from; i < t.length; i++) {
      if (arrivals.kind() == Arrivals.Kind.CONSTANT) {
        t[i] = Math.round(i * mean);
      } else {
        t[i] = i == 0 ? 0 : last + Math.round(-Math.log(1.0 - rng.nextDouble()) * mean);
        last = t[i];
      }
    }
  }
}

package dev.benchbook.analysis;

import java.util.Arrays;

/**
 * Percentiles by linear interpolation between closest ranks (numpy's default, Hyndman-Fan type
 * 7): for n sorted values and p in [0, 1], position {@code (n - 1) * p}, then interpolate between
 * the values at the floor and the ceiling of that position.
 *
 * <p>Several percentiles are computed at once by selection (quickselect, like numpy's
 * partition) rather than a full sort. Methods taking an array copy it unless named
 * {@code ...InPlace}. Long inputs are converted to double, which is exact below 2^53
 * (104 days in nanoseconds).
 */
public final class Percentiles {

  private Percentiles() {
  }

  /** The 0-based fractional rank of percentile {@code p} among {@code n} values: (n-1)*p. */
  public static double position(int n, double p) {
    checkP(p);
    return (n - 1) * p;
  }

  /** One percentile of the values; the input is not modified. */
  public static double of(double[] values, double p) {
    return of(values, new double[] {p})[0];
  }

  /** Several percentiles of the values, in the order of {@code ps}; the input is not modified. */
  public static double[] of(double[] values, double... ps) {
    checkNotEmpty(values.length);
    double[] copy = Arrays.copyOf(values, values.length);
    for (int i = 0; i < copy.length; i++) {
      if (Double.isNaN(copy[i])) {
        throw new IllegalArgumentException("values must not contain NaN; found one at index " + i);
      }
    }
    return ofInPlace(copy, 0, copy.length, ps);
  }

  /** One percentile of long values (e.g. nanoseconds), in the same unit; input not modified. */
  public static double of(long[] values, double p) {
    return of(values, new double[] {p})[0];
  }

  /** Several percentiles of long values, in the order of {@code ps}; input not modified. */
  public static double[] of(long[] values, double... ps) {
    checkNotEmpty(values.length);
    double[] copy = new double[values.length];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = values[i];
    }
    return ofInPlace(copy, 0, copy.length, ps);
  }

  /**
   * Several percentiles of {@code buf[from, to)}, reordering that range (no copy, no NaN check):
   * the building block for hot loops that reuse one buffer.
   */
  public static double[] ofInPlace(double[] buf, int from, int to, double... ps) {
    int n = to - from;
    checkNotEmpty(n);
    if (ps.length == 0) {
      throw new IllegalArgumentException("at least one percentile is required");
    }
    for (double p : ps) {
      checkP(p);
    }
    placeRanks(buf, from, to, neededRanks(n, ps));
    double[] out = new double[ps.length];
    for (int i = 0; i < ps.length; i++) {
      out[i] = interpolate(buf, from, n, ps[i]);
    }
    return out;
  }

  private static int[] neededRanks(int n, double[] ps) {
    int[] ranks = new int[ps.length * 2];
    int count = 0;
    for (double p : ps) {
      double pos = (n - 1) * p;
      int k = (int) Math.floor(pos);
      ranks[count++] = k;
      if (pos > k && k + 1 < n) {
        ranks[count++] = k + 1;
      }
    }
    return Arrays.stream(ranks, 0, count).sorted().distinct().toArray();
  }

  private static void placeRanks(double[] buf, int from, int to, int[] ranks) {
    int previous = -1;
    for (int rank : ranks) {
      int lo = from + previous + 1;
      if (rank == previous + 1) {
        Select.minToFront(buf, lo, to);
      } else {
        Select.kth(buf, lo, to, from + rank);
      }
      previous = rank;
    }
  }

  private static double interpolate(double[] buf, int from, int n, double p) {
    double pos = (n - 1) * p;
    int k = (int) Math.floor(pos);
    double frac = pos - k;
    double low = buf[from + k];
    if (frac == 0 || k + 1 >= n) {
      return low;
    }
    return low + frac * (buf[from + k + 1] - low);
  }

  /** Smallest value. */
  public static double min(double[] values) {
    checkNotEmpty(values.length);
    double m = values[0];
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** Largest value. */
  public static double max(double[] values) {
    checkNotEmpty(values.length);
    double m = values[0];
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** Arithmetic mean. */
  public static double mean(double[] values) {
    checkNotEmpty(values.length);
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Smallest value. */
  public static long min(long[] values) {
    checkNotEmpty(values.length);
    long m = values[0];
    for (long v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** Largest value. */
  public static long max(long[] values) {
    checkNotEmpty(values.length);
    long m = values[0];
    for (long v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** Arithmetic mean, summed exactly in a long before dividing. */
  public static double mean(long[] values) {
    checkNotEmpty(values.length);
    long sum = 0;
    for (long v : values) {
      sum += v;
    }
    return (double) sum / values.length;
  }

  private static void checkNotEmpty(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("percentiles need at least one value, got none");
    }
  }

  private static void checkP(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("percentile p must be in [0, 1], got " + p);
    }
  }
}

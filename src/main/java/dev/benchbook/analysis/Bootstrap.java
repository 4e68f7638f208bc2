package dev.benchbook.analysis;

import dev.benchbook.results.Interval;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded percentile-bootstrap confidence intervals for a percentile delta, a mean delta and a
 * ratio of means. The same inputs and seed always give the same interval.
 *
 * <p>A resample draws n values with replacement from each side independently; the interval is
 * the {@code (1 - level) / 2} and {@code (1 + level) / 2} percentiles (by {@link Percentiles})
 * of the resampled statistic. See docs/STATISTICS.md.
 */
public final class Bootstrap {

  private Bootstrap() {
  }

  /**
   * The bootstrap distribution of {@code P_p(mitigation*) - P_p(baseline*)}: one value per
   * resample, in the unit of the samples.
   */
  public static double[] percentileDeltas(double[] baseline, double[] mitigation, double p,
      int resamples, long seed) {
    checkResamples(resamples);
    PercentileResampler b = new PercentileResampler(baseline, p);
    PercentileResampler m = new PercentileResampler(mitigation, p);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] out = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double pb = b.draw(rng);
      out[r] = m.draw(rng) - pb;
    }
    return out;
  }

  /** Interval of the delta of percentile {@code p} (mitigation minus baseline) from raw values. */
  public static Interval percentileDeltaInterval(double[] baseline, double[] mitigation, double p,
      int resamples, double level, long seed) {
    double[] deltas = percentileDeltas(baseline, mitigation, p, resamples, seed);
    return interval(deltas, level, "percentile-bootstrap/raw-rows");
  }

  /** Interval of {@code mean(mitigation) - mean(baseline)}, e.g. over per-repetition P95s. */
  public static Interval meanDeltaInterval(double[] baseline, double[] mitigation, int resamples,
      double level, long seed, String method) {
    double[][] means = resampledMeans(baseline, mitigation, resamples, seed);
    double[] out = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      out[r] = means[1][r] - means[0][r];
    }
    return interval(out, level, method);
  }

  /** Interval of {@code mean(mitigation) / mean(baseline)}, e.g. over per-repetition rates. */
  public static Interval meanRatioInterval(double[] baseline, double[] mitigation, int resamples,
      double level, long seed, String method) {
    double[][] means = resampledMeans(baseline, mitigation, resamples, seed);
    double[] out = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      if (!(means[0][r] > 0)) {
        throw new IllegalArgumentException("baseline values must be > 0 for a ratio");
      }
      out[r] = means[1][r] / means[0][r];
    }
    return interval(out, level, method);
  }

  private static double[][] resampledMeans(double[] baseline, double[] mitigation,
      int resamples, long seed) {
    checkResamples(resamples);
    checkSample(baseline, "baseline");
    checkSample(mitigation, "mitigation");
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] out = new double[2][resamples];
    for (int r = 0; r < resamples; r++) {
      out[0][r] = resampledMean(baseline, rng);
      out[1][r] = resampledMean(mitigation, rng);
    }
    return out;
  }

  private static double resampledMean(double[] values, SplittableRandom rng) {
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[nextIndex(rng, values.length)];
    }
    return sum / values.length;
  }

  private static Interval interval(double[] stats, double level, String method) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    double tail = (1 - level) / 2;
    double[] bounds = Percentiles.ofInPlace(stats, 0, stats.length, tail, 1 - tail);
    return new Interval(bounds[0], bounds[1], level, stats.length, method);
  }

  /**
   * A uniform index in [0, n) without bias, by Lemire's multiply-and-reject method (no division
   * on the common path).
   */
  static int nextIndex(SplittableRandom rng, int n) {
    long m = (rng.nextInt() & 0xFFFFFFFFL) * n;
    long low = m & 0xFFFFFFFFL;
    if (low < n) {
      long threshold = (1L << 32) % n;
      while (low < threshold) {
        m = (rng.nextInt() & 0xFFFFFFFFL) * n;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  private static void checkResamples(int resamples) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
    }
  }

  static void checkSample(double[] values, String side) {
    if (values.length == 0) {
      throw new IllegalArgumentException(side + " sample is empty; need at least one value");
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(side + " sample holds a non-finite value: " + v);
      }
    }
  }

  /**
   * Draws the percentile of one bootstrap resample without materialising it: the values are
   * sorted once; a resample is n uniform indices into the sorted values, counted in a histogram;
   * because sorting is monotone, the resample's k-th smallest value is the sorted value at the
   * k-th smallest drawn index, found by scanning the histogram from the top (P95 needs ~5%).
   */
  static final class PercentileResampler {
    private final double[] sorted;
    private final int[] counts;
    private final int n;
    private final int k;
    private final double frac;

    PercentileResampler(double[] values, double p) {
      checkSample(values, "bootstrap");
      this.sorted = values.clone();
      Arrays.sort(sorted);
      this.n = sorted.length;
      this.counts = new int[n];
      double pos = Percentiles.position(n, p);
      this.k = (int) Math.floor(pos);
      this.frac = pos - k;
    }

    double draw(SplittableRandom rng) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[nextIndex(rng, n)]++;
      }
      int above = n - k;
      int seen = 0;
      int j = n - 1;
      while (seen + counts[j] < above - 1) {
        seen += counts[j--];
      }
      int upper = j;
      if (seen + counts[j] < above) {
        seen += counts[j--];
        while (counts[j] == 0) {
          j--;
        }
      }
      double low = sorted[j];
      if (frac == 0 || k + 1 >= n) {
        return low;
      }
      return low + frac * (sorted[upper] - low);
    }
  }
}

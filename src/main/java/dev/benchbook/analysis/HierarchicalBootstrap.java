package dev.benchbook.analysis;

import dev.benchbook.results.Interval;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence intervals that respect how the data were made: a two-level (three with forks)
 * bootstrap resamples forks, then repetitions within each drawn fork, then rows within each
 * drawn repetition, and recomputes the statistic on the pooled resample. Its spread is the
 * standard error; the interval is {@code estimate +- t * SE} with a small-sample correction:
 * each side's bootstrap variance is scaled by {@code k / (k - 1)} (k = independent top-level
 * units: forks, else repetitions) and the quantile is Student's t with Welch-Satterthwaite
 * degrees of freedom from those k. Seeded: the same inputs and seed give the same interval.
 * Why this method: docs/STATISTICS.md.
 */
public final class HierarchicalBootstrap {

  /** Method label of percentile-delta intervals. */
  public static final String PERCENTILE_METHOD = "hierarchical-bootstrap-t/reps>rows";
  /** Method label of percentile-delta intervals of forked runs. */
  public static final String PERCENTILE_FORKS_METHOD = "hierarchical-bootstrap-t/forks>reps>rows";
  /** Method label of throughput-ratio intervals. */
  public static final String RATIO_METHOD = "hierarchical-bootstrap-t/log-rates";
  private static final long SIDE_STREAM = 0x9E3779B97F4A7C15L;

  private HierarchicalBootstrap() {
  }

  /**
   * Interval of {@code P_p(mitigation) - P_p(baseline)} over pooled rows, e.g. {@code p = 0.95}.
   * Each side needs at least two top-level units.
   */
  public static Interval percentileDelta(NestedSample baseline, NestedSample mitigation,
      double p, int resamples, double level, long seed) {
    checkP(p);
    double estimate = pooledPercentile(mitigation, p) - pooledPercentile(baseline, p);
    double[] b = percentiles(baseline, p, resamples, new SplittableRandom(seed));
    double[] m = percentiles(mitigation, p, resamples, new SplittableRandom(seed ^ SIDE_STREAM));
    String method = baseline.forks() >= 2 || mitigation.forks() >= 2 ? PERCENTILE_FORKS_METHOD
        : PERCENTILE_METHOD;
    return tInterval(estimate, b, baseline.topLevelUnits(), m, mitigation.topLevelUnits(),
        level, method);
  }

  /**
   * Interval of a throughput ratio: the samples hold each repetition's log rate (one row per
   * repetition); {@code ratio} is the point estimate; the interval is computed on the log scale
   * around {@code log(ratio)} and returned as ratios.
   */
  public static Interval logRatio(NestedSample logBaseline, NestedSample logMitigation,
      double ratio, int resamples, double level, long seed) {
    if (!(ratio > 0 && Double.isFinite(ratio))) {
      throw new IllegalArgumentException("a ratio must be positive and finite, got " + ratio);
    }
    Interval log = meanDelta(logBaseline, logMitigation, Math.log(ratio), resamples, level,
        seed, RATIO_METHOD);
    return new Interval(Math.exp(log.low()), Math.exp(log.high()), level, resamples,
        RATIO_METHOD);
  }

  /**
   * Interval around {@code estimate} with the spread of {@code mean(mitigation*) -
   * mean(baseline*)} over pooled rows, e.g. one row per repetition holding its P95.
   */
  public static Interval meanDelta(NestedSample baseline, NestedSample mitigation,
      double estimate, int resamples, double level, long seed, String method) {
    double[] b = means(baseline, resamples, new SplittableRandom(seed));
    double[] m = means(mitigation, resamples, new SplittableRandom(seed ^ SIDE_STREAM));
    return tInterval(estimate, b, baseline.topLevelUnits(), m, mitigation.topLevelUnits(),
        level, method);
  }

  /** The bootstrap distribution of one side's pooled percentile {@code p}, one per resample. */
  public static double[] percentiles(NestedSample s, double p, int resamples,
      SplittableRandom rng) {
    checkP(p);
    checkResamples(resamples);
    int[] counts = new int[s.rows()];
    double[] out = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      int total = resample(s, counts, rng);
      out[r] = percentileOfCounts(counts, s.sorted(), total, p);
    }
    return out;
  }

  /** The bootstrap distribution of one side's pooled mean, one value per resample. */
  public static double[] means(NestedSample s, int resamples, SplittableRandom rng) {
    checkResamples(resamples);
    int[] counts = new int[s.rows()];
    double[] sorted = s.sorted();
    double[] out = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      int total = resample(s, counts, rng);
      double sum = 0;
      for (int i = 0; i < counts.length; i++) {
        sum += counts[i] * sorted[i];
      }
      out[r] = sum / total;
    }
    return out;
  }

  /** Percentile {@code p} of all rows of a side (the point estimate), as {@link Percentiles}. */
  public static double pooledPercentile(NestedSample s, double p) {
    double[] sorted = s.sorted();
    double pos = Percentiles.position(sorted.length, p);
    int k = (int) Math.floor(pos);
    double frac = pos - k;
    return k + 1 >= sorted.length || frac == 0 ? sorted[k]
        : sorted[k] + frac * (sorted[k + 1] - sorted[k]);
  }

  /**
   * {@code estimate +- t * SE}: SE from both sides' bootstrap variances, each scaled by
   * {@code k / (k - 1)}; t with Welch-Satterthwaite degrees of freedom over the k's.
   */
  static Interval tInterval(double estimate, double[] baseline, int kBaseline,
      double[] mitigation, int kMitigation, double level, String method) {
    if (kBaseline < 2 || kMitigation < 2) {
      throw new IllegalArgumentException("a small-sample interval needs >= 2 independent units "
          + "per side, got " + kBaseline + " and " + kMitigation);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    double vb = variance(baseline) * kBaseline / (kBaseline - 1.0);
    double vm = variance(mitigation) * kMitigation / (kMitigation - 1.0);
    double se = Math.sqrt(vb + vm);
    if (se == 0) {
      return new Interval(estimate, estimate, level, baseline.length, method);
    }
    double df = welchDf(vb, kBaseline, vm, kMitigation);
    double t = new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - level) / 2);
    return new Interval(estimate - t * se, estimate + t * se, level, baseline.length, method);
  }

  /** Welch-Satterthwaite degrees of freedom of {@code vb + vm} with kb and km units. */
  static double welchDf(double vb, int kb, double vm, int km) {
    double num = (vb + vm) * (vb + vm);
    double den = vb * vb / (kb - 1) + vm * vm / (km - 1);
    double df = den == 0 ? kb + km - 2 : num / den;
    return Math.max(1, Math.min(df, kb + km - 2.0));
  }

  private static double variance(double[] values) {
    double mean = Arrays.stream(values).sum() / values.length;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return values.length < 2 ? 0 : ss / (values.length - 1);
  }

  /**
   * Draws one resample into {@code counts} (how often each sorted position was drawn): forks
   * with replacement (when two or more), repetitions with replacement within each drawn fork,
   * rows with replacement within each drawn repetition. Returns the rows drawn.
   */
  private static int resample(NestedSample s, int[] counts, SplittableRandom rng) {
    Arrays.fill(counts, 0);
    int[][] groups = s.groups();
    int[][] units = s.units();
    int total = 0;
    int g = groups.length;
    for (int i = 0; i < g; i++) {
      int[] group = groups[g == 1 ? 0 : Bootstrap.nextIndex(rng, g)];
      for (int j = 0; j < group.length; j++) {
        int[] unit = units[group[Bootstrap.nextIndex(rng, group.length)]];
        int n = unit.length;
        for (int r = 0; r < n; r++) {
          counts[unit[Bootstrap.nextIndex(rng, n)]]++;
        }
        total += n;
      }
    }
    return total;
  }

  private static double percentileOfCounts(int[] counts, double[] sorted, int total, double p) {
    double pos = Percentiles.position(total, p);
    int k = (int) Math.floor(pos);
    double frac = pos - k;
    double low = valueAtRank(counts, sorted, total, k);
    if (frac == 0 || k + 1 >= total) {
      return low;
    }
    return low + frac * (valueAtRank(counts, sorted, total, k + 1) - low);
  }

  /** The value of ascending rank {@code rank} (from 0) of the resample, scanning the nearer end. */
  private static double valueAtRank(int[] counts, double[] sorted, int total, int rank) {
    if (rank >= total / 2) {
      int fromTop = total - 1 - rank;
      int seen = 0;
      int j = counts.length - 1;
      while (seen + counts[j] <= fromTop) {
        seen += counts[j--];
      }
      return sorted[j];
    }
    int seen = 0;
    int j = 0;
    while (seen + counts[j] <= rank) {
      seen += counts[j++];
    }
    return sorted[j];
  }

  private static void checkP(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("percentile must be in [0, 1], got " + p);
    }
  }

  private static void checkResamples(int resamples) {
    if (resamples < 2) {
      throw new IllegalArgumentException("resamples must be >= 2, got " + resamples);
    }
  }
}

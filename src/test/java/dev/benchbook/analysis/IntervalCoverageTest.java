package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.Interval;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Coverage by simulation: synthetic repetitions with a known between-repetition spread and
 * autocorrelated rows within each repetition (latency-like, log-normal). Pure arithmetic, no
 * SQLite. Over 1,000 A/A pairs the hierarchical interval must exclude zero at most 6% of the
 * time at the 95% level; a true shift of two between-repetition standard deviations must be
 * detected at least 80% of the time; and the old raw-row bootstrap must fail the A/A check
 * (the regression guard: it treated rows as independent).
 *
 * <p>Model per repetition: {@code log(value) = MU + b + SIGMA_W * a_t}, {@code b ~ N(0,
 * SIGMA_B)} once per repetition, {@code a_t} an AR(1) series with lag-one correlation RHO and
 * unit variance. A shift of {@code 2 * SIGMA_B} on the log scale moves every repetition's P95
 * by two between-repetition standard deviations of its log. 200 resamples per interval: the
 * interval uses the bootstrap only for a standard error, which 200 resamples estimate to about
 * 5% (Efron and Tibshirani, ch. 6); production comparisons use 2,000.
 */
class IntervalCoverageTest {

  static final double MU = 0.0;
  static final double SIGMA_B = 0.20;
  static final double SIGMA_W = 0.30;
  static final double RHO = 0.5;
  static final int ROWS = 100;
  static final int PAIRS = 1000;
  static final int RESAMPLES = 200;

  /** One side: {@code reps} repetitions of {@code ROWS} rows, every value times exp(shift). */
  static double[][] side(SplittableRandom rng, int reps, double logShift) {
    double[][] out = new double[reps][ROWS];
    double innovation = Math.sqrt(1 - RHO * RHO);
    for (int r = 0; r < reps; r++) {
      double b = SIGMA_B * rng.nextGaussian();
      double a = rng.nextGaussian();
      for (int i = 0; i < ROWS; i++) {
        a = RHO * a + innovation * rng.nextGaussian();
        out[r][i] = Math.exp(MU + logShift + b + SIGMA_W * a);
      }
    }
    return out;
  }

  static NestedSample nested(double[][] reps, int forks) {
    int[] fork = new int[reps.length];
    for (int i = 0; i < fork.length; i++) {
      fork[i] = i % forks;
    }
    return NestedSample.of(reps, fork);
  }

  static double[] pooled(double[][] reps) {
    return java.util.Arrays.stream(reps).flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  /** Share of pairs whose hierarchical interval excludes zero. */
  static double hierarchicalExcludesZero(int reps, int forks, double logShift, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int excluded = 0;
    for (int pair = 0; pair < PAIRS; pair++) {
      NestedSample b = nested(side(rng, reps, 0), forks);
      NestedSample m = nested(side(rng, reps, logShift), forks);
      Interval ci = HierarchicalBootstrap.percentileDelta(b, m, 0.95, RESAMPLES, 0.95, pair);
      excluded += ci.contains(0) ? 0 : 1;
    }
    return excluded / (double) PAIRS;
  }

  @Test
  void aaPairsExcludeZeroAtMostSixPercentWithFiveRepetitions() {
    double rate = hierarchicalExcludesZero(5, 1, 0, 11);
    assertTrue(rate <= 0.06, "A/A false rate " + rate);
  }

  @Test
  void aaPairsExcludeZeroAtMostSixPercentWithForks() {
    double rate = hierarchicalExcludesZero(6, 3, 0, 12);
    assertTrue(rate <= 0.06, "A/A false rate with 3 forks x 2 reps: " + rate);
  }

  @Test
  void aTwoSdShiftIsDetectedAtLeastEightyPercentOfTheTime() {
    double rate = hierarchicalExcludesZero(8, 1, 2 * SIGMA_B, 13);
    assertTrue(rate >= 0.80, "power at a 2-SD shift " + rate);
  }

  @Test
  void theOldRawRowBootstrapFailsTheSameAaCheck() {
    SplittableRandom rng = new SplittableRandom(14);
    int excluded = 0;
    int pairs = 300;
    for (int pair = 0; pair < pairs; pair++) {
      double[] b = pooled(side(rng, 5, 0));
      double[] m = pooled(side(rng, 5, 0));
      Interval ci = Bootstrap.percentileDeltaInterval(b, m, 0.95, RESAMPLES, 0.95, pair);
      excluded += ci.contains(0) ? 0 : 1;
    }
    double rate = excluded / (double) pairs;
    assertTrue(rate > 0.15, "raw-row bootstrap A/A false rate " + rate
        + " (it should be far above 5%: rows are not independent)");
  }
}

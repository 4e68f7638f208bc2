package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.Interval;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BootstrapTest {

  static double[] exponential(long seed, int n, double meanMs, double shiftMs) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = shiftMs - meanMs * Math.log(1 - rng.nextDouble());
    }
    return v;
  }

  @ParameterizedTest
  @CsvSource({"1, 0.95", "2, 0.5", "3, 0.0", "4, 1.0", "5, 0.999", "6, 0.95"})
  void histogramResamplerEqualsMaterialisedResample(long seed, double p) {
    int n = seed == 6 ? 1 : 997;
    double[] values = exponential(seed, n, 3, 1);
    for (int i = 0; i < n; i += 7) {
      values[i] = 2.0;
    }
    Bootstrap.PercentileResampler resampler = new Bootstrap.PercentileResampler(values, p);
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    SplittableRandom a = new SplittableRandom(seed);
    SplittableRandom b = new SplittableRandom(seed);
    for (int r = 0; r < 200; r++) {
      double[] resample = new double[n];
      for (int i = 0; i < n; i++) {
        resample[i] = sorted[Bootstrap.nextIndex(b, n)];
      }
      assertEquals(Percentiles.of(resample, p), resampler.draw(a), 0.0, "resample " + r);
    }
  }

  @Test
  void nextIndexIsUniformAndInRange() {
    SplittableRandom rng = new SplittableRandom(9);
    int n = 7;
    int[] counts = new int[n];
    for (int i = 0; i < 700_000; i++) {
      counts[Bootstrap.nextIndex(rng, n)]++;
    }
    for (int c : counts) {
      assertEquals(100_000, c, 1_500);
    }
  }

  @Test
  void sameSeedSameIntervalOtherSeedOtherInterval() {
    double[] b = exponential(1, 5_000, 10, 30);
    double[] m = exponential(2, 5_000, 10, 5);
    Interval one = Bootstrap.percentileDeltaInterval(b, m, 0.95, 2000, 0.95, 42);
    Interval two = Bootstrap.percentileDeltaInterval(b, m, 0.95, 2000, 0.95, 42);
    Interval other = Bootstrap.percentileDeltaInterval(b, m, 0.95, 2000, 0.95, 43);
    assertEquals(one, two);
    assertFalse(one.equals(other));
    assertArrayEquals(Bootstrap.percentileDeltas(b, m, 0.95, 50, 7),
        Bootstrap.percentileDeltas(b, m, 0.95, 50, 7));
    assertEquals("percentile-bootstrap/raw-rows", one.method());
    assertEquals(2000, one.resamples());
  }

  @Test
  void intervalBracketsTrueDeltaOfLargeShift() {
    // Exponential(mean 10) + 30 vs + 5: the true P95 delta is exactly -25 ms.
    double[] b = exponential(11, 20_000, 10, 30);
    double[] m = exponential(12, 20_000, 10, 5);
    Interval ci = Bootstrap.percentileDeltaInterval(b, m, 0.95, 2000, 0.95, 1);
    assertTrue(ci.contains(-25.0), ci.toString());
    assertTrue(ci.high() - ci.low() < 3, "interval too wide: " + ci);
  }

  @Test
  void meanRatioIntervalOfRepetitions() {
    double[] b = {3200, 3300, 3287, 3250, 3310};
    double[] m = {28000, 28638, 29000, 28500, 28800};
    Interval ci = Bootstrap.meanRatioInterval(b, m, 2000, 0.95, 3, "x");
    double ratio = Arrays.stream(m).average().getAsDouble() / Arrays.stream(b).average().getAsDouble();
    assertTrue(ci.contains(ratio), ci.toString());
    assertTrue(ci.low() > 8 && ci.high() < 9.5, ci.toString());
  }
}

package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentilesTest {

  private static final double EPS = 1e-12;

  @Test
  void oneToTenMatchesNumpy() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(9.55, Percentiles.of(v, 0.95), EPS);
    assertEquals(5.5, Percentiles.of(v, 0.5), EPS);
    assertEquals(9.91, Percentiles.of(v, 0.99), EPS);
    assertEquals(1.0, Percentiles.of(v, 0.0), EPS);
    assertEquals(10.0, Percentiles.of(v, 1.0), EPS);
    assertEquals(1.9, Percentiles.of(v, 0.1), EPS);
  }

  @Test
  void singleValueIsEveryPercentile() {
    assertArrayEquals(new double[] {7, 7, 7}, Percentiles.of(new double[] {7}, 0, 0.5, 1), EPS);
  }

  @Test
  void twoValuesInterpolate() {
    double[] v = {10, 20};
    assertEquals(19.5, Percentiles.of(v, 0.95), EPS);
    assertEquals(15.0, Percentiles.of(v, 0.5), EPS);
    assertEquals(10.0, Percentiles.of(v, 0), EPS);
  }

  @Test
  void tiesAndUnsortedInput() {
    double[] v = {5, 1, 5, 3, 5, 1};
    // sorted 1 1 3 5 5 5: P50 at 2.5 -> 3 + 0.5 * 2 = 4; P20 at 1.0 -> 1; P95 at 4.75 -> 5
    assertArrayEquals(new double[] {4, 1, 5}, Percentiles.of(v, 0.5, 0.2, 0.95), EPS);
    assertArrayEquals(new double[] {5, 1, 5, 3, 5, 1}, v, "input must not be modified");
  }

  @Test
  void percentilesComeBackInRequestedOrder() {
    double[] v = {4, 3, 2, 1, 0};
    assertArrayEquals(new double[] {4, 0, 2, 3.8}, Percentiles.of(v, 1, 0, 0.5, 0.95), EPS);
  }

  @Test
  void longInputInSameUnit() {
    long[] ns = {1_000_000L, 3_000_000L, 2_000_000L};
    assertEquals(2_900_000.0, Percentiles.of(ns, 0.95), 1e-6);
    assertEquals(1_000_000L, Percentiles.min(ns));
    assertEquals(3_000_000L, Percentiles.max(ns));
    assertEquals(2_000_000.0, Percentiles.mean(ns), EPS);
  }

  @Test
  void minMaxMeanOfDoubles() {
    double[] v = {2.5, -1, 4};
    assertEquals(-1, Percentiles.min(v), EPS);
    assertEquals(4, Percentiles.max(v), EPS);
    assertEquals(5.5 / 3, Percentiles.mean(v), EPS);
  }

  @Test
  void emptyInputIsRefusedClearly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Percentiles.of(new double[0], 0.5));
    assertEquals("percentiles need at least one value, got none", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new long[0], 0.5));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.mean(new double[0]));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
  void pOutsideUnitIntervalIsRefused(double p) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Percentiles.of(new double[] {1, 2}, p));
    assertEquals("percentile p must be in [0, 1], got " + p, e.getMessage());
  }

  @Test
  void nanValuesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Percentiles.of(new double[] {1, Double.NaN}, 0.5));
    assertTrue(e.getMessage().contains("index 1"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234, 99_999})
  void withinMinMaxMonotoneAndEqualToSortReference(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 1 + rng.nextInt(5000);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      // many ties: values on a coarse grid
      v[i] = rng.nextInt(4) == 0 ? Math.floor(rng.nextDouble() * 20) : rng.nextGaussian() * 100;
    }
    double[] ps = new double[41];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = i == ps.length - 1 ? rng.nextDouble() : i / 40.0;
    }
    double[] got = Percentiles.of(v, ps);
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    double min = sorted[0];
    double max = sorted[n - 1];
    for (int i = 0; i < ps.length; i++) {
      assertTrue(got[i] >= min && got[i] <= max, "p=" + ps[i] + " out of [min, max]");
      assertEquals(reference(sorted, ps[i]), got[i], 1e-9, "p=" + ps[i]);
      if (i > 0 && i < ps.length - 1) {
        assertTrue(got[i] >= got[i - 1], "not monotone at p=" + ps[i]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 17, 100, 10_001})
  void adversarialOrdersMatchReference(int n) {
    double[] ascending = LongStream.range(0, n).asDoubleStream().toArray();
    double[] descending = LongStream.range(0, n).map(i -> n - i).asDoubleStream().toArray();
    double[] constant = new double[n];
    for (double[] v : new double[][] {ascending, descending, constant}) {
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      double[] ps = {0.5, 0.9, 0.95, 0.99, 0.999};
      double[] got = Percentiles.of(v, ps);
      for (int i = 0; i < ps.length; i++) {
        assertEquals(reference(sorted, ps[i]), got[i], 1e-9);
      }
    }
  }

  /** numpy's linear method on a sorted copy, written the naive way. */
  static double reference(double[] sorted, double p) {
    double pos = (sorted.length - 1) * p;
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}

package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Arrival schedules: exact constant spacing, seeded Poisson draws that fit the exponential. */
class ArrivalScheduleTest {

  private static long[] times(Arrivals a, long seed, int n, int room) {
    ArrivalSchedule s = new ArrivalSchedule(a, seed, room);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = s.at(i);
    }
    return out;
  }

  @Test
  void constantArrivalsAreExactlyOnePeriodApart() {
    long[] t = times(new Arrivals(3000, Arrivals.Kind.CONSTANT), 1, 10_000, 16);
    for (int i = 0; i < t.length; i++) {
      assertEquals(Math.round(i * 1e9 / 3000), t[i], "arrival " + i);
    }
  }

  @Test
  void seededSchedulesAreReproducibleHoweverTheyGrow() {
    Arrivals poisson = new Arrivals(2000, Arrivals.Kind.POISSON);
    long[] a = times(poisson, 7, 50_000, 16);
    long[] b = times(poisson, 7, 50_000, 100_000);
    assertArrayEquals(a, b, "same seed, same times whether extended or made at once");
    long[] c = times(poisson, 8, 50_000, 16);
    assertFalse(Arrays.equals(a, c), "another seed, other times");
    for (int i = 1; i < a.length; i++) {
      assertTrue(a[i] >= a[i - 1], "times ascend at " + i);
    }
  }

  /**
   * Chi-square test of 100k inter-arrival times against the exponential of mean 1/rate, in 20
   * bins of equal probability: 19 degrees of freedom, critical value 43.82 at alpha = 0.001,
   * for three seeds; and the mean within 1% (its standard error is 0.32%).
   */
  @Test
  void poissonInterArrivalTimesFitTheExponentialOn100kDraws() {
    int n = 100_000;
    int bins = 20;
    double rate = 5000;
    double meanNs = 1e9 / rate;
    for (long seed : new long[] {1, 20260222L, 99}) {
      long[] t = times(new Arrivals(rate, Arrivals.Kind.POISSON), seed, n + 1, n + 1);
      int[] counts = new int[bins];
      double sum = 0;
      for (int i = 1; i <= n; i++) {
        double gap = t[i] - t[i - 1];
        sum += gap;
        double cdf = 1 - Math.exp(-gap / meanNs);
        counts[Math.min(bins - 1, (int) (cdf * bins))]++;
      }
      double expected = (double) n / bins;
      double chi2 = 0;
      for (int c : counts) {
        chi2 += (c - expected) * (c - expected) / expected;
      }
      assertTrue(chi2 < 43.82, "seed " + seed + ": chi-square " + chi2 + " over 19 df");
      assertEquals(meanNs, sum / n, meanNs * 0.01, "seed " + seed + ": mean gap");
    }
  }

  @Test
  void ratesOutsideWhatCanBeDispatchedAreRefusedInOneLine() {
    assertEquals("--rate must be > 0 per second, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> Arrivals.parse("0", "constant")).getMessage());
    assertEquals("--rate must be > 0 per second, got -5",
        assertThrows(IllegalArgumentException.class,
            () -> Arrivals.parse("-5/s", "constant")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Arrivals.parse("2000000/s", "constant")).getMessage()
        .startsWith("--rate must be at most 1000000/s"));
    assertEquals("--arrivals must be constant or poisson, got 'bursty'",
        assertThrows(IllegalArgumentException.class,
            () -> Arrivals.parse("10", "bursty")).getMessage());
    assertEquals(2000, Arrivals.parse("2000/s", "POISSON").ratePerS());
    assertEquals("-r2000", Arrivals.parse("2000/s", "constant").idSuffix());
    assertEquals("-r2.5", Arrivals.parse("2.5", "constant").idSuffix());
  }
}

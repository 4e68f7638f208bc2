package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepsTest {

  private static SweepPoint p(String strategy, String value, double p95) {
    return new SweepPoint(strategy, value, "c" + value, 1000, p95, p95 * 2);
  }

  @Test
  void kneeIsFirstPointAboveTenTimesTheFirst() {
    List<SweepPoint> pts = List.of(p("per-worker", "1", 0.02), p("per-worker", "2", 0.19),
        p("per-worker", "4", 0.21), p("per-worker", "8", 5.0), p("per-worker", "16", 40));
    assertEquals("4", Sweeps.knee(pts).orElseThrow().value());
  }

  @Test
  void exactlyTenTimesIsNotAKnee() {
    List<SweepPoint> pts = List.of(p("s", "1", 0.1), p("s", "2", 1.0));
    assertTrue(Sweeps.knee(pts).isEmpty());
  }

  @Test
  void kneesPerStrategyOmitStrategiesWithoutOne() {
    List<SweepPoint> pts = List.of(p("a", "1", 1), p("b", "1", 1), p("a", "2", 11),
        p("b", "2", 2));
    assertEquals(Map.of("a", "2"), Sweeps.knees(pts));
  }
}

package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.results.WorkerFairness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentionTest {

  /** 10 workers, 10 s: 8 workers starved, each waiting ~9.9 s once; P95 tiny. */
  static ConfigResult starved() {
    SegmentStats lw = SegmentStats.measured(1000, 80.0, 0, 0.01, 0.01, 0.02, 0.05, 2400, 2436);
    SegmentStats db = SegmentStats.measured(1000, 80.2, 0.1, 0.1, 0.1, 0.15, 0.3, 2400, 2436);
    return config("c10-zero", 10, 10.0, lw, db)
        .withFairness(new WorkerFairness(10, 4, 4, 572, 0.19, 8), List.of());
  }

  /** 10 workers, 10 s, everyone waiting a steady 5 ms of a 20 ms transaction. */
  static ConfigResult slower() {
    SegmentStats lw = SegmentStats.measured(2000, 5.0, 1, 5, 6, 6.5, 7, 8, 9);
    SegmentStats db = SegmentStats.measured(2000, 20.0, 10, 20, 22, 23, 24, 25, 26);
    return config("c10-fast", 10, 10.0, lw, db)
        .withFairness(new WorkerFairness(10, 195, 200, 205, 0.999, 0), List.of());
  }

  private static ConfigResult config(String id, int workers, double wallS, SegmentStats lw,
      SegmentStats db) {
    return new ConfigResult(id, workers, "zero", "per-worker", Map.of(), true, 1,
        lw.count(), wallS, lw.count() / wallS, null, 0, 0, false, Optional.empty(),
        Map.of("lock_wait_ms", lw, "db_total_ms", db), List.of());
  }

  @Test
  void scoreIsTheShareOfWorkerTimeSpentWaiting() {
    // 1000 rows x 80 ms = 80 s of waiting over 10 workers x 10 s
    assertEquals(0.8, Contention.score(starved()).getAsDouble(), 1e-12);
    assertEquals(0.1, Contention.score(slower()).getAsDouble(), 1e-12);
  }

  @Test
  void targetIsTheStarvedConfigNotTheOneWithTheHigherP95() {
    assertEquals("c10-zero", Contention.mitigationTarget(List.of(slower(), starved())).id());
  }

  /** A matrix of the phase: c10-zero (fast, no hold) and the scenario, at given scores. */
  private static List<ConfigResult> matrix(double zeroScore, double scenarioScore) {
    // score = mean lock_wait x count / (workers x wall): 1000 rows, 10 s
    SegmentStats zeroLw = SegmentStats.measured(1000, zeroScore * 100, 0, 0.005, 0.006, 0.06,
        0.5, 123, 194);
    SegmentStats zeroDb = SegmentStats.measured(1000, zeroScore * 100 + 0.1, 0.01, 0.03, 0.05,
        0.09, 0.6, 124, 195);
    SegmentStats scenLw = SegmentStats.measured(1000, scenarioScore * 160, 0, 8, 40, 53.6, 300,
        2572, 2732);
    SegmentStats scenDb = SegmentStats.measured(1000, scenarioScore * 160 + 1, 1, 9, 41, 54.8,
        301, 2573, 2733);
    return List.of(slower(), config("c10-zero", 10, 10.0, zeroLw, zeroDb),
        config("c16-fast-hold1", 16, 10.0, scenLw, scenDb));
  }

  @Test
  void theTargetHoldsOverRepeatedMatricesWhoseScoresTradePlacesWithinNoise() {
    double[][] scores = {{0.80, 0.78}, {0.575, 0.777}, {0.734, 0.76}, {0.84, 0.79},
        {0.62, 0.80}};
    for (double[] s : scores) {
      List<ConfigResult> m = matrix(s[0], s[1]);
      assertEquals(s[0], Contention.score(m.get(1)).getAsDouble(), 1e-9);
      assertEquals("c16-fast-hold1", Contention.mitigationTarget(m).id(),
          "c10-zero at " + s[0] + ", the scenario at " + s[1]);
    }
  }

  @Test
  void aConfigClearlyMoreContendedThanTheScenarioIsChosen() {
    assertEquals("c10-zero", Contention.mitigationTarget(matrix(0.95, 0.60)).id());
    assertEquals("c16-fast-hold1", Contention.mitigationTarget(matrix(0.60, 0.95)).id());
  }

  @Test
  void theReasonNamesScoreTailAndStarvation() {
    assertEquals("c10-zero: workers spent 80% of their time waiting for the write lock (P95 "
        + "lock_wait 0.02 ms, P99.9 2,400 ms, max 2,436 ms; 8 of 10 workers starved (fewest 4 "
        + "transitions per worker, most 572))", Contention.why(starved()));
  }

  @Test
  void aLowP95HidingStarvationIsSaidInWords() {
    assertEquals(Optional.of("At c10-zero, P95 lock_wait 0.02 ms hides starvation: 8 of 10 "
        + "workers starved (fewest 4 transitions per worker, most 572), P99.9 2,400 ms, max wait "
        + "2,436 ms."), Contention.hiddenByP95(starved()));
    assertEquals(Optional.empty(), Contention.hiddenByP95(slower()));
  }

  @Test
  void aHighP95WithStarvedWorkersIsNotSaidToHideIt() {
    SegmentStats lw = SegmentStats.measured(1000, 30.0, 0, 5, 50, 79, 530, 2135, 3036);
    SegmentStats db = SegmentStats.measured(1000, 31.0, 0.1, 5, 51, 80, 531, 2136, 3037);
    ConfigResult c16 = config("c16-fast", 16, 10.0, lw, db)
        .withFairness(new WorkerFairness(16, 4, 104, 228, 0.66, 3), List.of());
    assertEquals(Optional.of("At c16-fast, beyond its P95 lock_wait 79 ms: 3 of 16 workers "
        + "starved (fewest 4 transitions per worker, most 228), P99.9 2,135 ms, max wait "
        + "3,036 ms."), Contention.hiddenByP95(c16));
  }

  @Test
  void lockShareIsMeanOverMean() {
    assertEquals(0.25, Contention.lockShare(slower()).orElseThrow(), 1e-12);
    ConfigResult p95Only = new ConfigResult("seed", 10, "zero", "per-worker", Map.of(), true, 1,
        3272, null, 3287, null, 0, 0, false, Optional.empty(), Map.of("lock_wait_ms",
        SegmentStats.p95Only(40.65), "db_total_ms", SegmentStats.p95Only(40.95)), List.of());
    assertEquals(Optional.empty(), Contention.lockShare(p95Only));
  }
}

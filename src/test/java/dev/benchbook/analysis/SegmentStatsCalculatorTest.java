package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import dev.benchbook.rows.TestRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentStatsCalculatorTest {

  static final List<String> CONFIGS = List.of("c1-zero", "c10-zero", "c1-fast");
  static final List<String> STATES = List.of("PENDING", "UPLOADING", "UPLOADED", "PROCESSING",
      "INDEXED");

  /** Random rows: 3 configs, 3 reps, every outcome, lock_wait <= db_total <= fsm_net. */
  static RawRows randomRows(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    RawRows rows = new RawRows(CONFIGS, STATES, n);
    for (int i = 0; i < n; i++) {
      long dispatch = 1_000 + rng.nextInt(50_000);
      long lock = rng.nextInt(10) == 0 ? rng.nextLong(40_000_000) : rng.nextInt(200_000);
      long db = lock + 50_000 + rng.nextInt(900_000);
      long api = rng.nextInt(3) == 0 ? 0 : rng.nextLong(5_000_000);
      long net = db + dispatch + rng.nextInt(10_000);
      Outcome outcome = rng.nextInt(8) == 0 ? Outcome.of(1 + rng.nextInt(3)) : Outcome.COMMITTED;
      TestRows.add(rows, rng.nextInt(CONFIGS.size()), rng.nextInt(3), rng.nextInt(10), i % 818, 0, 1, i,
          dispatch, api, lock, db, net, net + api, 0, outcome);
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 2026})
  void equalsNaiveSortReference(long seed) {
    RawRows rows = randomRows(seed, 20_000);
    for (int c = 0; c < CONFIGS.size(); c++) {
      Map<String, SegmentStats> got = SegmentStatsCalculator.compute(rows, c);
      assertEquals(List.of("db_total_ms", "lock_wait_ms", "fsm_dispatch_ms", "fsm_net_ms",
          "api_ms"), new ArrayList<>(got.keySet()));
      for (Segment s : Segment.values()) {
        if (rows.has(s.column())) {
          assertStatsEqual(naive(rows, c, -1, s), got.get(s.key()));
        }
      }
    }
  }

  @Test
  void repFilterMatchesReference() {
    RawRows rows = randomRows(5, 10_000);
    Map<String, SegmentStats> got = SegmentStatsCalculator.compute(rows, 1, 2);
    for (Segment s : Segment.values()) {
      if (rows.has(s.column())) {
        assertStatsEqual(naive(rows, 1, 2, s), got.get(s.key()));
      }
    }
  }

  @Test
  void computeAllEqualsPerConfig() {
    RawRows rows = randomRows(11, 30_000);
    Map<String, Map<String, SegmentStats>> all = SegmentStatsCalculator.computeAll(rows);
    assertEquals(CONFIGS, new ArrayList<>(all.keySet()));
    for (int c = 0; c < CONFIGS.size(); c++) {
      assertEquals(SegmentStatsCalculator.compute(rows, c), all.get(CONFIGS.get(c)));
    }
  }

  @Test
  void apiStatsCoverOnlyRowsWithAnApiCallUnlessNoneHasOne() {
    RawRows rows = new RawRows(List.of("a", "b"), STATES, 4);
    TestRows.add(rows, 0, 0, 0, 1, 0, 1, 0, 1, 0, 2, 3, 4, 4, 0, Outcome.COMMITTED);
    TestRows.add(rows, 0, 0, 0, 1, 1, 2, 0, 1, 7_000_000, 2, 3, 4, 7_000_004, 0, Outcome.COMMITTED);
    TestRows.add(rows, 1, 0, 0, 1, 0, 1, 0, 1, 0, 2, 3, 4, 4, 0, Outcome.COMMITTED);
    SegmentStats withCalls = SegmentStatsCalculator.compute(rows, 0).get("api_ms");
    assertEquals(1L, withCalls.count());
    assertEquals(7.0, withCalls.p50Ms());
    SegmentStats none = SegmentStatsCalculator.compute(rows, 1).get("api_ms");
    assertEquals(1L, none.count());
    assertEquals(0.0, none.p95Ms());
  }

  @Test
  void onlyCommittedRowsCount() {
    RawRows rows = new RawRows(List.of("a"), STATES, 4);
    TestRows.add(rows, 0, 0, 0, 1, 0, 1, 0, 1, 0, 2_000_000, 3_000_000, 4_000_000, 4_000_000, 0,
        Outcome.COMMITTED);
    TestRows.add(rows, 0, 0, 0, 1, 0, 1, 0, 1, 0, 90_000_000, 90_000_000, 90_000_000, 90_000_000, 5,
        Outcome.BUSY);
    TestRows.add(rows, 0, 0, 0, 2, 0, 1, 0, 1, 0, 4_000_000, 5_000_000, 6_000_000, 6_000_000, 0,
        Outcome.CONFLICT);
    SegmentStats lock = SegmentStatsCalculator.compute(rows, 0).get("lock_wait_ms");
    assertEquals(1L, lock.count());
    assertEquals(2.0, lock.maxMs());
    assertEquals(2.0, lock.p95Ms());
    assertEquals(1, SegmentStatsCalculator.samplesMs(rows, 0, Segment.DB_TOTAL).length);
  }

  @Test
  void configWithoutCommittedRowsGivesEmptyMap() {
    RawRows rows = new RawRows(List.of("a", "b"), STATES, 4);
    TestRows.add(rows, 0, 0, 0, 1, 0, 1, 0, 1, 0, 2, 3, 4, 4, 0, Outcome.COMMITTED);
    assertTrue(SegmentStatsCalculator.compute(rows, 1).isEmpty());
    assertTrue(SegmentStatsCalculator.computeAll(rows).get("b").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> SegmentStatsCalculator.compute(rows, 2));
  }

  private static void assertStatsEqual(SegmentStats want, SegmentStats got) {
    assertEquals(want.count(), got.count());
    double[] w = {want.meanMs(), want.minMs(), want.p50Ms(), want.p90Ms(), want.p95Ms(),
        want.p99Ms(), want.p999Ms(), want.maxMs()};
    double[] g = {got.meanMs(), got.minMs(), got.p50Ms(), got.p90Ms(), got.p95Ms(),
        got.p99Ms(), got.p999Ms(), got.maxMs()};
    for (int i = 0; i < w.length; i++) {
      assertEquals(w[i], g[i], 1e-9 * Math.max(1, Math.abs(w[i])), "field " + i);
    }
  }

  /** Filter, sort fully, interpolate: the obvious way. */
  private static SegmentStats naive(RawRows rows, int config, int rep, Segment s) {
    long[] col = rows.longs(TestRows.column(s.nsColumn()));
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.config()[i] == config && Outcome.of(rows.outcome()[i]) == Outcome.COMMITTED
          && (rep < 0 || rows.rep()[i] == rep) && (s != Segment.API || col[i] > 0)) {
        ms.add(col[i] / 1e6);
      }
    }
    double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double mean = Arrays.stream(v).sum() / v.length;
    return SegmentStats.measured(v.length, mean, v[0], PercentilesTest.reference(v, 0.5),
        PercentilesTest.reference(v, 0.9), PercentilesTest.reference(v, 0.95),
        PercentilesTest.reference(v, 0.99), PercentilesTest.reference(v, 0.999), v[v.length - 1]);
  }
}

package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Interval;
import dev.benchbook.results.RepResult;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.results.Verdict;
import dev.benchbook.results.WorkloadSpec;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import dev.benchbook.rows.TestRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComparisonsTest {

  static final WorkloadSpec SEED_WORKLOAD =
      new WorkloadSpec(818, "upload-index", "NORMAL", 0, 5000, 0, Map.of("profile", "zero"));

  static ConfigResult config(String id, Map<String, SegmentStats> segments, double perS,
      List<RepResult> reps, Optional<WorkloadSpec> workload) {
    return new ConfigResult(id, 10, "zero", id.endsWith("shared") ? "shared-connection"
        : "per-worker", Map.of(), true, Math.max(1, reps.size()), 3272, 1.0, perS, null, 0, 0,
        false, workload, segments, reps);
  }

  static Map<String, SegmentStats> p95s(double db, double lock, double dispatch, double net) {
    Map<String, SegmentStats> m = new LinkedHashMap<>();
    m.put("db_total_ms", SegmentStats.p95Only(db));
    m.put("lock_wait_ms", SegmentStats.p95Only(lock));
    m.put("fsm_dispatch_ms", SegmentStats.p95Only(dispatch));
    m.put("fsm_net_ms", SegmentStats.p95Only(net));
    return m;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void ratioTimesInverseIsOne(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < 1000; i++) {
      double a = Math.exp(rng.nextDouble(-20, 20));
      double b = Math.exp(rng.nextDouble(-20, 20));
      assertEquals(1.0, Comparisons.ratio(a, b) * Comparisons.ratio(b, a), 1e-9);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void deltaOfASampleWithItselfIsZeroWithinNoise(long seed) {
    double[][] a = new double[5][];
    for (int r = 0; r < a.length; r++) {
      a[r] = BootstrapTest.exponential(seed * 10 + r, 600, 5, 1);
    }
    SegmentDelta d = Comparisons.delta("db_total_ms", a, a, CompareOptions.defaults());
    assertEquals(0.0, d.deltaMs(), 0.0);
    assertEquals(0.0, d.deltaPct(), 0.0);
    assertTrue(d.deltaCiMs().orElseThrow().contains(0.0));
    assertEquals(Optional.of(Verdict.WITHIN_NOISE), d.verdict());
  }

  @Test
  void deltaHelpers() {
    assertEquals(-39.68, Comparisons.deltaMs(40.95, 1.27), 1e-12);
    assertEquals(-50.0, Comparisons.deltaPct(2, 1), 1e-12);
    assertEquals(0.0, Comparisons.deltaPct(0, 0), 0.0);
    assertThrows(IllegalArgumentException.class, () -> Comparisons.deltaPct(0, 1));
    assertThrows(IllegalArgumentException.class, () -> Comparisons.ratio(0, 1));
  }

  @Test
  void largeShiftFromRawRowsIsImprovedAndBracketsTheTrueDelta() {
    // db_total ~ Exp(mean 10 ms) + 30 ms vs + 5 ms: true P95 delta -25 ms.
    RawRows rows = new RawRows(List.of("c10-zero", "c10-zero-shared"), List.of("A", "B"), 40_000);
    addRows(rows, 0, BootstrapTest.exponential(1, 10_000, 10, 30));
    addRows(rows, 1, BootstrapTest.exponential(2, 10_000, 10, 5));
    Comparison c = compareRows(rows);
    SegmentDelta db = c.row(Segment.DB_TOTAL).orElseThrow();
    Interval ci = db.deltaCiMs().orElseThrow();
    assertTrue(ci.contains(-25.0), ci.toString());
    assertEquals(Optional.of(Verdict.IMPROVED), db.verdict());
    assertEquals(HierarchicalBootstrap.PERCENTILE_METHOD, ci.method());
    assertTrue(c.intervals().startsWith("P95 deltas by hierarchical bootstrap (5 vs 5 "
        + "repetitions, then rows within each)"), c.intervals());
  }

  @Test
  void identicalDistributionsAreWithinNoise() {
    RawRows rows = new RawRows(List.of("c10-zero", "c10-zero-shared"), List.of("A", "B"), 40_000);
    addRows(rows, 0, BootstrapTest.exponential(3, 10_000, 10, 30));
    addRows(rows, 1, BootstrapTest.exponential(4, 10_000, 10, 30));
    Comparison c = compareRows(rows);
    for (SegmentDelta d : c.segments()) {
      assertTrue(d.deltaCiMs().orElseThrow().contains(0.0), d.toString());
      assertEquals(Optional.of(Verdict.WITHIN_NOISE), d.verdict(), d.segment());
    }
  }

  @Test
  void sameComparisonTwiceIsIdentical() {
    RawRows rows = new RawRows(List.of("c10-zero", "c10-zero-shared"), List.of("A", "B"), 4_000);
    addRows(rows, 0, BootstrapTest.exponential(5, 2_000, 10, 30));
    addRows(rows, 1, BootstrapTest.exponential(6, 2_000, 10, 5));
    assertEquals(compareRows(rows), compareRows(rows));
  }

  @Test
  void repetitionsGiveIntervalsForP95AndThroughput() {
    List<RepResult> base = new ArrayList<>();
    List<RepResult> mit = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      base.add(rep(r, 3200 + 20 * r, p95s(40 + r * 0.3, 39.7 + r * 0.3, 0.09, 41 + r * 0.3)));
      mit.add(rep(r, 28_500 + 50 * r, p95s(1.2 + r * 0.02, 0.7 + r * 0.02, 0.03, 1.3)));
    }
    Comparison c = Comparisons.compare(
        config("c10-zero", p95s(40.95, 40.65, 0.09, 41.17), 3287, base, Optional.empty()),
        config("c10-zero-shared", p95s(1.27, 0.77, 0.03, 1.34), 28638, mit, Optional.empty()),
        CompareOptions.defaults());
    assertEquals(Optional.of(Verdict.IMPROVED), c.throughput().verdict());
    assertEquals("hierarchical-bootstrap-t/log-rates", c.throughput().ci().orElseThrow()
        .method());
    SegmentDelta lock = c.row(Segment.LOCK_WAIT).orElseThrow();
    assertEquals("hierarchical-bootstrap-t/rep-p95s", lock.deltaCiMs().orElseThrow().method());
    assertTrue(lock.deltaCiMs().get().contains(lock.deltaMs()), "centred on the pooled delta");
    assertEquals(Optional.of(Verdict.IMPROVED), lock.verdict());
    assertTrue(c.intervals().contains("5 vs 5"), c.intervals());
  }

  @Test
  void tooLittleDataSaysSoAndInventsNothing() {
    Comparison c = Comparisons.compare(
        config("c10-zero", p95s(40.95, 40.65, 0.09, 41.17), 3287, List.of(), Optional.empty()),
        config("c10-zero-shared", p95s(1.27, 0.77, 0.03, 1.34), 28638, List.of(),
            Optional.empty()),
        CompareOptions.defaults());
    assertEquals("no intervals and no verdicts: 1 repetition per config; a verdict needs >= 3 "
        + "repetitions per config (with fewer, how much results vary from one repetition to the "
        + "next, the largest source of noise, cannot be seen)", c.intervals());
    assertTrue(c.segments().stream().allMatch(d -> d.deltaCiMs().isEmpty()
        && d.verdict().isEmpty()));
    assertTrue(c.throughput().ci().isEmpty());
    assertEquals(4, c.segments().size());
  }

  @Test
  void apiSegmentOnlyWhenBothHaveANonZeroP95() {
    Map<String, SegmentStats> b = new LinkedHashMap<>(p95s(3, 2, 0.01, 2100));
    Map<String, SegmentStats> m = new LinkedHashMap<>(p95s(1, 0.5, 0.01, 2050));
    b.put("api_ms", SegmentStats.p95Only(2000));
    m.put("api_ms", SegmentStats.p95Only(2001));
    ConfigResult base = config("c10-realistic", b, 5, List.of(), Optional.empty());
    Comparison c = Comparisons.compare(base,
        config("c10-realistic-shared", m, 5, List.of(), Optional.empty()),
        CompareOptions.defaults());
    assertEquals("api_ms", c.segments().get(4).segment());
    m.put("api_ms", SegmentStats.p95Only(0));
    Comparison zero = Comparisons.compare(base,
        config("c10-realistic-shared", m, 5, List.of(), Optional.empty()),
        CompareOptions.defaults());
    assertEquals(4, zero.segments().size());
  }

  @Test
  void differentWorkloadsAreRefusedNamingEveryDifference() {
    WorkloadSpec other =
        new WorkloadSpec(1000, "upload-index", "FULL", 0, 5000, 0, Map.of("profile", "zero"));
    ConfigResult b = config("c10-zero", p95s(40, 40, 0.1, 41), 3287, List.of(),
        Optional.of(SEED_WORKLOAD));
    ConfigResult m = config("c10-zero-shared", p95s(1, 1, 0.1, 1), 28638, List.of(),
        Optional.of(other));
    WorkloadMismatchException e = assertThrows(WorkloadMismatchException.class,
        () -> Comparisons.compare(b, m, CompareOptions.defaults()));
    assertEquals("workloads differ: files 818 vs 1000; synchronous NORMAL vs FULL; pass --force"
        + " to compare anyway", e.getMessage());
    Comparison forced = Comparisons.compare(b, m, CompareOptions.defaults().withForce(true));
    assertEquals(List.of("files 818 vs 1000", "synchronous NORMAL vs FULL"),
        forced.workloadDifferences());
  }

  @Test
  void workloadNumbersCompareByValueNotType() {
    WorkloadSpec a = new WorkloadSpec(818, "f", "NORMAL", 2.0, 5000, 0.1,
        Map.of("profile", "fast", "mean_ms", 5));
    WorkloadSpec b = new WorkloadSpec(818, "f", "NORMAL", 2, 5000, 0.1,
        Map.of("mean_ms", 5.0, "profile", "fast"));
    assertEquals(List.of(), WorkloadDiff.differences(a, b));
    WorkloadSpec c = new WorkloadSpec(818, "g", "NORMAL", 2.5, 1000, 0.2,
        Map.of("profile", "fast", "mean_ms", 6));
    assertEquals(List.of("flow f vs g", "hold_ms 2 vs 2.5", "busy_timeout_ms 5000 vs 1000",
        "failure_probability 0.1 vs 0.2", "latency {mean_ms=5, profile=fast} vs {mean_ms=6,"
        + " profile=fast}"), WorkloadDiff.differences(a, c));
  }

  @Test
  void rowsOfTheWrongConfigAreRefused() {
    RawRows rows = new RawRows(List.of("x", "y"), List.of("A"), 4);
    ConfigResult b = config("c10-zero", p95s(40, 40, 0.1, 41), 3287, List.of(), Optional.empty());
    ConfigResult m = config("c10-zero-shared", p95s(1, 1, 0.1, 1), 28638, List.of(),
        Optional.empty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Comparisons.compare(b, m, CompareOptions.defaults()
            .withRows(ConfigRows.of(rows, "x"), ConfigRows.of(rows, "y"))));
    assertEquals("baseline raw rows are for config 'x' but the baseline config is 'c10-zero'",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConfigRows.of(rows, "z"));
  }

  @Test
  void optionsAreValidated() {
    assertThrows(IllegalArgumentException.class,
        () -> CompareOptions.defaults().withResamples(199));
    assertThrows(IllegalArgumentException.class,
        () -> CompareOptions.defaults().withConfidence(1.0));
    assertThrows(IllegalArgumentException.class,
        () -> CompareOptions.defaults().withNoiseThresholdPct(-1));
  }

  static Comparison compareRows(RawRows rows) {
    return compareRows(rows, REPS, CompareOptions.defaults());
  }

  static Comparison compareRows(RawRows rows, int reps, CompareOptions options) {
    ConfigResult b = statsConfig(rows, "c10-zero", 3287, reps);
    ConfigResult m = statsConfig(rows, "c10-zero-shared", 28638, reps);
    return Comparisons.compare(b, m, options
        .withRows(ConfigRows.of(rows, "c10-zero"), ConfigRows.of(rows, "c10-zero-shared")));
  }

  /** As {@link #compareRows(RawRows, int, CompareOptions)}, each repetition in its own fork. */
  static Comparison compareForkedRows(RawRows rows, int reps, CompareOptions options) {
    ConfigResult b = statsConfig(rows, "c10-zero", 3287, reps, true);
    ConfigResult m = statsConfig(rows, "c10-zero-shared", 28638, reps, true);
    return Comparisons.compare(b, m, options
        .withRows(ConfigRows.of(rows, "c10-zero"), ConfigRows.of(rows, "c10-zero-shared")));
  }

  static ConfigResult statsConfig(RawRows rows, String id, double perS, int reps) {
    return statsConfig(rows, id, perS, reps, false);
  }

  static ConfigResult statsConfig(RawRows rows, String id, double perS, int reps,
      boolean forked) {
    int code = rows.configIds().indexOf(id);
    Map<String, SegmentStats> stats = SegmentStatsCalculator.compute(rows, code);
    List<RepResult> perRep = new ArrayList<>();
    for (int r = 0; r < reps; r++) {
      RepResult one = rep(r, perS, SegmentStatsCalculator.compute(rows, code, r));
      perRep.add(forked ? one.withFork(r) : one);
    }
    return config(id, stats, perS, perRep, Optional.of(SEED_WORKLOAD));
  }

  /** Repetitions the raw-row fixtures spread their rows over (row i in repetition i % 5). */
  static final int REPS = 5;

  /** One committed row per db_total value; lock_wait = 90%, fsm_net = db + 0.05 ms. */
  static void addRows(RawRows rows, int config, double[] dbMs) {
    addRows(rows, config, dbMs, REPS);
  }

  static void addRows(RawRows rows, int config, double[] dbMs, int reps) {
    for (int i = 0; i < dbMs.length; i++) {
      long db = Math.round(dbMs[i] * 1e6);
      TestRows.add(rows, config, i % reps, i % 10, i, 0, 1, i, 20_000, 0, db * 9 / 10, db, db + 50_000,
          db + 50_000, 0, Outcome.COMMITTED);
    }
  }

  private static RepResult rep(int r, double perS, Map<String, SegmentStats> segments) {
    return new RepResult(r, 3272, 3272 / perS, perS, 0, 0, 0, 818, false, segments);
  }
}

package dev.benchbook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.ResultsFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The one-liners added for notebooks: plan builder, compare(Measured), sweeps, work, rounding. */
class FacadeOneLinersTest {

  private static final String SWEEP = "data/contention/results-20261126-210804.json";
  private static final String POINT = "data/contention/results-mitigation-20261126-210911.json";

  @Test
  void aPlanWithHoldMeasuresTheBaselineAndMitigationsAndComparesWithoutWriting()
      throws Exception {
    Measured m = Benchbook.plan().concurrency(2).profile("zero").files(12).reps(1).holdMs(0.2)
        .mitigate("writer-queue");
    assertEquals(List.of("c2-zero", "c2-zero-writer-queue"),
        Benchbook.asRun(m).run().allConfigs().stream().map(c -> c.id()).toList());
    assertEquals(0.2, ((Number) m.file().manifest().parameters().get("hold_ms")).doubleValue());
    java.util.Set<String> cliKeys = new java.util.TreeSet<>(
        dev.benchbook.runtime.PlanSettings.builder().build().parameters().keySet());
    cliKeys.add("source");
    assertEquals(cliKeys, new java.util.TreeSet<>(m.file().manifest().parameters().keySet()),
        "the facade records what the command line records");
    var c = Benchbook.compare(m);
    assertEquals("c2-zero", c.baselineConfig());
    assertEquals("c2-zero-writer-queue", c.mitigationConfig());
    IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
        () -> Benchbook.plan().concurrency(2, 4).mitigate());
    assertTrue(two.getMessage().startsWith("mitigate measures one config"), two.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Benchbook.plan().holdMs(-1));
    assertThrows(IllegalArgumentException.class, () -> Benchbook.plan().profile("slow"));
  }

  @Test
  void sweepPointsKneesTableAndCharts() {
    var sweep = Benchbook.load(SWEEP);
    assertEquals(24, Benchbook.sweepPoints(sweep).size());
    assertEquals("{per-worker=2, shared-connection=2, writer-queue=8, backoff=2}",
        Benchbook.knees(sweep).toString());
    Table t = Benchbook.sweep(sweep);
    assertEquals(4, t.booleanColumn("knee").countTrue());
    assertEquals("sweep-lock-wait", Benchbook.sweepChart(sweep, "lock_wait_ms").name());
    assertEquals("sweep-throughput", Benchbook.sweepChart(sweep, "throughput").name());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Benchbook.sweepChart(sweep, "p95"));
    assertEquals("no sweep chart of 'p95'; charts: lock_wait_ms, throughput", bad.getMessage());
    IllegalArgumentException notSweep = assertThrows(IllegalArgumentException.class,
        () -> Benchbook.sweepChart(Benchbook.load(POINT), "throughput"));
    assertTrue(notSweep.getMessage().endsWith("is a mitigation file, not a sweep"),
        notSweep.getMessage());
  }

  @Test
  void workPerWorkerShowsTheStarvedC16Baseline() {
    var point = Benchbook.load(POINT);
    Table work = Benchbook.perWorker(point, "c16-fast");
    assertEquals(5 * 16, work.rowCount());
    assertEquals(4, (long) work.longColumn("transitions").min());
    assertEquals(228, (long) work.longColumn("transitions").max());
    assertTrue(work.name().startsWith("c16-fast: committed transitions per worker; rep 0: min 8, "
        + "max 188, Jain fairness 0.78"), work.name());
    Table balance = Benchbook.perWorker(point);
    assertEquals(4 * 5, balance.rowCount());
    assertThrows(IllegalArgumentException.class, () -> Benchbook.perWorker(point, "c99"));
  }

  @Test
  void roundingBaselineAndNearMatchErrors() {
    Table t = Table.create("t", StringColumn.create("s", "a", "b"),
        DoubleColumn.create("x", 1.23456, Double.NaN));
    Table r = Benchbook.round(t, 2);
    assertEquals(1.23, r.doubleColumn("x").get(0));
    assertTrue(r.doubleColumn("x").isMissing(1), "missing stays missing");
    assertEquals(1.23456, t.doubleColumn("x").get(0), "the input is unchanged");
    var sweep = Benchbook.load(SWEEP);
    IllegalArgumentException base = assertThrows(IllegalArgumentException.class,
        () -> Benchbook.baseline(sweep));
    assertTrue(base.getMessage().contains("is a sweep file: only mitigation files have a "
        + "baseline"), base.getMessage());
    assertEquals(3, Benchbook.mitigations(Benchbook.load(POINT)).size());
    ResultsFormatException missing = assertThrows(ResultsFormatException.class,
        () -> Benchbook.load("data/results-mitigation-20260222-114707.json"));
    assertTrue(missing.getMessage().endsWith("no such file; a file of that name is "
        + "data/seed-phase-14/results-mitigation-20260222-114707.json"), missing.getMessage());
  }
}

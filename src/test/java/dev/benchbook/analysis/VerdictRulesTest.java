package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.Manifest;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.Verdict;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the data cannot support a verdict, and the absolute noise floor. */
class VerdictRulesTest {

  static Manifest manifest(double clockReadNs, int cores) {
    return new Manifest("0.1.0", null, null, Optional.of("OpenJDK 64-Bit Server VM 17"),
        List.of("-Xss1m"), Optional.of("Linux 6.1 amd64"), Optional.of("Some CPU"),
        Optional.of(cores), Optional.of("3.50.0"), null, null, Optional.of(1L), null, null, null,
        Optional.of(clockReadNs));
  }

  /** Sub-microsecond db_total: the mitigation is 100 ns faster at every row. */
  static RawRows tinyShift() {
    RawRows rows = new RawRows(List.of("c10-zero", "c10-zero-shared"), List.of("A", "B"), 8_000);
    ComparisonsTest.addRows(rows, 0, BootstrapTest.exponential(7, 3_000, 0.0001, 0.0003));
    ComparisonsTest.addRows(rows, 1, BootstrapTest.exponential(8, 3_000, 0.0001, 0.0002));
    return rows;
  }

  @Test
  void oneRepetitionWithRawRowsGivesNoIntervalAndNoVerdict() {
    RawRows rows = new RawRows(List.of("c10-zero", "c10-zero-shared"), List.of("A", "B"), 8_000);
    ComparisonsTest.addRows(rows, 0, BootstrapTest.exponential(1, 3_000, 10, 30), 1);
    ComparisonsTest.addRows(rows, 1, BootstrapTest.exponential(2, 3_000, 10, 5), 1);
    Comparison c = ComparisonsTest.compareRows(rows, 1, CompareOptions.defaults());
    assertTrue(c.segments().stream().allMatch(d -> d.deltaCiMs().isEmpty()
        && d.verdict().isEmpty()));
    assertTrue(c.throughput().ci().isEmpty() && c.throughput().verdict().isEmpty());
    assertTrue(c.intervals().startsWith("no intervals and no verdicts: 1 repetition per config;"),
        c.intervals());
  }

  @Test
  void aDeltaUnderTheClockFloorIsWithinNoiseWhateverItsInterval() {
    CompareOptions fineClock = CompareOptions.defaults().withManifests(manifest(5, 2),
        manifest(5, 2));
    SegmentDelta fine = ComparisonsTest.compareRows(tinyShift(), 5, fineClock)
        .row(Segment.DB_TOTAL).orElseThrow();
    assertEquals(Optional.of(Verdict.IMPROVED), fine.verdict(), fine.toString());
    CompareOptions coarseClock = CompareOptions.defaults().withManifests(manifest(60, 2),
        manifest(40, 2));
    Comparison c = ComparisonsTest.compareForkedRows(tinyShift(), 5, coarseClock);
    SegmentDelta coarse = c.row(Segment.DB_TOTAL).orElseThrow();
    assertTrue(coarse.deltaCiMs().orElseThrow().high() < 0, "the interval alone excludes zero");
    assertEquals(Optional.of(Verdict.WITHIN_NOISE), coarse.verdict());
    assertEquals(Optional.of(0.0006), c.noiseFloorMs());
    assertTrue(c.intervals().contains("deltas under 0.0006 ms (10 clock reads) are within noise"),
        c.intervals());
  }

  @Test
  void separateRunsNeedThreeForksASideForAVerdict() {
    RawRows rows = new RawRows(List.of("c10-zero", "c10-zero-shared"), List.of("A", "B"), 8_000);
    ComparisonsTest.addRows(rows, 0, BootstrapTest.exponential(1, 3_000, 10, 30));
    ComparisonsTest.addRows(rows, 1, BootstrapTest.exponential(2, 3_000, 10, 5));
    CompareOptions twoRuns = CompareOptions.defaults().withManifests(manifest(40, 2),
        manifest(41, 2));
    Comparison oneJvm = ComparisonsTest.compareRows(rows, 5, twoRuns);
    assertTrue(oneJvm.segments().stream().allMatch(d -> d.deltaCiMs().isPresent()
        && d.verdict().isEmpty()), oneJvm.toString());
    assertTrue(oneJvm.throughput().ci().isPresent() && oneJvm.throughput().verdict().isEmpty());
    assertTrue(oneJvm.intervals().endsWith("no verdicts: the two configs come from separate runs "
        + "and each ran in 1 JVM (fork), so the JVM-to-JVM variation that separates two runs is "
        + "not inside the intervals; a verdict across runs needs >= 3 forks per config on both "
        + "sides (measure with --forks 3 or more)"), oneJvm.intervals());
    Comparison forked = ComparisonsTest.compareForkedRows(rows, 5, twoRuns);
    assertEquals(Optional.of(Verdict.IMPROVED),
        forked.row(Segment.DB_TOTAL).orElseThrow().verdict());
    Manifest same = manifest(40, 2);
    Comparison oneRun = ComparisonsTest.compareRows(rows, 5, CompareOptions.defaults()
        .withManifests(same, same));
    assertEquals(Optional.of(Verdict.IMPROVED),
        oneRun.row(Segment.DB_TOTAL).orElseThrow().verdict(), "two configs of one run");
  }

  @Test
  void runsOnDifferentMachinesGetIntervalsButNoVerdicts() {
    RawRows rows = new RawRows(List.of("c10-zero", "c10-zero-shared"), List.of("A", "B"), 8_000);
    ComparisonsTest.addRows(rows, 0, BootstrapTest.exponential(1, 3_000, 10, 30));
    ComparisonsTest.addRows(rows, 1, BootstrapTest.exponential(2, 3_000, 10, 5));
    Comparison c = ComparisonsTest.compareRows(rows, 5, CompareOptions.defaults()
        .withManifests(manifest(40, 2), manifest(40, 8)));
    assertEquals(List.of("cores 2 vs 8"), c.setupDifferences());
    assertTrue(c.segments().stream().allMatch(d -> d.deltaCiMs().isPresent()
        && d.verdict().isEmpty()));
    assertTrue(c.throughput().verdict().isEmpty());
    assertTrue(c.intervals().endsWith("no verdicts: the two runs' machines or JVMs differ (cores "
        + "2 vs 8), which no interval of one run's noise covers"), c.intervals());
  }

  @Test
  void setupDifferencesNameEveryField() {
    Manifest a = manifest(40, 2);
    Manifest b = new Manifest("0.1.0", null, null, Optional.of("OpenJDK 64-Bit Server VM 21"),
        List.of("-Xss2m"), Optional.of("Linux 6.1 amd64"), Optional.of("Other CPU"),
        Optional.of(2), Optional.of("3.50.0"), null, null, Optional.of(1L), null, null, null);
    assertEquals(List.of("cpu_model Some CPU vs Other CPU",
        "jvm OpenJDK 64-Bit Server VM 17 vs OpenJDK 64-Bit Server VM 21",
        "jvm_args [-Xss1m] vs [-Xss2m]"), SetupDiff.differences(a, b));
    assertEquals(List.of(), SetupDiff.differences(a, a));
  }

  @Test
  void anyPercentileGetsAnIntervalAndAVerdict() {
    RawRows rows = new RawRows(List.of("c10-zero", "c10-zero-shared"), List.of("A", "B"), 8_000);
    ComparisonsTest.addRows(rows, 0, BootstrapTest.exponential(1, 3_000, 10, 30));
    ComparisonsTest.addRows(rows, 1, BootstrapTest.exponential(2, 3_000, 10, 5));
    CompareOptions options = CompareOptions.defaults().withRows(ConfigRows.of(rows, "c10-zero"),
        ConfigRows.of(rows, "c10-zero-shared"));
    PercentileDelta p99 = Comparisons.percentileDelta(
        ComparisonsTest.statsConfig(rows, "c10-zero", 3287, 5),
        ComparisonsTest.statsConfig(rows, "c10-zero-shared", 28638, 5), Segment.DB_TOTAL, 0.99,
        options);
    double[] b = SegmentStatsCalculator.samplesMs(rows, 0, Segment.DB_TOTAL);
    assertEquals(Percentiles.of(b, 0.99), p99.baselineMs(), 1e-12);
    assertTrue(p99.ciMs().orElseThrow().contains(-25.0), p99.toString());
    assertEquals(Optional.of(Verdict.IMPROVED), p99.verdict());
  }

  @Test
  void floorAndWelchArithmetic() {
    assertEquals(0.0006, NoiseFloor.ofClockReadNs(60), 1e-15);
    assertEquals(8.0, HierarchicalBootstrap.welchDf(1, 5, 1, 5), 1e-12);
    assertEquals(4.0, HierarchicalBootstrap.welchDf(1, 5, 0, 5), 1e-12);
  }
}

package dev.benchbook.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.analysis.Percentiles;
import dev.benchbook.analysis.SweepPoint;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.SweepSpec;
import dev.benchbook.results.ThroughputRatio;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import dev.benchbook.rows.TestRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartBuildersTest {

  private static List<String> names(CategoryChart chart) {
    return new ArrayList<>(chart.getSeriesMap().keySet());
  }

  private static int points(CategorySeries series) {
    return series.getXData().size();
  }

  @Test
  void p95ChartHasBaselineAndMitigationBarsPerSegmentAndExactCsv() {
    Comparison comparison = new Comparison("c10-zero", "c10-zero-shared-connection", List.of(
        ChartFixtures.delta("db_total_ms", 40.95, 1.27, ChartFixtures.ci(-40.2, -39.0)),
        ChartFixtures.delta("lock_wait_ms", 2.0, 0.5, Optional.empty())),
        new ThroughputRatio(1150, 10005, 8.7, Optional.empty(), Optional.empty()), "x", 5.0,
        List.of());
    PlottedChart<CategoryChart> plotted = P95BeforeAfterChart.of(comparison);
    assertEquals("p95-before-after", plotted.name());
    CategoryChart chart = plotted.chart();
    assertEquals(List.of("baseline: c10-zero", "mitigation: c10-zero-shared-connection"),
        names(chart));
    chart.getSeriesMap().values().forEach(s -> assertEquals(2, points(s)));
    assertEquals(List.of("db_total (-96.9%)", "lock_wait (-75.0%)"),
        new ArrayList<>(chart.getSeriesMap().values().iterator().next().getXData()));
    assertFalse(chart.getStyler().isYAxisLogarithmic());
    assertTrue(chart.getYAxisTitle().contains("(ms"));
    assertEquals("segment,baseline_config,mitigation_config,baseline_p95_ms,mitigation_p95_ms,"
        + "delta_ms,delta_pct,mitigation_p95_ci_low_ms,mitigation_p95_ci_high_ms\n"
        + "db_total_ms,c10-zero,c10-zero-shared-connection,40.950,1.270,-39.680,-96.90,0.750,"
        + "1.950\n"
        + "lock_wait_ms,c10-zero,c10-zero-shared-connection,2.000,0.500,-1.500,-75.00,,\n",
        plotted.data().toCsv());
  }

  @Test
  void p95ChartLogOption() {
    PlottedChart<CategoryChart> log = P95BeforeAfterChart.of(ChartFixtures.comparison(), true);
    assertEquals("p95-before-after-log", log.name());
    assertTrue(log.chart().getStyler().isYAxisLogarithmic());
    assertTrue(log.chart().getYAxisTitle().contains("log scale"));
    assertEquals(P95BeforeAfterChart.of(ChartFixtures.comparison()).data(), log.data());
  }

  @Test
  void throughputChartHasOneSeriesPerStrategyAndRatiosToTheBaseline() {
    PlottedChart<CategoryChart> plotted =
        ThroughputChart.of(ChartFixtures.strategies(), "c10-zero");
    assertEquals(List.of("per-worker", "shared-connection", "writer-queue", "backoff"),
        names(plotted.chart()));
    plotted.chart().getSeriesMap().values().forEach(s -> assertEquals(4, points(s)));
    assertEquals(List.of(1.0, 10005.2 / 1150.4, 104250.0 / 1150.4, 1602.7 / 1150.4),
        plotted.data().column("ratio_to_baseline"));
    assertTrue(plotted.data().toCsv().startsWith("config,strategy,transitions_per_s,"
        + "baseline_config,ratio_to_baseline\nc10-zero,per-worker,1150.4,c10-zero,1.000\n"
        + "c10-zero-shared-connection,shared-connection,10005.2,c10-zero,8.697\n"));
    assertFalse(plotted.chart().getStyler().isYAxisLogarithmic());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ThroughputChart.of(ChartFixtures.strategies(), "c99"));
    assertTrue(e.getMessage().startsWith("baseline config c99 is not among"));
  }

  @Test
  void throughputChartLogOption() {
    PlottedChart<CategoryChart> log =
        ThroughputChart.of(ChartFixtures.strategies(), "c10-zero", true);
    assertTrue(log.chart().getStyler().isYAxisLogarithmic());
    assertEquals("throughput-log", log.name());
  }

  /** Config "a": lock_wait 1..5 ms committed plus a 100 ms busy row; config "b": 2 ms. */
  private static RawRows smallRows() {
    RawRows rows = new RawRows(List.of("a", "b"), List.of("NEW", "DONE"), 16);
    long[] lockMs = {3, 1, 5, 2, 4};
    for (int i = 0; i < lockMs.length; i++) {
      long ns = lockMs[i] * 1_000_000;
      TestRows.add(rows, 0, 0, 0, i, 0, 1, i * 1_000_000L, 0, 0, ns, ns, ns, ns, 0, Outcome.COMMITTED);
    }
    TestRows.add(rows, 0, 0, 0, 9, 0, 1, 0, 0, 0, 100_000_000, 100_000_000, 100_000_000, 100_000_000, 0,
        Outcome.BUSY);
    TestRows.add(rows, 1, 0, 0, 10, 0, 1, 0, 0, 0, 2_000_000, 2_000_000, 2_000_000, 2_000_000, 0,
        Outcome.COMMITTED);
    return rows;
  }

  @Test
  void spectrumInterpolatesCommittedRowsOnTheNinesAxis() {
    PlottedChart<XYChart> plotted =
        PercentileSpectrumChart.of(smallRows(), Segment.LOCK_WAIT, "a", "b");
    assertEquals("percentiles-lock_wait", plotted.name());
    XYChart chart = plotted.chart();
    assertEquals(List.of("baseline: a", "mitigation: b"),
        new ArrayList<>(chart.getSeriesMap().keySet()));
    for (XYSeries series : chart.getSeriesMap().values()) {
      assertEquals(PercentileSpectrumChart.POINTS, series.getXData().length);
      assertEquals(0.0, series.getXData()[0]);
      assertEquals(3.0, series.getXData()[60], 1e-12);
    }
    List<Object> latency = plotted.data().column("latency_ms");
    assertEquals(1.0, (double) latency.get(0), 1e-9);
    assertEquals(4.6, (double) latency.get(20), 1e-9);
    assertEquals(4.996, (double) latency.get(60), 1e-9);
    assertEquals(2.0, (double) latency.get(61), 1e-9);
    assertTrue(plotted.data().toCsv().startsWith(
        "series,config,percentile_pct,latency_ms\nbaseline: a,a,0.0000,1.0000\n"
        + "baseline: a,a,10.8749,1.4350\n"));
    assertTrue(chart.getStyler().isYAxisLogarithmic() == false,
        "1..5 ms lies within one decade, so the axis is linear");
  }

  @Test
  void spectrumUsesALogAxisForWideRangesAndLabelsTheTail() {
    PlottedChart<XYChart> plotted = PercentileSpectrumChart.of(ChartFixtures.rows(),
        Segment.LOCK_WAIT, ChartFixtures.BASELINE, ChartFixtures.SHARED);
    assertTrue(plotted.chart().getStyler().isYAxisLogarithmic());
    assertEquals("0%", PercentileSpectrumChart.decadeLabel(0.0));
    assertEquals("90%", PercentileSpectrumChart.decadeLabel(1.0));
    assertEquals("99%", PercentileSpectrumChart.decadeLabel(2.0));
    assertEquals("99.9%", PercentileSpectrumChart.decadeLabel(3.0));
    assertEquals(" ", PercentileSpectrumChart.decadeLabel(1.5));
    assertEquals(0.999, PercentileSpectrumChart.percentileAt(60), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> PercentileSpectrumChart.of(smallRows(), Segment.LOCK_WAIT, "a", "zzz"));
  }

  @Test
  void percentilesInterpolateLinearlyBetweenClosestRanks() {
    double[] sorted = {1, 2, 3, 4};
    assertEquals(2.5, Percentiles.of(sorted, 0.5), 1e-12);
    assertEquals(3.85, Percentiles.of(sorted, 0.95), 1e-12);
    assertEquals(1.0, Percentiles.of(sorted, 0.0), 1e-12);
    assertEquals(4.0, Percentiles.of(sorted, 1.0), 1e-12);
    assertEquals(7.0, Percentiles.of(new double[] {7}, 0.99), 1e-12);
  }

  @Test
  void lockWaitShareIsTheRatioOfMeans() {
    PlottedChart<CategoryChart> plotted = LockWaitShareChart.of(ChartFixtures.strategies());
    assertEquals(List.of("per-worker", "shared-connection", "writer-queue", "backoff"),
        names(plotted.chart()));
    plotted.chart().getSeriesMap().values().forEach(s -> assertEquals(4, points(s)));
    assertEquals(100 * 12.1 / 12.4, (double) plotted.data().column("lock_wait_share_pct").get(0),
        1e-9);
    assertTrue(plotted.chart().getYAxisTitle().contains("(%)"));
    ConfigResult bare = new ConfigResult("seed", 10, "zero", "per-worker", Map.of(), true, 1, 1,
        1.0, 1.0, null, 0, 0, false, Optional.empty(), Map.of(), List.of());
    assertFalse(LockWaitShareChart.supports(bare));
    assertThrows(IllegalArgumentException.class, () -> LockWaitShareChart.of(List.of(bare)));
  }

  @Test
  void throughputOverTimeCountsCommittedCompletionsPerBucket() {
    RawRows rows = new RawRows(List.of("a"), List.of("NEW", "DONE"), 16);
    long[] endsMs = {10, 20, 150, 260, 410};
    for (long end : endsMs) {
      long start = (end - 5) * 1_000_000;
      TestRows.add(rows, 0, 0, 0, 0, 0, 1, start, 0, 0, 0, 0, 5_000_000, 5_000_000, 0, Outcome.COMMITTED);
    }
    TestRows.add(rows, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 5_000_000, 5_000_000, 0, Outcome.BUSY);
    PlottedChart<XYChart> plotted = ThroughputOverTimeChart.of(rows, 100, List.of(), List.of());
    assertEquals(List.of("a rep 0"), new ArrayList<>(plotted.chart().getSeriesMap().keySet()));
    XYSeries series = plotted.chart().getSeriesMap().get("a rep 0");
    assertEquals(4, series.getXData().length);
    assertEquals("config,rep,bucket_start_s,committed,transitions_per_s\n"
        + "a,0,0.000,2,20.0\n"
        + "a,0,0.100,1,10.0\n"
        + "a,0,0.200,1,10.0\n"
        + "a,0,0.300,0,0.0\n", plotted.data().toCsv());
    assertThrows(IllegalArgumentException.class,
        () -> ThroughputOverTimeChart.of(rows, 0, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> ThroughputOverTimeChart.of(rows, 100, List.of("b"), List.of()));
  }

  @Test
  void throughputOverTimeHasOneSeriesPerConfigAndRep() {
    PlottedChart<XYChart> plotted = ThroughputOverTimeChart.of(ChartFixtures.rows());
    assertEquals(List.of("c10-zero rep 0", "c10-zero rep 1", "c10-zero-shared-connection rep 0",
        "c10-zero-shared-connection rep 1"),
        new ArrayList<>(plotted.chart().getSeriesMap().keySet()));
    PlottedChart<XYChart> one = ThroughputOverTimeChart.of(ChartFixtures.rows(), 50,
        List.of(ChartFixtures.SHARED), List.of(1));
    assertEquals(List.of("c10-zero-shared-connection rep 1"),
        new ArrayList<>(one.chart().getSeriesMap().keySet()));
  }

  @Test
  void sweepChartsHaveALinePerStrategyAndMarkTheKnee() {
    SweepSpec spec = ChartFixtures.sweepSpec();
    PlottedChart<CategoryChart> tput = SweepChart.throughput(spec, ChartFixtures.sweepPoints());
    assertEquals(List.of("per-worker", "shared-connection"), names(tput.chart()));
    tput.chart().getSeriesMap().values().forEach(s -> assertEquals(6, points(s)));
    PlottedChart<CategoryChart> lock = SweepChart.lockWait(spec, ChartFixtures.sweepPoints());
    assertEquals(List.of("per-worker P95", "per-worker P99", "shared-connection P95",
        "shared-connection P99"), names(lock.chart()));
    assertTrue(lock.chart().getStyler().isYAxisLogarithmic());
    assertFalse(SweepChart.lockWait(spec, ChartFixtures.sweepPoints(), false).chart().getStyler()
        .isYAxisLogarithmic());
    assertTrue(lock.data().toCsv().startsWith(
        "strategy,concurrency,p95_lock_wait_ms,p99_lock_wait_ms,knee\n"
        + "per-worker,1,0.004,0.008,false\n"));
    List<Object> knee = tput.data().column("knee");
    assertEquals(1, knee.stream().filter(Boolean.TRUE::equals).count());
    assertEquals(true, knee.get(3));
    assertThrows(IllegalArgumentException.class, () -> SweepChart.throughput(spec,
        List.of(new SweepPoint("per-worker", "64", "c64", 1, 1, 1))));
    assertThrows(IllegalArgumentException.class, () -> SweepChart.throughput(spec,
        List.of(new SweepPoint("x", "1", "c1", -1, 0, 0))));
  }

  @Test
  void longCategoryLabelsAreRotated() {
    assertEquals(0, ChartStyle.categoryLabelRotation(List.of("a", "b", "c"), 800));
    List<String> many = ChartFixtures.matrix().stream().map(ConfigResult::id).toList();
    assertTrue(ChartStyle.categoryLabelRotation(many, 780) > 0);
    assertEquals(90, ChartStyle.categoryLabelRotation(java.util.Collections.nCopies(60,
        "c10-zero-shared-connection"), 780));
  }
}

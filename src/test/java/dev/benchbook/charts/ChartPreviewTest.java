package dev.benchbook.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Renders every chart from realistic synthetic data, for people to look at. */
class ChartPreviewTest {

  /** Every chart a phase report could show, built from the fixtures. */
  static List<PlottedChart<?>> everyChart() {
    RawRows rows = ChartFixtures.rows();
    List<PlottedChart<?>> charts = new ArrayList<>();
    charts.add(P95BeforeAfterChart.of(ChartFixtures.comparison()));
    charts.add(P95BeforeAfterChart.of(ChartFixtures.comparison(), true));
    charts.add(P95BeforeAfterChart.of(ChartFixtures.comparisonWithoutIntervals())
        .named("p95-before-after-no-ci"));
    charts.add(ThroughputChart.of(ChartFixtures.strategies(), ChartFixtures.BASELINE));
    charts.add(ThroughputChart.of(ChartFixtures.strategies(), ChartFixtures.BASELINE, true));
    charts.add(ThroughputChart.of(ChartFixtures.matrix(), "c10-zero-per-worker")
        .named("throughput-matrix"));
    for (Segment segment : Segment.SEED_ORDER) {
      charts.add(PercentileSpectrumChart.of(rows, segment, ChartFixtures.BASELINE,
          ChartFixtures.SHARED));
    }
    charts.add(LockWaitShareChart.of(ChartFixtures.strategies()));
    charts.add(LockWaitShareChart.of(ChartFixtures.matrix()).named("lock-wait-share-matrix"));
    charts.add(ThroughputOverTimeChart.of(rows));
    charts.add(ThroughputOverTimeChart.of(rows, 50, List.of(ChartFixtures.BASELINE), List.of(0))
        .named("throughput-over-time-one"));
    charts.add(SweepChart.throughput(ChartFixtures.sweepSpec(), ChartFixtures.sweepPoints()));
    charts.add(SweepChart.lockWait(ChartFixtures.sweepSpec(), ChartFixtures.sweepPoints()));
    return charts;
  }

  @Test
  void rendersEveryChart() throws Exception {
    Path dir = Path.of(System.getProperty("charts.preview.dir", "target/charts-preview"));
    for (PlottedChart<?> chart : everyChart()) {
      ExportedChart files = ChartExport.write(chart, dir);
      assertTrue(Files.size(files.png()) > 10_000, chart.name() + " PNG looks empty");
      assertTrue(Files.size(files.svg()) > 10_000, chart.name() + " SVG looks empty");
    }
  }
}

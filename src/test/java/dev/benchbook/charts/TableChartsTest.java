package dev.benchbook.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Charts of any table place every value under its own label; a missing pair stays empty. */
class TableChartsTest {

  /** Two runs that share only some configs, listed in different orders. */
  static Table twoRuns() {
    return Table.create("p95 of two runs",
        StringColumn.create("run", "A", "A", "A", "B", "B"),
        StringColumn.create("config", "c1-zero", "c10-zero", "c10-zero-shared-connection",
            "c10-zero-writer-queue", "c1-zero"),
        DoubleColumn.create("p95_ms", 1.0, 10.0, 3.0, 0.5, 1.5));
  }

  @Test
  void barsSitUnderTheirOwnLabelsAndAMissingPairIsEmpty() {
    PlottedChart<CategoryChart> chart = TableCharts.bar(twoRuns(), "config", "p95_ms", "run");
    Map<String, Map<String, Double>> drawn = drawn(chart.chart());
    assertEquals(List.of("A", "B"), new ArrayList<>(drawn.keySet()));
    Map<String, Double> b = drawn.get("B");
    assertEquals(List.of("c1-zero", "c10-zero", "c10-zero-shared-connection",
        "c10-zero-writer-queue"), new ArrayList<>(b.keySet()), "every series has every label");
    // XChart's addSeries(name, [writer-queue, c1-zero], [0.5, 1.5]) next to run A's series draws
    // B's 0.5 under A's first label, c1-zero: the shifted picture. Here each value keeps its label.
    assertEquals(1.5, b.get("c1-zero"));
    assertEquals(0.5, b.get("c10-zero-writer-queue"));
    assertEquals(null, b.get("c10-zero"));
    assertEquals(null, b.get("c10-zero-shared-connection"));
    assertEquals(null, drawn.get("A").get("c10-zero-writer-queue"));
    assertEquals(10.0, drawn.get("A").get("c10-zero"));
    assertEquals("config,run=A,run=B\nc1-zero,1.000000,1.500000\nc10-zero,10.000000,\n"
        + "c10-zero-shared-connection,3.000000,\nc10-zero-writer-queue,,0.500000\n",
        chart.data().toCsv());
    assertEquals("bar-p95_ms-by-config-per-run", chart.name());
    assertTrue(ChartExport.image(chart.chart()).getWidth() > 0, "it renders");
  }

  @Test
  void aLineOverTextLabelsLeavesGapsAndOverNumbersUsesTheAxis() {
    PlottedChart<?> byLabel = TableCharts.line(twoRuns(), "config", "p95_ms", "run");
    Map<String, Double> b = drawn((CategoryChart) byLabel.chart()).get("B");
    assertEquals(1.5, b.get("c1-zero"));
    assertEquals(null, b.get("c10-zero"));

    Table sweep = Table.create("sweep",
        StringColumn.create("strategy", "per-worker", "per-worker", "writer-queue"),
        IntColumn.create("workers", 16, 1, 16),
        DoubleColumn.create("tx_per_s", 900.0, 1000.0, 2000.0));
    XYChart xy = (XYChart) TableCharts.line(sweep, "workers", "tx_per_s", "strategy").chart();
    Iterator<XYSeries> series = xy.getSeriesMap().values().iterator();
    XYSeries perWorker = series.next();
    assertEquals(List.of(1.0, 16.0), Arrays.stream(perWorker.getXData()).boxed().toList(),
        "points in x order");
    assertEquals(List.of(1000.0, 900.0), Arrays.stream(perWorker.getYData()).boxed().toList());
    XYSeries writerQueue = series.next();
    assertEquals(List.of(16.0), Arrays.stream(writerQueue.getXData()).boxed().toList(),
        "the writer-queue's only point is at 16 workers, not at the first x");
  }

  @Test
  void badColumnsAndTwoValuesForOnePlaceAreRefusedByName() {
    Table t = twoRuns();
    assertEquals("no column 'p99_ms' in p95 of two runs; columns: [run, config, p95_ms]",
        assertThrows(IllegalArgumentException.class,
            () -> TableCharts.bar(t, "config", "p99_ms", "run")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TableCharts.bar(t, "config", "run", null)).getMessage()
        .contains("a chart's y needs a numeric column"));
    String twice = assertThrows(IllegalArgumentException.class,
        () -> TableCharts.bar(t, "config", "p95_ms", null)).getMessage();
    assertTrue(twice.startsWith("two rows of p95 of two runs have config=c1-zero;"), twice);
  }

  /** What the chart draws: per series, label -> value, read back from XChart's own series. */
  static Map<String, Map<String, Double>> drawn(CategoryChart chart) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (CategorySeries s : chart.getSeriesMap().values()) {
      Map<String, Double> byLabel = new LinkedHashMap<>();
      Iterator<?> xs = s.getXData().iterator();
      Iterator<? extends Number> ys = s.getYData().iterator();
      while (xs.hasNext()) {
        Number y = ys.next();
        byLabel.put(xs.next().toString(), y == null ? null : y.doubleValue());
      }
      out.put(s.getName(), byLabel);
    }
    return out;
  }
}

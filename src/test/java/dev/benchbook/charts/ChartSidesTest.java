package dev.benchbook.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.Sides;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A comparison chart names both sides: config ids in one run, A and B with run names across. */
class ChartSidesTest {

  @Test
  void theTitleAndLegendNameBothSides() throws Exception {
    Comparison c = ResultsReader.read(Path.of(
        "data/seed-phase-14/results-mitigation-20260222-114707.json")).run().comparison()
        .orElseThrow();
    var inOneRun = P95BeforeAfterChart.of(c).chart();
    assertEquals("P95 latency per segment: c10-zero vs c10-zero-shared-connection",
        inOneRun.getTitle());
    assertEquals(List.of("baseline: c10-zero", "mitigation: c10-zero-shared-connection"),
        List.copyOf(inOneRun.getSeriesMap().keySet()));
    Comparison same = new Comparison("c16-fast-hold1", "c16-fast-hold1", c.segments(),
        c.throughput(), c.intervals(), c.noiseThresholdPct(), List.of());
    var across = P95BeforeAfterChart.of(same, false, Sides.of(same, "results-1", "results-2"))
        .chart();
    assertEquals("P95 latency per segment: c16-fast-hold1: results-1 vs results-2",
        across.getTitle());
    assertEquals(List.of("A: c16-fast-hold1 (results-1)", "B: c16-fast-hold1 (results-2)"),
        List.copyOf(across.getSeriesMap().keySet()));
  }
}

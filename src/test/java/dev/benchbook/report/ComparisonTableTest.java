package dev.benchbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.Interval;
import dev.benchbook.format.Format;
import dev.benchbook.format.Layout;
import dev.benchbook.results.Json;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.ThroughputRatio;
import dev.benchbook.results.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

  static Comparison withIntervals() {
    SegmentDelta db = new SegmentDelta("db_total_ms", Optional.of(20.0), 40.95, Optional.of(60.0),
        Optional.of(0.5), 1.27, Optional.of(2.0), -39.68, -96.8986, Optional.of(
            new Interval(-40.123, -39.2, 0.95, 2000, "percentile-bootstrap/raw-rows")),
        Optional.of(Verdict.IMPROVED));
    SegmentDelta dispatch = new SegmentDelta("fsm_dispatch_ms", Optional.empty(), 0.0100,
        Optional.empty(), Optional.empty(), 0.0101, Optional.empty(), 0.0001, 1.0,
        Optional.of(new Interval(-0.0002, 0.0004, 0.95, 2000, "percentile-bootstrap/raw-rows")),
        Optional.of(Verdict.WITHIN_NOISE));
    ThroughputRatio t = new ThroughputRatio(3287, 28638, 28638 / 3287.0,
        Optional.of(new Interval(8.1, 9.321, 0.95, 2000, "percentile-bootstrap/repetitions")),
        Optional.of(Verdict.IMPROVED));
    return new Comparison("c10-zero", "c10-zero-shared-connection", List.of(db, dispatch), t,
        "P95 deltas by percentile bootstrap over raw committed rows", 1.0,
        List.of("files 818 vs 1000"));
  }

  @Test
  void intervalColumnsAppearWhenIntervalsExist() {
    String md = ComparisonTable.markdown(withIntervals());
    assertEquals(String.join("\n",
        "Baseline **c10-zero** vs mitigation **c10-zero-shared-connection**",
        "",
        "| Segment | Baseline P95 | Mitigation P95 | Delta | 95% CI of delta | Verdict |",
        "|---------|-------------|----------------|-------|-----------------|---------|",
        "| db_total_ms | 40.95 ms | 1.27 ms | -96.9% (-39.68ms) | [-40.12, -39.20] ms | improved |",
        "| fsm_dispatch_ms | 0.01 ms | 0.01 ms | +1.0% (+0.00010ms) | [-0.00020, +0.00040] ms | within noise |",
        "",
        "28,638 trans/s vs 3,287 baseline -- 8.7x (95% CI 8.10x to 9.32x, improved)",
        "",
        "Workloads differ (compared with --force): files 818 vs 1000",
        "",
        "P95 deltas by percentile bootstrap over raw committed rows",
        ""), md);
    assertEquals(md, ComparisonTable.console(withIntervals()));
  }

  @Test
  void csvHasOneRowPerSegmentAndAThroughputRow() {
    String[] lines = ComparisonTable.csv(withIntervals()).split("\n");
    assertEquals(4, lines.length);
    assertEquals("row,statistic,unit,baseline,mitigation,delta,delta_pct,ratio,ci_low,ci_high,"
        + "ci_level,ci_method,verdict,baseline_p50,baseline_p99,mitigation_p50,mitigation_p99",
        lines[0]);
    assertEquals("db_total_ms,p95,ms,40.95,1.27,-39.68,-96.8986,,-40.123,-39.2,0.95,"
        + "percentile-bootstrap/raw-rows,improved,20.0,60.0,0.5,2.0", lines[1]);
    assertTrue(lines[3].startsWith("transitions_per_s,rate,1/s,3287.0,28638.0,25351.0,"),
        lines[3]);
    assertTrue(lines[3].endsWith(",8.1,9.321,0.95,percentile-bootstrap/repetitions,improved,,,,"),
        lines[3]);
  }

  @Test
  void jsonRoundTripsToTheSameComparison() throws Exception {
    String json = ComparisonTable.render(withIntervals(), Format.JSON, NARROW);
    assertEquals(withIntervals(), Json.MAPPER.readValue(json, Comparison.class));
    assertTrue(json.contains("\"verdict\" : \"within noise\""), json);
  }

  /** 60 columns: the text formats fit it, Markdown and CSV keep their own shape. */
  static final Layout NARROW = Layout.of(60, "--wide");

  @Test
  void everyFormatOfTheOneEnumRendersAComparison() {
    Comparison c = withIntervals();
    assertEquals(ComparisonTable.markdown(c), ComparisonTable.render(c, Format.MARKDOWN, NARROW));
    assertEquals(ComparisonTable.csv(c), ComparisonTable.render(c, Format.CSV, NARROW));
    String text = ComparisonTable.render(c, Format.TABLE, NARROW);
    assertTrue(text.startsWith("Baseline " + c.baselineConfig() + " vs mitigation "
        + c.mitigationConfig()), text);
    text.lines().filter(l -> l.contains("  ")).forEach(l -> assertTrue(l.length() <= 60, l));
    assertTrue(text.contains("more column"), "the interval columns are elided at 60:\n" + text);
    String vertical = ComparisonTable.render(c, Format.VERTICAL, NARROW);
    assertTrue(vertical.contains("-[ 1 ]") && vertical.contains("db_total_ms"), vertical);
    String html = ComparisonTable.render(c, Format.HTML, NARROW);
    assertTrue(html.contains("<table") && html.contains("db_total_ms"), html);
  }

  @org.junit.jupiter.api.Test
  void subTenMicrosecondRowsGetFourDecimals() {
    SegmentDelta tiny = new SegmentDelta("fsm_dispatch_ms", Optional.empty(), 0.00031,
        Optional.empty(), Optional.empty(), 0.00043, Optional.empty(), 0.00012, 38.71,
        Optional.empty(), Optional.empty());
    org.junit.jupiter.api.Assertions.assertEquals(
        "| fsm_dispatch_ms | 0.0003 ms | 0.0004 ms | +38.7% (+0.0001ms) |",
        ComparisonTable.markdownRow(tiny, false));
  }
}

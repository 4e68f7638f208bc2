package dev.benchbook.report;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Segment;
import dev.benchbook.results.SegmentStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console/Markdown table of a run: one row per config with throughput, % of the ceiling
 * probe and P50/P95/P99 of each segment in ms.
 */
public final class RunTable {

  private RunTable() {
  }

  /** Renders the configs as a Markdown table (also readable on a terminal). */
  public static String markdown(List<ConfigResult> configs) {
    List<String> header = new ArrayList<>(List.of("Config", "Strategy", "Trans/s", "% ceiling"));
    for (Segment s : Segment.values()) {
      header.add(s.key() + " P50/P95/P99");
    }
    List<List<String>> rows = new ArrayList<>();
    for (ConfigResult c : configs) {
      List<String> row = new ArrayList<>();
      row.add(c.id() + (c.durationBounded() ? " (bounded)" : ""));
      row.add(c.strategy() + (c.atomic() ? "" : " NOT ATOMIC"));
      row.add(String.format(Locale.US, "%,.0f", c.transitionsPerS()));
      row.add(c.pctOfCeiling() == null ? "-" : String.format(Locale.ROOT, "%.1f%%",
          c.pctOfCeiling()));
      for (Segment s : Segment.values()) {
        row.add(cell(c.segments().get(s.key())));
      }
      rows.add(row);
    }
    return MarkdownTable.render(header, rows);
  }

  private static String cell(SegmentStats s) {
    if (s == null || s.p50Ms() == null || s.p99Ms() == null) {
      return s == null || s.p95Ms() == null ? "-" : "-/" + ms(s.p95Ms()) + "/-";
    }
    return ms(s.p50Ms()) + "/" + ms(s.p95Ms()) + "/" + ms(s.p99Ms());
  }

  /** Milliseconds with three significant digits (at most one decimal from 100 ms up). */
  static String ms(double v) {
    if (v == 0) {
      return "0";
    }
    if (v >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
        .toPlainString();
  }
}

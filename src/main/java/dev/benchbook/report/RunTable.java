package dev.benchbook.report;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.OpenLoop;
import dev.benchbook.results.SegmentStats;
import dev.benchbook.rows.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.benchbook.format.Cell;
import dev.benchbook.format.Column;
import dev.benchbook.format.Format;
import dev.benchbook.format.Layout;
import dev.benchbook.format.Precision;
import dev.benchbook.format.Table;

/**
 * The console/Markdown table of a run: one row per config with throughput, % of the ceiling
 * that fits its strategy (per transaction, or group commit for a batching strategy), P50/P95/P99 of each segment in ms, the lock_wait tail (P99.9/max) and how the
 * committed work was shared among workers.
 */
public final class RunTable {

  private RunTable() {
  }

  /** Renders the configs as a Markdown table. */
  public static String markdown(List<ConfigResult> configs) {
    return Format.MARKDOWN.render(table(configs), Layout.of(Layout.DEFAULT_WIDTH, ""));
  }

  /**
   * The configs as the output model's table: throughput and % of ceiling as numbers with their
   * display text, the percentile triples and fairness figures as text.
   */
  public static Table table(List<ConfigResult> configs) {
    List<Column> header = new ArrayList<>(List.of(Column.text("Config"), Column.text("Strategy"),
        Column.real("Trans/s", "1/s", Precision.decimals(0)),
        Column.real("% ceiling", "%", Precision.decimals(1))));
    List<Segment> segments = shown(configs);
    boolean open = configs.stream().anyMatch(c -> c.openLoop().isPresent());
    if (open) {
      header.add(Column.text("Rate req/achieved"));
    }
    for (Segment s : segments) {
      header.add(Column.text(s.key() + " P50/P95/P99"));
    }
    for (String h : List.of("lock_wait P99.9/max", "Per worker min/med/max", "Jain", "Starved")) {
      header.add(Column.text(h));
    }
    Table.Builder rows = Table.builder("", header);
    for (ConfigResult c : configs) {
      List<Object> row = new ArrayList<>();
      row.add(c.id() + (c.durationBounded() ? " (bounded)" : ""));
      row.add(c.strategy() + (c.atomic() ? "" : " NOT ATOMIC"));
      row.add(new Cell(c.transitionsPerS(), String.format(Locale.US, "%,.0f",
          c.transitionsPerS())));
      row.add(c.pctOfCeiling() == null ? new Cell(null, "-") : new Cell(c.pctOfCeiling(),
          String.format(Locale.ROOT, "%.1f%%", c.pctOfCeiling())
          + (c.groupCommitCeiling().isPresent() ? " of group commit" : "")));
      if (open) {
        row.add(c.openLoop().map(RunTable::rates).orElse("closed loop"));
      }
      for (Segment s : segments) {
        row.add(cell(c.segments().get(s.key())));
      }
      row.addAll(contention(c));
      rows.row(row);
    }
    return rows.build();
  }

  /**
   * The segments a table shows: every segment, but the open-loop ones (queue_wait, response)
   * only when a config has them, so that closed-loop tables keep their columns.
   */
  public static List<Segment> shown(List<ConfigResult> configs) {
    List<Segment> out = new ArrayList<>();
    for (Segment s : Segment.values()) {
      if (!dev.benchbook.rows.Column.openLoop().contains(s.column())
          || configs.stream().anyMatch(c -> c.segments().containsKey(s.key()))) {
        out.add(s);
      }
    }
    return out;
  }

  /** Requested and achieved arrival rate, e.g. {@code 2,000/1,996 /s (99.8%)} (% of scheduled). */
  static String rates(OpenLoop o) {
    return String.format(Locale.US, "%,.0f/%,.0f /s (%.1f%%)", o.requestedRatePerS(),
        o.achievedRatePerS(), o.achievedPct());
  }

  /** The tail and fairness cells: P99.9/max lock_wait, per-worker counts, Jain, starved. */
  private static List<String> contention(ConfigResult c) {
    SegmentStats lw = c.segments().get(Segment.LOCK_WAIT.key());
    String tail = lw == null || lw.p999Ms() == null || lw.maxMs() == null ? "-"
        : ms(lw.p999Ms()) + "/" + ms(lw.maxMs());
    return List.of(tail, c.fairness().map(FairnessTable::perWorker).orElse("-"),
        c.fairness().map(f -> String.format(Locale.ROOT, "%.2f", f.jainIndex())).orElse("-"),
        c.fairness().map(FairnessTable::starved).orElse("-"));
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

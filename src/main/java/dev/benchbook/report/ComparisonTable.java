package dev.benchbook.report;

import dev.benchbook.analysis.Comparisons;
import dev.benchbook.charts.ChartStyle;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.Interval;
import dev.benchbook.results.Json;
import dev.benchbook.results.SegmentDelta;
import dev.benchbook.results.Sides;
import dev.benchbook.format.Cell;
import dev.benchbook.format.Column;
import dev.benchbook.format.Document;
import dev.benchbook.format.Format;
import dev.benchbook.format.Layout;
import dev.benchbook.format.Precision;
import dev.benchbook.format.Table;
import dev.benchbook.results.ThroughputRatio;
import dev.benchbook.results.Verdict;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a {@link Comparison} as the seed's Markdown table, as a document of the output model
 * (console text, vertical, HTML), as CSV or as JSON. Numbers are formatted with {@link Locale#ROOT}: the output never depends on the
 * default locale.
 */
public final class ComparisonTable {

  /** Rows whose P95s are both below this many ms are printed with four decimals. */
  public static final double FINE_BELOW_MS = 0.01;

  private static final String HEADER = "| Segment | Baseline P95 | Mitigation P95 | Delta |";
  private static final String RULE = "|---------|-------------|----------------|-------|";
  private static final List<String> CSV_COLUMNS = List.of("row", "statistic", "unit",
      "baseline", "mitigation", "delta", "delta_pct", "ratio", "ci_low", "ci_high", "ci_level",
      "ci_method", "verdict", "baseline_p50", "baseline_p99", "mitigation_p50",
      "mitigation_p99");

  private ComparisonTable() {
  }

  /**
   * The comparison in a format of {@code --format}'s one enum: CSV and JSON as their own
   * (exact values), Markdown as the seed-style table, the text formats through the output
   * model's document fitted to {@code layout}.
   */
  public static String render(Comparison comparison, Format format, Layout layout) {
    switch (format) {
      case CSV: return csv(comparison);
      case JSON: return json(comparison);
      case MARKDOWN: return markdown(comparison);
      default: return format.render(document(comparison), layout);
    }
  }

  /** The console output: the same text as {@link #markdown(Comparison)}. */
  public static String console(Comparison comparison) {
    return markdown(comparison);
  }

  /** The seed-style table naming the comparison's two configs (see {@link #markdown(Comparison, Sides)}). */
  public static String markdown(Comparison c) {
    return markdown(c, Sides.of(c));
  }

  /**
   * The sentence naming both sides, the seed-style table, then the throughput line and (when
   * present) workload differences and the intervals sentence. Interval and verdict columns
   * appear only when some row has one. Across two runs the columns are "A" and "B".
   */
  public static String markdown(Comparison c, Sides sides) {
    boolean withCi = c.segments().stream().anyMatch(r -> r.deltaCiMs().isPresent());
    StringBuilder out = new StringBuilder(sides.legend()).append("\n\n");
    if (sides.crossRun()) {
      List<String> header = new ArrayList<>(List.of("Segment", sides.baselineLabel() + " P95",
          sides.mitigationLabel() + " P95", "Delta"));
      out.append("| ").append(String.join(" | ", header)).append(" |");
      out.append(withCi ? " " + ciHeader(c) + " | Verdict |" : "").append('\n').append('|');
      header.forEach(h -> out.append("-".repeat(h.length() + 2)).append('|'));
    } else {
      out.append(HEADER).append(withCi ? " " + ciHeader(c) + " | Verdict |" : "").append('\n');
      out.append(RULE);
    }
    out.append(withCi ? "-----------------|---------|" : "").append('\n');
    for (SegmentDelta row : c.segments()) {
      out.append(markdownRow(row, withCi)).append('\n');
    }
    out.append('\n').append(throughputLine(c.throughput(), sides)).append('\n');
    if (!c.workloadDifferences().isEmpty()) {
      out.append('\n').append(differences(c)).append('\n');
    }
    out.append('\n').append(c.intervals()).append('\n');
    return out.toString();
  }

  /** The comparison as a document: the sides, the table with typed columns, the notes. */
  public static Document document(Comparison c) {
    return document(c, Sides.of(c));
  }

  /** The comparison as a document naming both sides by {@code sides}. */
  public static Document document(Comparison c, Sides sides) {
    Document.Builder d = Document.builder().paragraph(sides.legend()).table(table(c, sides))
        .paragraph(throughputLine(c.throughput(), sides));
    if (!c.workloadDifferences().isEmpty()) {
      d.paragraph(differences(c));
    }
    return d.paragraph(c.intervals()).build();
  }

  /**
   * Several comparisons as one document: when they share a baseline or two runs, the summary
   * table of {@link #summary}; then each under a heading naming its sides.
   */
  public static Document every(List<Comparison> comparisons) {
    Document.Builder d = Document.builder();
    if (comparisons.size() > 1 && (comparisons.stream().map(Comparison::baselineConfig)
        .distinct().count() == 1 || Sides.of(comparisons.get(0)).crossRun())) {
      d.table(summary(comparisons));
    }
    for (Comparison c : comparisons) {
      d.heading(3, Sides.of(c).title()).append(document(c));
    }
    return d.build();
  }

  /** The P95 rows as a table: ms values with their display precision, delta, interval, verdict. */
  public static Table table(Comparison c, Sides sides) {
    boolean withCi = c.segments().stream().anyMatch(r -> r.deltaCiMs().isPresent());
    List<Column> columns = new ArrayList<>(List.of(Column.text("Segment"),
        Column.real(sides.baselineLabel() + " P95", "ms", Precision.exact()),
        Column.real(sides.mitigationLabel() + " P95", "ms", Precision.exact()),
        Column.real("Delta", "%", Precision.exact())));
    if (withCi) {
      columns.add(Column.text(ciHeader(c)));
      columns.add(Column.text("Verdict"));
    }
    Table.Builder t = Table.builder("", columns);
    for (SegmentDelta row : c.segments()) {
      int d = decimals(row);
      List<Object> cells = new ArrayList<>(List.of(row.segment(), msCell(row.baselineP95Ms(), d),
          msCell(row.mitigationP95Ms(), d), new Cell(row.deltaPct(), deltaCell(row))));
      if (withCi) {
        cells.add(row.deltaCiMs().map(i -> msInterval(i, d)).orElse("-"));
        cells.add(row.verdict().map(Verdict::label)
            .orElse(row.deltaCiMs().isPresent() ? "no verdict" : "-"));
      }
      t.row(cells);
    }
    return t.build();
  }

  /**
   * One row per comparison (a file with several mitigations, or the configs two runs share):
   * P95 lock_wait before and after, the throughput ratio and the lock_wait verdict first (what
   * an 80-column terminal shows), then the lock_wait and fsm_net deltas. Across two runs the
   * title names them as A and B.
   */
  public static Table summary(List<Comparison> comparisons) {
    Sides first = Sides.of(comparisons.get(0));
    String title = (first.crossRun() ? "Every shared config, A = " + first.baselineRun()
        .orElseThrow() + " vs B = " + first.mitigationRun().orElseThrow()
        : "Every mitigation against baseline " + comparisons.get(0).baselineConfig())
        + " (verdicts on P95 lock_wait)";
    Table.Builder t = Table.builder(title,
        Column.text(first.crossRun() ? "Config" : "Mitigation"),
        Column.real("P95 lock_wait", "ms", Precision.exact()),
        Column.real("Trans/s", "x", Precision.exact()), Column.text("Verdict"),
        Column.real("lock_wait delta", "%", Precision.exact()),
        Column.real("fsm_net delta", "%", Precision.exact()));
    for (Comparison c : comparisons) {
      Optional<SegmentDelta> lw = c.row(dev.benchbook.rows.Segment.LOCK_WAIT);
      Optional<SegmentDelta> net = c.row(dev.benchbook.rows.Segment.FSM_NET);
      t.row(c.mitigationConfig(), lw.map(r -> new Cell(r.mitigationP95Ms(), String.format(
          Locale.ROOT, "%." + decimals(r) + "f -> %." + decimals(r) + "f ms", r.baselineP95Ms(),
          r.mitigationP95Ms()))).orElse(null),
          new Cell(c.throughput().ratio(), ChartStyle.ratio(c.throughput().ratio())),
          lw.flatMap(SegmentDelta::verdict).map(Verdict::label).orElse("-"),
          lw.map(r -> new Cell(r.deltaPct(), deltaCell(r))).orElse(null),
          net.map(r -> new Cell(r.deltaPct(), deltaCell(r))).orElse(null));
    }
    return t.build();
  }

  private static Cell msCell(double ms, int decimals) {
    return new Cell(ms, String.format(Locale.ROOT, "%." + decimals + "f ms", ms));
  }

  private static String differences(Comparison c) {
    return "Workloads differ (compared with --force): " + String.join("; ",
        c.workloadDifferences());
  }

  /** One table row, e.g. {@code | db_total_ms | 40.95 ms | 1.27 ms | -96.9% (-39.68ms) |}. */
  public static String markdownRow(SegmentDelta row, boolean withCi) {
    int d = decimals(row);
    String base = String.format(Locale.ROOT, "| %s | %." + d + "f ms | %." + d + "f ms | %s |",
        row.segment(), row.baselineP95Ms(), row.mitigationP95Ms(), deltaCell(row));
    if (!withCi) {
      return base;
    }
    String ci = row.deltaCiMs().map(i -> msInterval(i, d)).orElse("-");
    String verdict = row.verdict().map(Verdict::label)
        .orElse(row.deltaCiMs().isPresent() ? "no verdict" : "-");
    return base + " " + ci + " | " + verdict + " |";
  }

  /**
   * The delta cell: percent with one decimal and ms with two (four for sub-10 µs rows; two
   * significant digits where those would print a non-zero delta as zero), signs always shown.
   */
  public static String deltaCell(SegmentDelta row) {
    return String.format(Locale.ROOT, "%+.1f%% (%sms)", row.deltaPct(),
        signed(row.deltaMs(), decimals(row)));
  }

  /**
   * Decimals of a row's ms values: two, as in the seed's table, unless both P95s are below
   * {@link #FINE_BELOW_MS} (sub-10 µs segments such as fsm_dispatch), where two decimals would
   * print 0.00; those get four.
   */
  static int decimals(SegmentDelta row) {
    return Math.max(row.baselineP95Ms(), row.mitigationP95Ms()) < FINE_BELOW_MS ? 4 : 2;
  }

  /** E.g. {@code 28,638 trans/s vs 3,287 baseline -- 8.7x}, plus interval and verdict if any. */
  public static String throughputLine(ThroughputRatio t) {
    return throughputLine(t, "trans/s vs %,.0f baseline");
  }

  /** The throughput line; across two runs {@code 2,100 trans/s (B) vs 1,900 (A) -- 1.11x}. */
  public static String throughputLine(ThroughputRatio t, Sides sides) {
    return sides.crossRun() ? throughputLine(t, "trans/s (B) vs %,.0f (A)") : throughputLine(t);
  }

  private static String throughputLine(ThroughputRatio t, String middle) {
    String line = String.format(Locale.ROOT, "%,.0f " + middle + " -- %s",
        t.mitigationPerS(), t.baselinePerS(), ChartStyle.ratio(t.ratio()));
    if (t.ci().isEmpty()) {
      return line;
    }
    Interval ci = t.ci().get();
    return line + String.format(Locale.ROOT, " (%s%% CI %.2fx to %.2fx%s)", level(ci), ci.low(),
        ci.high(), ", " + t.verdict().map(Verdict::label).orElse("no verdict"));
  }

  /** CSV with a header: one row per segment (P95 delta), then a transitions_per_s row. */
  public static String csv(Comparison c) {
    StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
    for (SegmentDelta row : c.segments()) {
      out.append(csvLine(segmentCells(row))).append('\n');
    }
    out.append(csvLine(throughputCells(c.throughput()))).append('\n');
    return out.toString();
  }

  /** The comparison as JSON through {@link Json#MAPPER}. */
  public static String json(Comparison c) {
    return jsonOf(c);
  }

  /** Any value (a comparison with extra rows) as one line of JSON through {@link Json#MAPPER}. */
  public static String jsonOf(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write comparison as JSON", e);
    }
  }

  private static String ciHeader(Comparison c) {
    String level = c.segments().stream().flatMap(r -> r.deltaCiMs().stream()).findFirst()
        .map(ComparisonTable::level).orElse("95");
    return level + "% CI of delta";
  }

  private static String msInterval(Interval ci, int decimals) {
    int d = Math.max(shownDecimals(ci.low(), decimals), shownDecimals(ci.high(), decimals));
    return "[" + signed(ci.low(), d) + ", " + signed(ci.high(), d) + "] ms";
  }

  /**
   * {@code value} with its sign and {@code decimals} decimals, or, when that would print a
   * non-zero value as zero ({@code +0.0000}), with two significant digits ({@code +0.000031}).
   */
  static String signed(double value, int decimals) {
    return String.format(Locale.ROOT, "%+." + shownDecimals(value, decimals) + "f", value);
  }

  /** {@code decimals}, or more when a non-zero {@code value} would round to zero with them. */
  static int shownDecimals(double value, int decimals) {
    double abs = Math.abs(value);
    if (abs == 0 || abs >= 0.5 * Math.pow(10, -decimals)) {
      return decimals;
    }
    return Math.max(decimals, new BigDecimal(abs).round(new java.math.MathContext(2)).scale());
  }

  private static String level(Interval ci) {
    return BigDecimal.valueOf(ci.level() * 100).stripTrailingZeros().toPlainString();
  }

  private static List<String> segmentCells(SegmentDelta r) {
    List<String> cells = new ArrayList<>(List.of(r.segment(), "p95", "ms",
        num(r.baselineP95Ms()), num(r.mitigationP95Ms()), num(r.deltaMs()), num(r.deltaPct()),
        ""));
    cells.addAll(intervalCells(r.deltaCiMs(), r.verdict()));
    cells.addAll(List.of(opt(r.baselineP50Ms()), opt(r.baselineP99Ms()),
        opt(r.mitigationP50Ms()), opt(r.mitigationP99Ms())));
    return cells;
  }

  private static List<String> throughputCells(ThroughputRatio t) {
    List<String> cells = new ArrayList<>(List.of("transitions_per_s", "rate", "1/s",
        num(t.baselinePerS()), num(t.mitigationPerS()), num(t.mitigationPerS() - t.baselinePerS()),
        num(Comparisons.deltaPct(t.baselinePerS(), t.mitigationPerS())), num(t.ratio())));
    cells.addAll(intervalCells(t.ci(), t.verdict()));
    cells.addAll(List.of("", "", "", ""));
    return cells;
  }

  private static List<String> intervalCells(Optional<Interval> ci, Optional<Verdict> verdict) {
    return List.of(ci.map(i -> num(i.low())).orElse(""), ci.map(i -> num(i.high())).orElse(""),
        ci.map(i -> num(i.level())).orElse(""), ci.map(Interval::method).orElse(""),
        verdict.map(Verdict::label).orElse(""));
  }

  private static String opt(Optional<Double> value) {
    return value.map(ComparisonTable::num).orElse("");
  }

  private static String num(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }

  /** One CSV line, cells quoted when they hold a comma, a quote or a newline. */
  public static String csvLine(List<String> cells) {
    List<String> quoted = new ArrayList<>();
    for (String cell : cells) {
      boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
      quoted.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
    }
    return String.join(",", quoted);
  }
}

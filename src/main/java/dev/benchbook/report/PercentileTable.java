package dev.benchbook.report;

import dev.benchbook.analysis.PercentileDelta;
import dev.benchbook.format.Format;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.Interval;
import dev.benchbook.results.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Deltas of any percentile (P50, P99, P99.9...) per segment, with intervals and verdicts, as
 * {@code compare --percentile} prints them beside the P95 table.
 */
public final class PercentileTable {

  private PercentileTable() {
  }

  /** The label of a percentile in [0, 1]: 0.99 is {@code P99}, 0.999 is {@code P99.9}. */
  public static String label(double p) {
    BigDecimal pct = new BigDecimal(p * 100, MathContext.DECIMAL64)
        .round(new MathContext(10)).stripTrailingZeros();
    return "P" + pct.toPlainString();
  }

  /**
   * What {@code compare --percentile} prints after a comparison: one Markdown table per
   * percentile, or CSV lines in the comparison's columns; nothing for JSON (see
   * {@link #jsonWith}) or no rows.
   */
  public static String render(List<PercentileDelta> rows, Format format) {
    return render(rows, format, "Baseline", "Mitigation");
  }

  /** The same with the two sides' column labels (e.g. {@code A} and {@code B} across runs). */
  public static String render(List<PercentileDelta> rows, Format format,
      String baseline, String mitigation) {
    if (rows.isEmpty() || format == Format.JSON) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    if (format == Format.CSV) {
      csvCells(rows).forEach(cells -> sb.append(ComparisonTable.csvLine(cells)).append('\n'));
      return sb.toString();
    }
    Map<Double, List<PercentileDelta>> byP = new LinkedHashMap<>();
    rows.forEach(r -> byP.computeIfAbsent(r.p(), k -> new ArrayList<>()).add(r));
    byP.values().forEach(list -> sb.append('\n').append(MarkdownTable.render(
        table(list, baseline, mitigation).names(), textRows(table(list, baseline, mitigation)))));
    return sb.toString();
  }

  /** The comparison and its percentile deltas as one JSON object. */
  public static String jsonWith(Comparison c, List<PercentileDelta> rows) {
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("comparison", c);
    both.put("percentile_deltas", rows);
    return ComparisonTable.jsonOf(both);
  }

  /** One Markdown table for the deltas of one percentile (all of {@code rows} share {@code p}). */
  public static String markdown(List<PercentileDelta> rows) {
    return rows.isEmpty() ? "" : MarkdownTable.render(table(rows).names(), textRows(table(rows)));
  }

  /** One table per percentile, in the order given, as the output model's. */
  public static List<dev.benchbook.format.Table> tables(List<PercentileDelta> rows,
      String baseline, String mitigation) {
    Map<Double, List<PercentileDelta>> byP = new LinkedHashMap<>();
    rows.forEach(r -> byP.computeIfAbsent(r.p(), k -> new ArrayList<>()).add(r));
    return byP.values().stream().map(list -> table(list, baseline, mitigation)).toList();
  }

  private static List<List<String>> textRows(dev.benchbook.format.Table t) {
    return t.rows().stream().map(r -> r.stream().map(String::valueOf).toList()).toList();
  }

  /** The deltas of one percentile (all of {@code rows} share {@code p}) as a table of text. */
  public static dev.benchbook.format.Table table(List<PercentileDelta> rows) {
    return table(rows, "Baseline", "Mitigation");
  }

  /** The same with the two sides' column labels. */
  public static dev.benchbook.format.Table table(List<PercentileDelta> rows, String baseline,
      String mitigation) {
    String p = label(rows.get(0).p());
    String level = rows.stream().flatMap(r -> r.ciMs().stream()).findFirst()
        .map(i -> BigDecimal.valueOf(i.level() * 100).stripTrailingZeros().toPlainString())
        .orElse("95");
    List<List<String>> cells = new ArrayList<>();
    for (PercentileDelta r : rows) {
      int d = Math.max(r.baselineMs(), r.mitigationMs()) < ComparisonTable.FINE_BELOW_MS ? 4 : 2;
      cells.add(List.of(r.segment(), ms(r.baselineMs(), d), ms(r.mitigationMs(), d),
          String.format(Locale.ROOT, "%+.1f%% (%+." + d + "fms)", r.deltaPct(), r.deltaMs()),
          r.ciMs().map(i -> interval(i, d)).orElse("-"),
          r.verdict().map(Verdict::label).orElse(r.ciMs().isPresent() ? "no verdict" : "-")));
    }
    return MarkdownTable.table(List.of("Segment", baseline + " " + p, mitigation + " " + p, "Delta",
        level + "% CI of delta", "Verdict"), cells);
  }

  /** CSV cells in {@link ComparisonTable#csv}'s columns, one list per row. */
  public static List<List<String>> csvCells(List<PercentileDelta> rows) {
    List<List<String>> out = new ArrayList<>();
    for (PercentileDelta r : rows) {
      List<String> cells = new ArrayList<>(List.of(r.segment(), label(r.p()).toLowerCase(
          Locale.ROOT), "ms", num(r.baselineMs()), num(r.mitigationMs()), num(r.deltaMs()),
          num(r.deltaPct()), ""));
      cells.add(r.ciMs().map(i -> num(i.low())).orElse(""));
      cells.add(r.ciMs().map(i -> num(i.high())).orElse(""));
      cells.add(r.ciMs().map(i -> num(i.level())).orElse(""));
      cells.add(r.ciMs().map(Interval::method).orElse(""));
      cells.add(r.verdict().map(Verdict::label).orElse(""));
      cells.addAll(List.of("", "", "", ""));
      out.add(cells);
    }
    return out;
  }

  private static String ms(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f ms", value);
  }

  private static String interval(Interval ci, int d) {
    return String.format(Locale.ROOT, "[%+." + d + "f, %+." + d + "f] ms", ci.low(), ci.high());
  }

  private static String num(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }
}

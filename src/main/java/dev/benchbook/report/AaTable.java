package dev.benchbook.report;

import dev.benchbook.analysis.AaTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The A/A calibration table: false verdicts per segment P95 and for the throughput ratio. */
public final class AaTable {

  private AaTable() {
  }

  /** Markdown: row, false verdicts (improved + regressed) over judged pairs, rate, deltas seen. */
  public static String markdown(List<AaTally.Row> rows) {
    return MarkdownTable.render(HEADER, cells(rows));
  }

  /** The same rows as the output model's table. */
  public static dev.benchbook.format.Table table(List<AaTally.Row> rows) {
    return MarkdownTable.table(HEADER, cells(rows));
  }

  private static final List<String> HEADER = List.of("Row", "False verdicts", "Rate",
      "Improved / regressed", "Deltas seen (min / median / max)");

  private static List<List<String>> cells(List<AaTally.Row> rows) {
    List<List<String>> cells = new ArrayList<>();
    for (AaTally.Row r : rows) {
      int judged = r.pairs() - r.noVerdict();
      cells.add(List.of(r.row().equals(AaTally.THROUGHPUT) ? r.row() : r.row() + " P95",
          r.falseVerdicts() + " / " + judged + (r.noVerdict() > 0 ? " (" + r.noVerdict()
              + " without a verdict)" : ""),
          judged == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.falseRate()),
          r.improved() + " / " + r.regressed(), spread(r.deltasPct())));
    }
    return cells;
  }

  private static String spread(List<Double> pct) {
    double[] v = pct.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return "-";
    }
    double median = v.length % 2 == 1 ? v[v.length / 2]
        : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return String.format(Locale.ROOT, "%+.1f%% / %+.1f%% / %+.1f%%", v[0], median,
        v[v.length - 1]);
  }
}

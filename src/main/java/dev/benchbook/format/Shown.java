package dev.benchbook.format;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A table's values as text: for people (each real column at its resolved precision, missing
 * values empty) and for machines (exact), and which rows a layout shows.
 */
final class Shown {

  private final Table table;
  private final Precision[] precision;

  Shown(Table table) {
    this.table = table;
    precision = new Precision[table.columns().size()];
    for (int c = 0; c < precision.length; c++) {
      precision[c] = table.columns().get(c).precision().resolve(reals(c));
    }
  }

  private List<Double> reals(int column) {
    List<Double> out = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      Object v = row.get(column);
      if (v instanceof Number n && !(v instanceof Integer || v instanceof Long)) {
        out.add(n.doubleValue());
      }
    }
    return out;
  }

  /** True when the column is shown right-aligned. */
  boolean numeric(int column) {
    if (table.columns().get(column).type().numeric()) {
      return true;
    }
    boolean any = false;
    for (List<Object> row : table.rows()) {
      Object v = row.get(column) instanceof Cell cell ? cell.value() : row.get(column);
      if (v != null && !(v instanceof Number)) {
        return false;
      }
      any |= v != null;
    }
    return any;
  }

  /** The text people see for one cell (one line: newlines become spaces). */
  String human(int row, int column) {
    Object v = table.rows().get(row).get(column);
    if (v instanceof Cell cell) {
      return cell.text();
    }
    if (v instanceof Double || v instanceof Float) {
      return table.columns().get(column).type() == ColumnType.REAL
          ? precision[column].format(((Number) v).doubleValue())
          : Precision.exact(((Number) v).doubleValue());
    }
    return oneLine(machine(v));
  }

  /** The exact text of a value for machine formats; empty for missing. */
  static String machine(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Cell cell) {
      return machine(cell.value());
    }
    if (v instanceof Double || v instanceof Float) {
      return Precision.exact(((Number) v).doubleValue());
    }
    if (v instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    return v.toString();
  }

  /** The value a machine format writes: a Cell's value, else the value itself. */
  static Object raw(Object v) {
    return v instanceof Cell cell ? cell.value() : v;
  }

  private static String oneLine(String s) {
    return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\r\n", " ")
        .replace('\n', ' ').replace('\r', ' ');
  }

  /** Row indexes the layout shows, with -1 where rows are left out. */
  List<Integer> rows(Layout layout) {
    int n = table.rowCount();
    List<Integer> rows = new ArrayList<>();
    if (!cut(layout)) {
      for (int r = 0; r < n; r++) {
        rows.add(r);
      }
      return rows;
    }
    for (int r = 0; r < Layout.HEAD_ROWS; r++) {
      rows.add(r);
    }
    rows.add(-1);
    for (int r = n - Layout.TAIL_ROWS; r < n; r++) {
      rows.add(r);
    }
    return rows;
  }

  /** True when the layout leaves rows out. */
  boolean cut(Layout layout) {
    return !layout.wide() && table.rowCount() > layout.maxRows();
  }

  /** Rows left out by the layout. */
  int hiddenRows(Layout layout) {
    return cut(layout) ? table.rowCount() - Layout.HEAD_ROWS - Layout.TAIL_ROWS : 0;
  }

  /** {@code 1,000 rows x 12 columns}, then which rows were left out. */
  String size(Layout layout) {
    int n = table.rowCount();
    int cols = table.columns().size();
    String size = String.format(Locale.ROOT, "%,d row%s x %d column%s", n, n == 1 ? "" : "s",
        cols, cols == 1 ? "" : "s");
    if (!cut(layout)) {
      return size;
    }
    return size + String.format(Locale.ROOT, "; rows %,d to %,d not shown%s",
        Layout.HEAD_ROWS + 1, n - Layout.TAIL_ROWS, layout.howToSeeAll().isEmpty() ? ""
            : " (" + layout.howToSeeAll() + ")");
  }

  /** The gap line between head and tail: {@code ... 945 more rows}. */
  String gap(Layout layout) {
    return String.format(Locale.ROOT, "... %,d more rows", hiddenRows(layout));
  }

  /** {@code s} cut to {@code max} characters, ending with {@code ...} when cut. */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    return max <= 3 ? s.substring(0, max) : s.substring(0, max - 3) + "...";
  }
}

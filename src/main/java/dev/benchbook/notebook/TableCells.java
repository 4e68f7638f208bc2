package dev.benchbook.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table's cells as display strings: numbers rounded per column (whole numbers without
 * decimals, others to 3 decimals; when the column's largest value is below 0.1, enough decimals
 * for 3 significant digits of it), missing values empty,
 * and the rows to show when the table is long (the head and the tail).
 */
final class TableCells {

  /** Tables up to this many rows are shown whole. */
  static final int MAX_ROWS = 60;
  /** Rows shown from the top of a longer table. */
  static final int HEAD_ROWS = 50;
  /** Rows shown from the bottom of a longer table. */
  static final int TAIL_ROWS = 5;

  private final Table table;
  private final int[] decimals;

  TableCells(Table table) {
    this.table = table;
    decimals = new int[table.columnCount()];
    for (int c = 0; c < table.columnCount(); c++) {
      decimals[c] = decimals(table.column(c));
    }
  }

  /** True when some rows are left out. */
  boolean truncated() {
    return table.rowCount() > MAX_ROWS;
  }

  /** Row indexes to show, with -1 where rows are left out. */
  List<Integer> rows() {
    List<Integer> rows = new ArrayList<>();
    int n = table.rowCount();
    if (!truncated()) {
      for (int r = 0; r < n; r++) {
        rows.add(r);
      }
      return rows;
    }
    for (int r = 0; r < HEAD_ROWS; r++) {
      rows.add(r);
    }
    rows.add(-1);
    for (int r = n - TAIL_ROWS; r < n; r++) {
      rows.add(r);
    }
    return rows;
  }

  /** True for numeric columns (shown right-aligned). */
  boolean numeric(int column) {
    return table.column(column) instanceof NumericColumn<?>;
  }

  /** The display string of one cell. */
  String cell(int row, int column) {
    Column<?> col = table.column(column);
    if (col.isMissing(row)) {
      return "";
    }
    if (col instanceof NumericColumn<?> num && decimals[column] >= 0) {
      return String.format(Locale.ROOT, "%." + decimals[column] + "f", num.getDouble(row));
    }
    return col.getString(row);
  }

  /** {@code 1,000 rows x 12 columns}, with what is left out. */
  String footer() {
    int n = table.rowCount();
    String size = String.format(Locale.ROOT, "%,d row%s x %d column%s", n, n == 1 ? "" : "s",
        table.columnCount(), table.columnCount() == 1 ? "" : "s");
    if (!truncated()) {
      return size;
    }
    return String.format(Locale.ROOT, "%s; rows %,d to %,d not shown (numbers rounded for "
        + "display; table.printAll() prints every row)", size, HEAD_ROWS + 1, n - TAIL_ROWS);
  }

  /** Decimals for a floating-point column, or -1 for integer and text columns. */
  private static int decimals(Column<?> col) {
    if (!(col instanceof NumericColumn<?> num) || !isFloating(col)) {
      return -1;
    }
    double maxAbs = 0;
    boolean whole = true;
    for (int r = 0; r < col.size(); r++) {
      if (col.isMissing(r)) {
        continue;
      }
      double v = num.getDouble(r);
      if (Double.isFinite(v)) {
        maxAbs = Math.max(maxAbs, Math.abs(v));
        whole &= v == Math.rint(v);
      }
    }
    if (whole) {
      return 0;
    }
    if (maxAbs >= 0.1 || maxAbs == 0) {
      return 3;
    }
    return Math.min(9, 2 - (int) Math.floor(Math.log10(maxAbs)));
  }

  private static boolean isFloating(Column<?> col) {
    String type = col.type().name();
    return type.equals("DOUBLE") || type.equals("FLOAT");
  }
}

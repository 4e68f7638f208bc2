package dev.benchbook.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Long-to-wide reshaping of a Tablesaw table (pandas' {@code pivot_table} with a sum). */
final class Pivots {

  private Pivots() {
  }

  /**
   * One row per value of {@code rows}, one column per value of {@code columns} (both in order
   * of first appearance), each cell the sum of {@code value} over the rows with that pair;
   * a pair with no row is missing, not zero. Whole-number values stay whole (a long column).
   */
  static Table pivot(Table table, String rows, String columns, String value) {
    Column<?> keys = column(table, rows);
    Column<?> heads = column(table, columns);
    if (!(column(table, value) instanceof NumericColumn<?> values)) {
      throw new IllegalArgumentException("column '" + value + "' of " + table.name() + " is "
          + table.column(value).type().name() + "; pivot sums a numeric column");
    }
    if (rows.equals(columns)) {
      throw new IllegalArgumentException("pivot needs two different columns for rows and "
          + "columns, got '" + rows + "' twice");
    }
    Map<String, Integer> rowIndex = new LinkedHashMap<>();
    Map<String, Integer> columnIndex = new LinkedHashMap<>();
    Column<?> rowColumn = keys.emptyCopy();
    for (int r = 0; r < table.rowCount(); r++) {
      if (rowIndex.putIfAbsent(keys.getString(r), rowIndex.size()) == null) {
        append(rowColumn, keys, r);
      }
      columnIndex.putIfAbsent(heads.getString(r), columnIndex.size());
    }
    double[][] sums = new double[columnIndex.size()][rowIndex.size()];
    boolean[][] present = new boolean[columnIndex.size()][rowIndex.size()];
    for (int r = 0; r < table.rowCount(); r++) {
      if (values.isMissing(r)) {
        continue;
      }
      int c = columnIndex.get(heads.getString(r));
      int k = rowIndex.get(keys.getString(r));
      sums[c][k] += values.getDouble(r);
      present[c][k] = true;
    }
    Table out = Table.create(table.name() + ": " + value + " by " + rows + " and " + columns,
        rowColumn);
    boolean whole = values instanceof IntColumn || values instanceof LongColumn
        || values instanceof ShortColumn;
    List<String> headNames = List.copyOf(columnIndex.keySet());
    for (int c = 0; c < headNames.size(); c++) {
      out.addColumns(wide(name(headNames.get(c), rows), sums[c], present[c], whole));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> void append(Column<T> to, Column<?> from, int row) {
    to.append((Column<T>) from, row);
  }

  private static Column<?> wide(String name, double[] sums, boolean[] present, boolean whole) {
    if (whole) {
      LongColumn col = LongColumn.create(name);
      for (int k = 0; k < sums.length; k++) {
        if (present[k]) {
          col.append(Math.round(sums[k]));
        } else {
          col.appendMissing();
        }
      }
      return col;
    }
    DoubleColumn col = DoubleColumn.create(name);
    for (int k = 0; k < sums.length; k++) {
      if (present[k]) {
        col.append(sums[k]);
      } else {
        col.appendMissing();
      }
    }
    return col;
  }

  /** A column named by its value; one clashing with the row column or blank gets a prefix. */
  private static String name(String head, String rows) {
    return head.isBlank() ? "(blank)" : head.equals(rows) ? "=" + head : head;
  }

  private static Column<?> column(Table table, String name) {
    if (!table.columnNames().contains(name)) {
      throw new IllegalArgumentException("no column '" + name + "' in " + table.name()
          + "; columns: " + table.columnNames());
    }
    return table.column(name);
  }
}

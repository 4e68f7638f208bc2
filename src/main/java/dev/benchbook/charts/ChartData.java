package dev.benchbook.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Exactly the values a chart plots, as a small table that exports to CSV.
 *
 * <p>Cells are {@link String}, {@link Integer}, {@link Long}, {@link Boolean} or {@link Double}.
 * A {@code Double.NaN} cell means "absent" and is written as an empty CSV field. Doubles are
 * written with their column's fixed decimals in {@link Locale#ROOT}, so the CSV does not depend
 * on the default locale.
 *
 * @param columns column definitions, in order
 * @param rows rows of cells, each as long as {@code columns}
 */
public record ChartData(List<ChartColumn> columns, List<List<Object>> rows) {

  /** Validates cell types and row widths, and copies everything. */
  public ChartData {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("chart data row " + r + " has " + row.size()
            + " cells, expected " + columns.size() + " (" + names(columns) + ")");
      }
      for (int c = 0; c < row.size(); c++) {
        Object cell = row.get(c);
        if (!(cell instanceof String || cell instanceof Integer || cell instanceof Long
            || cell instanceof Double || cell instanceof Boolean)) {
          throw new IllegalArgumentException("chart data row " + r + ", column "
              + columns.get(c).name() + ": cell must be String, Integer, Long, Double or Boolean,"
              + " got " + (cell == null ? "null" : cell.getClass().getSimpleName()));
        }
      }
      copy.add(List.copyOf(row));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** Starts a table with the given columns. */
  public static Builder builder(ChartColumn... columns) {
    return new Builder(List.of(columns));
  }

  /** Number of rows. */
  public int rowCount() {
    return rows.size();
  }

  /** Column names in order. */
  public List<String> columnNames() {
    return names(columns);
  }

  /** The cells of one column, top to bottom; fails with the known names when absent. */
  public List<Object> column(String name) {
    int index = columnNames().indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("chart data has no column " + name + "; columns are "
          + columnNames());
    }
    List<Object> cells = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      cells.add(row.get(index));
    }
    return cells;
  }

  /** The table as CSV: a header row, then one line per row, each ending in {@code \n}. */
  public String toCsv() {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", columnNames())).append('\n');
    for (List<Object> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        if (c > 0) {
          out.append(',');
        }
        out.append(format(row.get(c), columns.get(c).decimals()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String format(Object cell, int decimals) {
    if (cell instanceof Double d) {
      if (d.isNaN()) {
        return "";
      }
      if (d.isInfinite()) {
        throw new IllegalStateException("chart data cannot hold an infinite value");
      }
      String text = String.format(Locale.ROOT, "%." + decimals + "f", d);
      return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }
    if (cell instanceof String s) {
      return quote(s);
    }
    return String.valueOf(cell);
  }

  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static List<String> names(List<ChartColumn> columns) {
    return columns.stream().map(ChartColumn::name).toList();
  }

  /** Collects rows for a {@link ChartData}. */
  public static final class Builder {
    private final List<ChartColumn> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private Builder(List<ChartColumn> columns) {
      this.columns = columns;
    }

    /** Appends one row of cells, in column order. */
    public Builder row(Object... cells) {
      rows.add(List.of(cells));
      return this;
    }

    /** Builds the validated table. */
    public ChartData build() {
      return new ChartData(columns, rows);
    }
  }
}

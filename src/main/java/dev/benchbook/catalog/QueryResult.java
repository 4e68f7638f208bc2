package dev.benchbook.catalog;

import dev.benchbook.format.Column;
import dev.benchbook.format.ColumnType;
import dev.benchbook.format.Precision;
import dev.benchbook.format.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The rows a query returned, with each value as SQLite gave it: Integer or Long for integers,
 * Double for reals, String for text, byte[] for blobs, null for NULL.
 *
 * @param columns column labels, in order
 * @param declaredTypes each column's declared type when it comes straight from a table column
 *     (e.g. {@code TIMESTAMP}, {@code BOOLEAN}), else the type SQLite reports for its values
 * @param rows the rows, each with one value per column
 * @param elapsedNs time to run the query and read its rows, in nanoseconds
 */
public record QueryResult(List<String> columns, List<String> declaredTypes, List<Object[]> rows,
    long elapsedNs) {

  /** Copies the lists. */
  public QueryResult {
    columns = List.copyOf(columns);
    declaredTypes = List.copyOf(declaredTypes);
    rows = List.copyOf(rows);
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /** One value: row {@code row}, column {@code column} (both from 0). */
  public Object value(int row, int column) {
    return rows.get(row)[column];
  }

  /** One value by column label. */
  public Object value(int row, String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("no column '" + column + "'; columns: " + columns);
    }
    return value(row, i);
  }

  /** Reals shown to people with this many significant digits (the integer part kept whole). */
  public static final int SIGNIFICANT = 6;

  /**
   * The rows as an output-model table: a column whose values are all whole numbers is an
   * integer column, all numbers a real column (6 significant digits on screen, exact in CSV and
   * JSON), anything else text; blobs become hex text.
   */
  public Table table() {
    List<Column> cols = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      cols.add(new Column(columns.get(c), type(c), "", Precision.significant(SIGNIFICANT)));
    }
    Table.Builder t = Table.builder("", cols);
    for (Object[] row : rows) {
      t.row(Arrays.stream(row).map(v -> v instanceof byte[] b ? HexFormat.of().formatHex(b) : v)
          .toList());
    }
    return t.build();
  }

  private ColumnType type(int c) {
    boolean whole = true;
    for (Object[] row : rows) {
      Object v = row[c];
      if (v != null && !(v instanceof Number)) {
        return ColumnType.TEXT;
      }
      whole &= v == null || v instanceof Integer || v instanceof Long;
    }
    return whole ? ColumnType.INTEGER : ColumnType.REAL;
  }
}

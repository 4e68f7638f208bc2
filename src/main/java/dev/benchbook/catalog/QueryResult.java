package dev.benchbook.catalog;

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
}

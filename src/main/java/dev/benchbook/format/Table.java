package dev.benchbook.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A table of typed columns, the one thing every renderer draws: values are String, Integer,
 * Long, Double, {@link Cell} (a value with its display text) or null (missing).
 *
 * @param title a caption shown above the table, or empty
 * @param columns the columns, in order
 * @param rows the rows, each with one value per column
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows) {

  /** Checks that every row has one value per column; copies the lists (nulls allowed). */
  public Table {
    title = title == null ? "" : title;
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("table '" + title + "': a row has " + row.size()
            + " values for " + columns.size() + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** A builder for a table with these columns. */
  public static Builder builder(String title, List<Column> columns) {
    return new Builder(title, columns);
  }

  /** A builder for a table with these columns. */
  public static Builder builder(String title, Column... columns) {
    return new Builder(title, Arrays.asList(columns));
  }

  /** Number of rows. */
  public int rowCount() {
    return rows.size();
  }

  /** The column names, in order. */
  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  /** The same table with another title. */
  public Table titled(String newTitle) {
    return new Table(newTitle, columns, rows);
  }

  /** Adds rows one at a time. */
  public static final class Builder {

    private final String title;
    private final List<Column> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private Builder(String title, List<Column> columns) {
      this.title = title;
      this.columns = List.copyOf(columns);
    }

    /** Adds one row (one value per column). */
    public Builder row(Object... values) {
      rows.add(Arrays.asList(values));
      return this;
    }

    /** Adds one row (one value per column). */
    public Builder row(List<?> values) {
      rows.add(new ArrayList<>(values));
      return this;
    }

    /** The table. */
    public Table build() {
      return new Table(title, columns, rows);
    }
  }
}

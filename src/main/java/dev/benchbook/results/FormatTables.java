package dev.benchbook.results;

import dev.benchbook.format.Column;
import dev.benchbook.format.Table;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.NumericColumn;

/**
 * A Tablesaw table as the output model's {@link Table}: integer columns stay whole numbers,
 * floating-point columns are reals shown by the per-column automatic precision, everything
 * else is text; missing values are missing.
 */
public final class FormatTables {

  private FormatTables() {
  }

  /** The output-model table of a Tablesaw table (its name becomes the title). */
  public static Table of(tech.tablesaw.api.Table table) {
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < table.columnCount(); c++) {
      columns.add(column(table.column(c)));
    }
    Table.Builder b = Table.builder(table.name(), columns);
    for (int r = 0; r < table.rowCount(); r++) {
      List<Object> row = new ArrayList<>(columns.size());
      for (int c = 0; c < table.columnCount(); c++) {
        row.add(value(table.column(c), columns.get(c), r));
      }
      b.row(row);
    }
    return b.build();
  }

  private static Column column(tech.tablesaw.columns.Column<?> col) {
    String type = col.type().name();
    if (type.equals("DOUBLE") || type.equals("FLOAT")) {
      return Column.real(col.name());
    }
    if (col instanceof NumericColumn<?>) {
      return Column.integer(col.name());
    }
    return Column.text(col.name());
  }

  private static Object value(tech.tablesaw.columns.Column<?> col, Column column, int row) {
    if (col.isMissing(row)) {
      return null;
    }
    switch (column.type()) {
      case REAL:
        return ((NumericColumn<?>) col).getDouble(row);
      case INTEGER:
        return (long) ((NumericColumn<?>) col).getDouble(row);
      default:
        return col.getString(row);
    }
  }
}

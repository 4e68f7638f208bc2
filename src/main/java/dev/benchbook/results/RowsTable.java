package dev.benchbook.results;

import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Raw rows as a Tablesaw table and back: the rows' columns in file order (text as StringColumn,
 * counts as IntColumn, nanoseconds as LongColumn) plus a millisecond twin of every timed column
 * ({@code fsm_dispatch_ms}, {@code api_ms}, {@code lock_wait_ms}, {@code db_total_ms},
 * {@code fsm_net_ms}, {@code total_ms}) as DoubleColumn. A timed column the rows lack is left
 * out, twin included.
 */
public final class RowsTable {

  /** Timed columns' millisecond twins, in table order. */
  public static final List<String> MS_COLUMNS =
      dev.benchbook.rows.Column.timedColumns().stream().map(dev.benchbook.rows.Column::msKey)
          .toList();

  private static final double NS_PER_MS = 1_000_000.0;

  private RowsTable() {
  }

  /**
   * Column types to give Tablesaw's own CsvReader for a raw-rows file holding every column, in
   * file order, e.g.
   * {@code CsvReadOptions.builder(gunzipped).columnTypes(RowsTable.csvColumnTypes())}.
   */
  public static ColumnType[] csvColumnTypes() {
    return dev.benchbook.rows.Column.inFileOrder().stream()
        .filter(c -> c != dev.benchbook.rows.Column.ERROR).map(RowsTable::typeOf)
        .toArray(ColumnType[]::new);
  }

  private static ColumnType typeOf(dev.benchbook.rows.Column c) {
    if (c.kind() == dev.benchbook.rows.Column.Kind.CODE) {
      return ColumnType.STRING;
    }
    return c.storage() == dev.benchbook.rows.Column.Storage.LONG ? ColumnType.LONG
        : ColumnType.INTEGER;
  }

  /** Reads a raw-rows file straight into a table. */
  public static Table read(Path rowsFile) throws IOException {
    return toTable(RowsCsv.read(rowsFile), rowsFile.getFileName().toString());
  }

  /** The rows as a table named {@code name}. */
  public static Table toTable(RawRows rows, String name) {
    int n = rows.size();
    List<Column<?>> cols = new ArrayList<>();
    for (dev.benchbook.rows.Column c : rows.columnsInUse()) {
      cols.add(column(rows, c, n));
    }
    for (dev.benchbook.rows.Column c : rows.columns()) {
      if (c.timed()) {
        cols.add(millis(c.msKey(), rows.longs(c), n));
      }
    }
    return Table.create(name, cols.toArray(new Column<?>[0]));
  }

  private static Column<?> column(RawRows rows, dev.benchbook.rows.Column c, int n) {
    switch (c) {
      case CONFIG: return text(c.csvKey(), rows.configIds(), rows.config(), n);
      case FROM_STATE: return text(c.csvKey(), rows.stateNames(), widen(rows.fromState(), n), n);
      case TO_STATE: return text(c.csvKey(), rows.stateNames(), widen(rows.toState(), n), n);
      case OUTCOME: return outcomes(rows.outcome(), n);
      default:
        return c.storage() == dev.benchbook.rows.Column.Storage.LONG
            ? LongColumn.create(c.csvKey(), Arrays.copyOf(rows.longs(c), n))
            : IntColumn.create(c.csvKey(), Arrays.copyOf(rows.ints(c), n));
    }
  }

  /**
   * The table's raw-rows columns back as raw rows (extra columns are ignored, a timed column it
   * lacks is absent); dictionaries in order of first appearance. Fails naming the column when a
   * required one is missing, of the wrong type or has a missing value.
   */
  public static RawRows toRawRows(Table table) {
    int n = table.rowCount();
    Set<dev.benchbook.rows.Column> present = EnumSet.noneOf(dev.benchbook.rows.Column.class);
    for (dev.benchbook.rows.Column c : dev.benchbook.rows.Column.values()) {
      if (!c.optional() || table.columnNames().contains(c.csvKey())) {
        present.add(c);
      }
    }
    Codes configs = new Codes();
    Codes states = new Codes();
    RawRows rows = new RawRows(List.of(), List.of(), n, present);
    for (int i = 0; i < n; i++) {
      rows.addRow();
    }
    for (dev.benchbook.rows.Column c : rows.columns()) {
      switch (c) {
        case CONFIG -> fillCodes(rows, c, strings(table, c.csvKey()), configs::code);
        case FROM_STATE, TO_STATE -> fillCodes(rows, c, strings(table, c.csvKey()), states::code);
        case OUTCOME -> fillCodes(rows, c, strings(table, c.csvKey()),
            v -> Outcome.ofLabel(v).code());
        default -> {
          long[] values = longs(table, c.csvKey());
          for (int i = 0; i < n; i++) {
            rows.set(c, i, values[i]);
          }
        }
      }
    }
    if (states.names.size() > Byte.MAX_VALUE + 1) {
      throw new IllegalArgumentException("columns from_state/to_state: expected at most 128 "
          + "distinct state names, found " + states.names.size());
    }
    return rows.withDictionaries(configs.names, states.names);
  }

  private static void fillCodes(RawRows rows, dev.benchbook.rows.Column c, StringColumn values,
      java.util.function.ToIntFunction<String> code) {
    for (int i = 0; i < values.size(); i++) {
      rows.set(c, i, code.applyAsInt(values.get(i)));
    }
  }

  private static StringColumn text(String name, List<String> dict, int[] codes, int n) {
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = dict.get(codes[i]);
    }
    return StringColumn.create(name, values);
  }

  private static StringColumn outcomes(byte[] codes, int n) {
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = Outcome.of(codes[i]).label();
    }
    return StringColumn.create("outcome", values);
  }

  private static int[] widen(byte[] codes, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = codes[i];
    }
    return out;
  }

  private static DoubleColumn millis(String name, long[] ns, int n) {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      ms[i] = ns[i] / NS_PER_MS;
    }
    return DoubleColumn.create(name, ms);
  }

  private static StringColumn strings(Table t, String name) {
    Column<?> c = column(t, name);
    if (!(c instanceof StringColumn)) {
      throw new IllegalArgumentException("column " + name + ": expected a string column, found "
          + c.type().name());
    }
    StringColumn s = (StringColumn) c;
    if (s.countMissing() > 0) {
      throw new IllegalArgumentException("column " + name + ": expected no missing values, found "
          + s.countMissing());
    }
    return s;
  }

  private static long[] longs(Table t, String name) {
    Column<?> c = column(t, name);
    long[] out = new long[t.rowCount()];
    if (c.countMissing() > 0) {
      throw new IllegalArgumentException("column " + name + ": expected no missing values, found "
          + c.countMissing());
    }
    if (c instanceof LongColumn) {
      LongColumn l = (LongColumn) c;
      for (int i = 0; i < out.length; i++) {
        out[i] = l.getLong(i);
      }
    } else if (c instanceof IntColumn) {
      IntColumn l = (IntColumn) c;
      for (int i = 0; i < out.length; i++) {
        out[i] = l.getInt(i);
      }
    } else if (c instanceof ShortColumn) {
      ShortColumn l = (ShortColumn) c;
      for (int i = 0; i < out.length; i++) {
        out[i] = l.getShort(i);
      }
    } else {
      throw new IllegalArgumentException("column " + name + ": expected an integer column "
          + "(LONG, INTEGER or SHORT), found " + c.type().name());
    }
    return out;
  }

  private static Column<?> column(Table t, String name) {
    if (!t.columnNames().contains(name)) {
      throw new IllegalArgumentException("table " + t.name() + " has no column " + name
          + "; expected the raw-rows columns " + RowsCsv.HEADER.replace(",", ", "));
    }
    return t.column(name);
  }

  /** A dictionary built in order of first appearance. */
  private static final class Codes {
    final List<String> names = new ArrayList<>();
    final Map<String, Integer> index = new HashMap<>();

    int code(String value) {
      Integer c = index.get(value);
      if (c == null) {
        c = names.size();
        names.add(value);
        index.put(value, c);
      }
      return c;
    }
  }
}

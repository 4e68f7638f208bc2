package dev.benchbook.results;

import dev.benchbook.runtime.Outcome;
import dev.benchbook.runtime.RawRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Raw rows as a Tablesaw table and back: the {@link RawRows#COLUMNS} (text as StringColumn,
 * rep/worker/file_id/retries as IntColumn, nanoseconds as LongColumn) plus convenience
 * millisecond columns ({@code fsm_dispatch_ms}, {@code api_ms}, {@code lock_wait_ms},
 * {@code db_total_ms}, {@code fsm_net_ms}, {@code total_ms}) as DoubleColumn.
 */
public final class RowsTable {

  /** Nanosecond columns that get a millisecond twin, in table order. */
  public static final List<String> MS_COLUMNS = List.of(
      "fsm_dispatch_ms", "api_ms", "lock_wait_ms", "db_total_ms", "fsm_net_ms", "total_ms");

  private static final double NS_PER_MS = 1_000_000.0;
  private static final ColumnType[] CSV_TYPES = {
      ColumnType.STRING, ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.INTEGER,
      ColumnType.STRING, ColumnType.STRING, ColumnType.LONG, ColumnType.LONG, ColumnType.LONG,
      ColumnType.LONG, ColumnType.LONG, ColumnType.LONG, ColumnType.LONG, ColumnType.INTEGER,
      ColumnType.STRING};

  private RowsTable() {
  }

  /**
   * Column types to give Tablesaw's own CsvReader for a raw-rows file, in file order, e.g.
   * {@code CsvReadOptions.builder(gunzipped).columnTypes(RowsTable.csvColumnTypes())}.
   */
  public static ColumnType[] csvColumnTypes() {
    return CSV_TYPES.clone();
  }

  /** Reads a raw-rows file straight into a table. */
  public static Table read(Path rowsFile) throws IOException {
    return toTable(RowsCsv.read(rowsFile), rowsFile.getFileName().toString());
  }

  /** The rows as a table named {@code name}. */
  public static Table toTable(RawRows rows, String name) {
    int n = rows.size();
    List<Column<?>> cols = new ArrayList<>();
    cols.add(text("config", rows.configIds(), rows.config(), n));
    cols.add(IntColumn.create("rep", Arrays.copyOf(rows.rep(), n)));
    cols.add(IntColumn.create("worker", Arrays.copyOf(rows.worker(), n)));
    cols.add(IntColumn.create("file_id", Arrays.copyOf(rows.fileId(), n)));
    cols.add(text("from_state", rows.stateNames(), widen(rows.fromState(), n), n));
    cols.add(text("to_state", rows.stateNames(), widen(rows.toState(), n), n));
    for (String c : RawRows.COLUMNS.subList(6, 13)) {
      cols.add(LongColumn.create(c, Arrays.copyOf(rows.nsColumn(c), n)));
    }
    cols.add(IntColumn.create("retries", Arrays.copyOf(rows.retries(), n)));
    cols.add(outcomes(rows.outcome(), n));
    for (String ms : MS_COLUMNS) {
      cols.add(millis(ms, rows.nsColumn(ms.replace("_ms", "_ns")), n));
    }
    return Table.create(name, cols.toArray(new Column<?>[0]));
  }

  /**
   * The table's raw-rows columns back as raw rows (extra columns are ignored); dictionaries in
   * order of first appearance. Fails naming the column when one is missing, of the wrong type or
   * has a missing value.
   */
  public static RawRows toRawRows(Table table) {
    int n = table.rowCount();
    Codes configs = new Codes();
    Codes states = new Codes();
    RawRows rows = new RawRows(List.of(), List.of(), n);
    StringColumn config = strings(table, "config");
    StringColumn from = strings(table, "from_state");
    StringColumn to = strings(table, "to_state");
    StringColumn outcome = strings(table, "outcome");
    long[][] ints = new long[RawRows.COLUMNS.size()][];
    for (String c : List.of("rep", "worker", "file_id", "start_ns", "fsm_dispatch_ns", "api_ns",
        "lock_wait_ns", "db_total_ns", "fsm_net_ns", "total_ns", "retries")) {
      ints[RawRows.COLUMNS.indexOf(c)] = longs(table, c);
    }
    for (int i = 0; i < n; i++) {
      rows.add(configs.code(config.get(i)), (int) ints[1][i], (int) ints[2][i],
          (int) ints[3][i], states.code(from.get(i)), states.code(to.get(i)), ints[6][i],
          ints[7][i], ints[8][i], ints[9][i], ints[10][i], ints[11][i], ints[12][i],
          (int) ints[13][i], Outcome.ofLabel(outcome.get(i)));
    }
    if (states.names.size() > Byte.MAX_VALUE + 1) {
      throw new IllegalArgumentException("columns from_state/to_state: expected at most 128 "
          + "distinct state names, found " + states.names.size());
    }
    return rows.withDictionaries(configs.names, states.names);
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
          + "; expected the raw-rows columns " + RawRows.COLUMNS);
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

package dev.benchbook.catalog;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.RawRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Bulk insert of one run's raw rows: one prepared statement per config, batches of
 * {@value #BATCH} rows, inside the caller's transaction. Rows go in primary-key order
 * (config_key, then file order) so every insert appends to the table's b-tree.
 *
 * <p>sqlite-jdbc makes one JNI call per bound value, which was most of the insert's cost beyond
 * SQLite's own work (docs/PERFORMANCE.md, Catalog). So the config key and run id are literals
 * of the statement, and, when the file has the first format's columns and every value fits
 * (see {@link PackedRow}), a row's 15 other values travel in 6 bound integers that the
 * statement unpacks with shifts and masks. Otherwise each of the file's columns is bound once
 * ({@link RowsSchema}), and a timed column the file lacks stays NULL.
 */
final class RowsWriter {

  static final int BATCH = 4096;
  /**
   * Packed rows through {@link DirectBinds}; the system property
   * {@code benchbook.catalog.noDirectBinds=true} keeps them on {@code executeBatch}, for A/B
   * measurements (docs/PERFORMANCE.md, Step 17).
   */
  private static final boolean DIRECT = !Boolean.getBoolean("benchbook.catalog.noDirectBinds");

  private RowsWriter() {
  }

  /**
   * Inserts the rows of the configs in {@code configKeys} (config id to config_key); returns
   * how many were inserted. Rows of a config the results file does not list are skipped: the
   * reader only lets through such rows when none of them committed.
   */
  static long insert(Connection c, long runId, Map<String, Long> configKeys, RawRows rows)
      throws SQLException {
    return insert(c, runId, configKeys, rows, true);
  }

  /** As {@link #insert(Connection, long, Map, RawRows)}; {@code pack} false forces plain binds. */
  static long insert(Connection c, long runId, Map<String, Long> configKeys, RawRows rows,
      boolean pack) throws SQLException {
    return insert(c, runId, configKeys, rows, pack, DIRECT);
  }

  /**
   * As {@link #insert(Connection, long, Map, RawRows, boolean)}; {@code direct} false keeps
   * packed rows on {@code executeBatch} instead of {@link DirectBinds}.
   */
  static long insert(Connection c, long runId, Map<String, Long> configKeys, RawRows rows,
      boolean pack, boolean direct) throws SQLException {
    long[] keyOfCode = keysOfCodes(rows.configIds(), configKeys);
    int[] stateCodes = stateCodes(c, rows.stateNames());
    int[] order = order(rows, keyOfCode);
    PackedRow packed = pack ? PackedRow.of(rows, stateCodes).orElse(null) : null;
    List<Column> columns = packed != null ? PackedRow.COLUMNS : plainColumns(rows);
    int from = 0;
    while (from < order.length) {
      int code = rows.config()[order[from]];
      int to = from;
      while (to < order.length && rows.config()[order[to]] == code) {
        to++;
      }
      insertConfig(c, sql(keyOfCode[code], runId, packed != null, columns), rows, order, from,
          to, stateCodes, packed, columns, direct);
      from = to;
    }
    return order.length;
  }

  /** The file's columns in the rows table, in table order. */
  private static List<Column> plainColumns(RawRows rows) {
    return RowsSchema.tableColumns().stream().filter(rows::has).toList();
  }

  /**
   * The insert of one config's rows: its key and the run id as literals, the given columns
   * bound (packed: the packed layout's values).
   */
  static String sql(long configKey, long runId, boolean packed, List<Column> columns) {
    StringBuilder names = new StringBuilder("config_key, row_no, run_id");
    StringBuilder values = new StringBuilder(configKey + ", ?, " + runId);
    for (Column col : columns) {
      names.append(", ").append(col.csvKey());
      values.append(", ?");
    }
    String bound = packed ? PackedRow.values(configKey, runId) : values.toString();
    return "INSERT INTO rows (" + names + ") VALUES (" + bound + ")";
  }

  /**
   * Inserts rows {@code order[from..to)}: packed when {@code packed} is given, else plain;
   * packed rows go through {@link DirectBinds} when it is available and {@code direct} is set.
   */
  private static void insertConfig(Connection c, String sql, RawRows rows, int[] order, int from,
      int to, int[] stateCodes, PackedRow packed, List<Column> plain, boolean direct)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (packed != null && direct && DirectBinds.available()) {
        DirectBinds binds = DirectBinds.of(ps);
        long[] values = new long[PackedRow.PARAMETERS];
        for (int k = from; k < to; k++) {
          packed.values(order[k], values);
          binds.run(values, values.length);
        }
        return;
      }
      int inBatch = 0;
      for (int k = from; k < to; k++) {
        if (packed != null) {
          packed.bind(ps, order[k]);
        } else {
          bindPlain(ps, rows, order[k], stateCodes, plain);
        }
        ps.addBatch();
        if (++inBatch == BATCH) {
          ps.executeBatch();
          inBatch = 0;
        }
      }
      if (inBatch > 0) {
        ps.executeBatch();
      }
    }
  }

  private static void bindPlain(PreparedStatement ps, RawRows r, int i, int[] stateCodes,
      List<Column> columns) throws SQLException {
    ps.setInt(1, i);
    int p = 2;
    for (Column col : columns) {
      long v = r.get(col, i);
      ps.setLong(p++, col == Column.FROM_STATE || col == Column.TO_STATE ? stateCodes[(int) v]
          : v);
    }
  }

  private static long[] keysOfCodes(List<String> configIds, Map<String, Long> configKeys) {
    long[] keys = new long[configIds.size()];
    for (int code = 0; code < keys.length; code++) {
      Long key = configKeys.get(configIds.get(code));
      keys[code] = key == null ? -1 : key;
    }
    return keys;
  }

  /** Row indices sorted by config_key (a counting sort on config codes), file order within. */
  private static int[] order(RawRows rows, long[] keyOfCode) {
    int codes = keyOfCode.length;
    int[] count = new int[codes];
    int[] config = rows.config();
    int n = rows.size();
    for (int i = 0; i < n; i++) {
      count[config[i]]++;
    }
    Integer[] byKey = new Integer[codes];
    for (int code = 0; code < codes; code++) {
      byKey[code] = code;
    }
    java.util.Arrays.sort(byKey, (a, b) -> Long.compare(keyOfCode[a], keyOfCode[b]));
    int[] start = new int[codes];
    int total = 0;
    for (Integer code : byKey) {
      start[code] = total;
      total += keyOfCode[code] < 0 ? 0 : count[code];
    }
    int[] out = new int[total];
    for (int i = 0; i < n; i++) {
      int code = config[i];
      if (keyOfCode[code] >= 0) {
        out[start[code]++] = i;
      }
    }
    return out;
  }

  /** The catalog's code of every state name of the file, adding names it has not seen. */
  private static int[] stateCodes(Connection c, List<String> names) throws SQLException {
    int[] codes = new int[names.size()];
    try (PreparedStatement add = c.prepareStatement(
            "INSERT OR IGNORE INTO states (name) VALUES (?)");
        PreparedStatement find = c.prepareStatement("SELECT state FROM states WHERE name = ?")) {
      for (int i = 0; i < codes.length; i++) {
        add.setString(1, names.get(i));
        add.executeUpdate();
        find.setString(1, names.get(i));
        try (ResultSet rs = find.executeQuery()) {
          rs.next();
          codes[i] = rs.getInt(1);
        }
      }
    }
    return codes;
  }
}

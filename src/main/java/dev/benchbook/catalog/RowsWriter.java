package dev.benchbook.catalog;

import dev.benchbook.runtime.RawRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Bulk insert of one run's raw rows: one prepared statement, batches of {@value #BATCH} rows,
 * inside the caller's transaction. Rows go in primary-key order (config_key, then file order)
 * so every insert appends to the table's b-tree.
 */
final class RowsWriter {

  static final int BATCH = 4096;
  private static final String INSERT = "INSERT INTO rows (config_key, row_no, run_id, rep, "
      + "worker, file_id, from_state, to_state, start_ns, fsm_dispatch_ns, api_ns, lock_wait_ns, "
      + "db_total_ns, fsm_net_ns, total_ns, retries, outcome) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private RowsWriter() {
  }

  /**
   * Inserts the rows of the configs in {@code configKeys} (config id to config_key); returns
   * how many were inserted. Rows of a config the results file does not list are skipped: the
   * reader only lets through such rows when none of them committed.
   */
  static long insert(Connection c, long runId, Map<String, Long> configKeys, RawRows rows)
      throws SQLException {
    long[] keyOfCode = keysOfCodes(rows.configIds(), configKeys);
    int[] stateCodes = stateCodes(c, rows.stateNames());
    int[] order = order(rows, keyOfCode);
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      int inBatch = 0;
      for (int i : order) {
        bindRow(ps, rows, i, keyOfCode[rows.config()[i]], runId, stateCodes);
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
    return order.length;
  }

  private static void bindRow(PreparedStatement ps, RawRows r, int i, long configKey, long runId,
      int[] stateCodes) throws SQLException {
    ps.setLong(1, configKey);
    ps.setInt(2, i);
    ps.setLong(3, runId);
    ps.setInt(4, r.rep()[i]);
    ps.setInt(5, r.worker()[i]);
    ps.setInt(6, r.fileId()[i]);
    ps.setInt(7, stateCodes[r.fromState()[i]]);
    ps.setInt(8, stateCodes[r.toState()[i]]);
    ps.setLong(9, r.startNs()[i]);
    ps.setLong(10, r.fsmDispatchNs()[i]);
    ps.setLong(11, r.apiNs()[i]);
    ps.setLong(12, r.lockWaitNs()[i]);
    ps.setLong(13, r.dbTotalNs()[i]);
    ps.setLong(14, r.fsmNetNs()[i]);
    ps.setLong(15, r.totalNs()[i]);
    ps.setInt(16, r.retries()[i]);
    ps.setInt(17, r.outcome()[i]);
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

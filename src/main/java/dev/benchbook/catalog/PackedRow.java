package dev.benchbook.catalog;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.RawRows;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A raw row's 15 values (all but config_key and run_id) in 6 bound integers, for the catalog
 * import: sqlite-jdbc binds one value per JNI call, and the statement unpacks shifts and masks
 * far more cheaply. Layout (bit ranges of each 64-bit parameter):
 *
 * <pre>
 * ?1  row_no (62..32)  file_id (31..0)
 * ?2  rep (62..48)  worker (47..32)  from_state (31..24)  to_state (23..16)  retries (15..8)
 *     outcome (7..0)
 * ?3  start_ns
 * ?4  fsm_dispatch_ns (63..32)  api_ns (31..0)
 * ?5  lock_wait_ns (63..32)  db_total_ns (31..0)
 * ?6  fsm_net_ns (63..32)  total_ns (31..0)
 * </pre>
 *
 * A file is packed only when it has exactly the first format's columns ({@link #COLUMNS}, no
 * column absent, none added: a file with another timed column falls back) and every value fits
 * its field (durations under 2^32 ns, about 4.3 s: a high half is unpacked with a mask after the
 * shift, so a sign bit set by it comes out positive; small counters under 2^8 to 2^16); otherwise the
 * whole file uses one bind per value. Both paths store the same rows (tested). The column arrays
 * are taken from the rows once per file, not per row and value.
 */
final class PackedRow {

  /** The rows table's columns the packed values fill, in the order of {@link #values}. */
  static final List<Column> COLUMNS = List.of(Column.REP, Column.WORKER, Column.FILE_ID,
      Column.FROM_STATE, Column.TO_STATE, Column.START_NS, Column.FSM_DISPATCH_NS,
      Column.API_NS, Column.LOCK_WAIT_NS, Column.DB_TOTAL_NS, Column.FSM_NET_NS,
      Column.TOTAL_NS, Column.RETRIES, Column.OUTCOME);

  /** How many bound parameters the packed layout has. */
  static final int PARAMETERS = 6;

  private static final long LOW32 = 0xFFFF_FFFFL;
  private static final long HIGH31 = Integer.MAX_VALUE;
  private static final String LOW = " & 4294967295";

  private final int[] stateCodes;
  private final int[] rep;
  private final int[] worker;
  private final int[] fileId;
  private final int[] retries;
  private final byte[] fromState;
  private final byte[] toState;
  private final byte[] outcome;
  private final long[] startNs;
  private final long[] dispatchNs;
  private final long[] apiNs;
  private final long[] lockWaitNs;
  private final long[] dbTotalNs;
  private final long[] fsmNetNs;
  private final long[] totalNs;

  private PackedRow(RawRows r, int[] stateCodes) {
    this.stateCodes = stateCodes;
    this.rep = r.rep();
    this.worker = r.worker();
    this.fileId = r.fileId();
    this.retries = r.retries();
    this.fromState = r.fromState();
    this.toState = r.toState();
    this.outcome = r.outcome();
    this.startNs = r.startNs();
    this.dispatchNs = r.longs(Column.FSM_DISPATCH_NS);
    this.apiNs = r.longs(Column.API_NS);
    this.lockWaitNs = r.longs(Column.LOCK_WAIT_NS);
    this.dbTotalNs = r.longs(Column.DB_TOTAL_NS);
    this.fsmNetNs = r.longs(Column.FSM_NET_NS);
    this.totalNs = r.longs(Column.TOTAL_NS);
  }

  /** The VALUES list, with the config key and run id as literals. */
  static String values(long configKey, long runId) {
    return configKey + ", ?1 >> 32, " + runId + ", ?2 >> 48, (?2 >> 32) & 65535, "
        + "?1" + LOW + ", (?2 >> 24) & 255, (?2 >> 16) & 255, ?3, (?4 >> 32)" + LOW + ", ?4" + LOW
        + ", (?5 >> 32)" + LOW + ", ?5" + LOW + ", (?6 >> 32)" + LOW + ", ?6" + LOW
        + ", (?2 >> 8) & 255, ?2 & 255";
  }

  /**
   * The packed binds of these rows (with the catalog's state codes), when they have exactly
   * the first format's columns and every value fits the layout; empty otherwise.
   */
  static Optional<PackedRow> of(RawRows r, int[] stateCodes) {
    List<Column> used = r.columnsInUse();
    if (used.size() != COLUMNS.size() + 1 || !used.containsAll(COLUMNS)
        || r.size() > HIGH31) {
      return Optional.empty();
    }
    for (int code : stateCodes) {
      if (code < 0 || code > 255) {
        return Optional.empty();
      }
    }
    PackedRow packed = new PackedRow(r, stateCodes);
    for (int i = 0, n = r.size(); i < n; i++) {
      if (!packed.smallFit(i) || !packed.nsFit(i)) {
        return Optional.empty();
      }
    }
    return Optional.of(packed);
  }

  /** True when every row's values fit the layout (with the catalog's state codes). */
  static boolean fits(RawRows r, int[] stateCodes) {
    return of(r, stateCodes).isPresent();
  }

  private boolean smallFit(int i) {
    return in(rep[i], 32_767) && in(worker[i], 65_535) && in(fileId[i], LOW32)
        && in(retries[i], 255) && in(outcome[i], 255);
  }

  private boolean nsFit(int i) {
    return startNs[i] >= 0 && in(dispatchNs[i], LOW32) && in(apiNs[i], LOW32)
        && in(lockWaitNs[i], LOW32) && in(dbTotalNs[i], LOW32)
        && in(fsmNetNs[i], LOW32) && in(totalNs[i], LOW32);
  }

  private static boolean in(long value, long max) {
    return value >= 0 && value <= max;
  }

  /** The 6 packed values of row {@code i} into {@code out[0..5]}. */
  void values(int i, long[] out) {
    out[0] = ((long) i << 32) | fileId[i];
    out[1] = ((long) rep[i] << 48) | ((long) worker[i] << 32)
        | ((long) stateCodes[fromState[i]] << 24) | ((long) stateCodes[toState[i]] << 16)
        | ((long) retries[i] << 8) | outcome[i];
    out[2] = startNs[i];
    out[3] = (dispatchNs[i] << 32) | apiNs[i];
    out[4] = (lockWaitNs[i] << 32) | dbTotalNs[i];
    out[5] = (fsmNetNs[i] << 32) | totalNs[i];
  }

  /** Binds row {@code i} (its position in the file is its row_no). */
  void bind(PreparedStatement ps, int i) throws SQLException {
    ps.setLong(1, ((long) i << 32) | fileId[i]);
    ps.setLong(2, ((long) rep[i] << 48) | ((long) worker[i] << 32)
        | ((long) stateCodes[fromState[i]] << 24) | ((long) stateCodes[toState[i]] << 16)
        | ((long) retries[i] << 8) | outcome[i]);
    ps.setLong(3, startNs[i]);
    ps.setLong(4, (dispatchNs[i] << 32) | apiNs[i]);
    ps.setLong(5, (lockWaitNs[i] << 32) | dbTotalNs[i]);
    ps.setLong(6, (fsmNetNs[i] << 32) | totalNs[i]);
  }
}

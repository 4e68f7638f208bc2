package dev.benchbook.rows;

import java.util.List;

/** Tests' shorthand for whole rows: every column's value in file order, in one call. */
public final class TestRows {

  /**
   * The rows-file keys of every closed-loop column but the error column (a closed-loop run's
   * file in which nothing failed), in file order.
   */
  public static final List<String> COLUMNS = Column.inFileOrder().stream()
      .filter(Column.closedLoop()::contains).filter(c -> c != Column.ERROR)
      .map(Column::csvKey).toList();

  private TestRows() {
  }

  /** Appends one row with every first-format column given, in file order. */
  public static void add(RawRows rows, int config, int rep, int worker, int file, int from,
      int to, long start, long dispatch, long api, long lockWait, long dbTotal, long fsmNet,
      long total, int retries, Outcome outcome) {
    int i = rows.addRow();
    rows.set(Column.CONFIG, i, config);
    rows.set(Column.REP, i, rep);
    rows.set(Column.WORKER, i, worker);
    rows.set(Column.FILE_ID, i, file);
    rows.set(Column.FROM_STATE, i, from);
    rows.set(Column.TO_STATE, i, to);
    rows.set(Column.START_NS, i, start);
    setIfPresent(rows, Column.FSM_DISPATCH_NS, i, dispatch);
    setIfPresent(rows, Column.API_NS, i, api);
    setIfPresent(rows, Column.LOCK_WAIT_NS, i, lockWait);
    setIfPresent(rows, Column.DB_TOTAL_NS, i, dbTotal);
    setIfPresent(rows, Column.FSM_NET_NS, i, fsmNet);
    setIfPresent(rows, Column.TOTAL_NS, i, total);
    rows.set(Column.RETRIES, i, retries);
    rows.set(Column.OUTCOME, i, outcome.code());
  }

  private static void setIfPresent(RawRows rows, Column c, int i, long v) {
    if (rows.has(c)) {
      rows.set(c, i, v);
    }
  }

  /** A column by its rows-file key, e.g. {@code db_total_ns}. */
  public static Column column(String csvKey) {
    return Column.byCsvKey(csvKey).orElseThrow();
  }
}

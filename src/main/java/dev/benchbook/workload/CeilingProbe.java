package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The ceiling: the same transaction shape (BEGIN IMMEDIATE, UPDATE, INSERT, hold, COMMIT) in a
 * tight loop on one connection, with no state machine, API or recording around it.
 */
public final class CeilingProbe {

  private CeilingProbe() {
  }

  /** Runs the loop for about {@code durationNs} and returns committed transactions per second. */
  public static double run(Database db, int files, long holdNs, long durationNs)
      throws SQLException {
    try (Connection c = db.open(); TransactionSql sql = new TransactionSql(c, holdNs)) {
      TransitionWrite w = new TransitionWrite();
      int[] versions = new int[files];
      long start = System.nanoTime();
      long deadline = start + durationNs;
      long committed = 0;
      long now = start;
      String[] states = {"PENDING", "PROBE"};
      while (now < deadline) {
        int file = (int) (committed % files);
        w.fileId = file;
        w.fromState = states[versions[file] & 1];
        w.toState = states[(versions[file] + 1) & 1];
        w.expectedVersion = versions[file];
        sql.begin();
        sql.bodyAndCommit(w);
        if (w.result != TransitionWrite.COMMITTED) {
          throw new SQLException("ceiling probe: transaction on file " + file + " did not commit");
        }
        versions[file]++;
        committed++;
        now = System.nanoTime();
      }
      return committed / ((now - start) / 1e9);
    }
  }
}

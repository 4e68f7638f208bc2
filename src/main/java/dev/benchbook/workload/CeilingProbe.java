package dev.benchbook.workload;

import dev.benchbook.rows.Outcome;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The ceiling: the same transaction shape (BEGIN IMMEDIATE, UPDATE, INSERT, hold, COMMIT) in a
 * tight loop on one connection, with no state machine, API or recording around it.
 */
public final class CeilingProbe {

  private CeilingProbe() {
  }

  /**
   * Runs the loop unmeasured for a third of {@code durationNs} (JIT warm-up), then measured for
   * {@code durationNs}, and returns committed transactions per second of the measured part.
   */
  public static double run(Database db, int files, long holdNs, long durationNs)
      throws SQLException {
    try (Connection c = db.open(); TransactionSql sql = new TransactionSql(c, holdNs)) {
      int[] versions = new int[files];
      loop(sql, versions, durationNs / 3);
      return loop(sql, versions, durationNs);
    }
  }

  private static double loop(TransactionSql sql, int[] versions, long durationNs)
      throws SQLException {
    String[] states = {"PENDING", "PROBE"};
    TransitionWrite w = new TransitionWrite();
    long start = System.nanoTime();
    long deadline = start + durationNs;
    long committed = 0;
    long now = start;
    while (now < deadline) {
      int file = (int) (committed % versions.length);
      w.fileId = file;
      w.fromState = states[versions[file] & 1];
      w.toState = states[(versions[file] + 1) & 1];
      w.expectedVersion = versions[file];
      sql.begin();
      sql.bodyAndCommit(w);
      if (w.result != Outcome.COMMITTED) {
        throw new SQLException("ceiling probe: transaction on file " + file + " did not commit");
      }
      versions[file]++;
      committed++;
      now = System.nanoTime();
    }
    return committed / ((now - start) / 1e9);
  }
}

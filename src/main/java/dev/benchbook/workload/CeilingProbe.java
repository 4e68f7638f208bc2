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

  /** Measured windows of a probe; the best is its figure. */
  static final int WINDOWS = 3;

  /**
   * Runs the loop unmeasured for a quarter of {@code durationNs} (JIT warm-up), then measured
   * in {@value #WINDOWS} windows over {@code durationNs}, and returns the committed transactions
   * per second of the best window: a ceiling is what the database allows at best, and on a
   * shared machine a window can lose the core to other processes.
   */
  public static double run(Database db, int files, long holdNs, long durationNs)
      throws SQLException {
    try (Connection c = db.open(); TransactionSql sql = new TransactionSql(c, holdNs)) {
      int[] versions = new int[files];
      loop(sql, versions, durationNs / 4);
      double best = 0;
      for (int i = 0; i < WINDOWS; i++) {
        best = Math.max(best, loop(sql, versions, durationNs / WINDOWS));
      }
      return best;
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

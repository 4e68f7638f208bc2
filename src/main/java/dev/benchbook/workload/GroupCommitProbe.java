package dev.benchbook.workload;

import dev.benchbook.rows.Outcome;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The ceiling of a strategy that batches: the same transaction shape (UPDATE with the
 * optimistic check, audit INSERT, hold) for {@code group} transitions per transaction, sent
 * with the batched statements the writer-queue uses, by one thread with no hand-off, no state
 * machine, API or recording around it.
 */
public final class GroupCommitProbe {

  private static final String[] STATES = {"PENDING", "PROBE"};

  private GroupCommitProbe() {
  }

  /**
   * Measured windows: as long as {@link CeilingProbe}'s ({@code durationNs} / 3 each) but five of
   * them. The best of three swung by a third between runs on a quiet machine (137k-203k
   * transitions/s), moving the writer-queue's share of it as much; more windows of the same
   * length make a low best (every window hit by other work) less likely without shortening what
   * each window measures, and can only raise the ceiling, never flatter the strategy.
   */
  static final int WINDOWS = 5;

  /**
   * Runs the loop unmeasured for a quarter of {@code durationNs} (JIT warm-up), then measured in
   * {@value #WINDOWS} windows of a third of {@code durationNs} each, and returns committed
   * transitions (not transactions) per second of the best window, with the group size.
   */
  public static GroupCommitCeiling run(Database db, int files, long holdNs, int group, long durationNs)
      throws SQLException {
    if (group < 1) {
      throw new IllegalArgumentException("group commit size must be >= 1, got " + group);
    }
    try (Connection c = db.open(); TransactionSql sql = new TransactionSql(c, holdNs)) {
      TransitionWrite[] writes = new TransitionWrite[group];
      for (int i = 0; i < group; i++) {
        writes[i] = new TransitionWrite();
      }
      int[] versions = new int[files];
      Loop loop = new Loop(sql, writes, versions);
      loop.run(durationNs / 4);
      double best = 0;
      for (int i = 0; i < WINDOWS; i++) {
        best = Math.max(best, loop.run(durationNs / CeilingProbe.WINDOWS));
      }
      return new GroupCommitCeiling(best, group);
    }
  }

  /** The measured loop over one connection; keeps each file's version across runs. */
  private static final class Loop {
    private final TransactionSql sql;
    private final TransitionWrite[] writes;
    private final int[] versions;
    private long next;

    Loop(TransactionSql sql, TransitionWrite[] writes, int[] versions) {
      this.sql = sql;
      this.writes = writes;
      this.versions = versions;
    }

    /** Commits groups until {@code durationNs} passed; returns transitions per second. */
    double run(long durationNs) throws SQLException {
      long start = System.nanoTime();
      long deadline = start + durationNs;
      long committed = 0;
      long now = start;
      while (now < deadline) {
        fill();
        sql.begin();
        int[] counts = sql.updateBatch(writes, writes.length);
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] != 1) {
            sql.rollbackQuietly();
            throw new SQLException("group commit probe: the update of file " + writes[i].fileId
                + " matched " + counts[i] + " rows, expected 1");
          }
          writes[i].result = Outcome.COMMITTED;
        }
        sql.insertBatch(writes, writes.length);
        sql.commit();
        committed += writes.length;
        now = System.nanoTime();
      }
      return committed / ((now - start) / 1e9);
    }

    /** The next group: consecutive files, each moved one step from the version it has. */
    private void fill() {
      for (TransitionWrite w : writes) {
        int file = (int) (next++ % versions.length);
        int v = versions[file]++;
        w.fileId = file;
        w.fromState = STATES[v & 1];
        w.toState = STATES[(v + 1) & 1];
        w.expectedVersion = v;
      }
    }
  }
}

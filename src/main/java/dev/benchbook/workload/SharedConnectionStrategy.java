package dev.benchbook.workload;

import dev.benchbook.rows.Outcome;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mitigation: one connection for all workers; a transaction holds it from BEGIN to COMMIT, so
 * workers queue on a Java lock instead of fighting for SQLite's write lock. lock_wait is the
 * wait for the connection.
 */
public final class SharedConnectionStrategy implements ConnectionStrategy {

  private final TransactionSql sql;
  private final ReentrantLock lock;

  /** Opens the shared connection; {@code fair} chooses a fair (FIFO) lock. */
  public SharedConnectionStrategy(Database db, long holdNs, boolean fair) throws SQLException {
    this.sql = new TransactionSql(db.open(), holdNs);
    this.lock = new ReentrantLock(fair);
  }

  @Override
  public String name() {
    return "shared-connection";
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fair", lock.isFair());
    return m;
  }

  @Override
  public WriteChannel open(int worker) {
    return new Channel();
  }

  @Override
  public void close() {
    sql.closeWithConnection();
  }

  /** A worker's handle on the shared connection. */
  private final class Channel implements WriteChannel {
    @Override
    public void apply(TransitionWrite write) {
      write.resetResult();
      long start = write.dbStartNs;
      lock.lock();
      try {
        try {
          sql.begin();
        } catch (SQLException e) {
          write.lockWaitNs = System.nanoTime() - start;
          write.result = TransactionSql.isBusy(e) ? Outcome.BUSY : Outcome.ROLLED_BACK;
          return;
        }
        write.lockWaitNs = System.nanoTime() - start;
        sql.bodyAndCommit(write);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      // the shared connection is closed by the strategy
    }
  }
}

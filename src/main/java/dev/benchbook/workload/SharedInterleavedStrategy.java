package dev.benchbook.workload;

import dev.benchbook.rows.Outcome;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * NOT ATOMIC: the seed's setup, reproduced for comparison. All workers share one connection and
 * only each statement is serialised, so the workers' statements interleave inside one open
 * transaction: one worker's COMMIT commits the others' pending statements, and one worker's
 * ROLLBACK undoes them while their owners still go on to report a commit. Throughput is
 * inflated by this accidental group commit. Never use it as a mitigation.
 */
public final class SharedInterleavedStrategy implements ConnectionStrategy {

  /** The registry entry (NOT ATOMIC: runs only when named). */
  public static final Strategy STRATEGY = new Strategy() {
    @Override
    public String name() {
      return "shared-interleaved";
    }

    @Override
    public String description() {
      return "the seed's NOT ATOMIC setup: one connection, statements interleaved";
    }

    @Override
    public boolean atomic() {
      return false;
    }

    @Override
    public StrategyOptions defaults() {
      return new NoOptions(name(), Map.of("atomic", false));
    }

    @Override
    public ConnectionStrategy open(Database db, long holdNs, long seed, StrategyOptions options)
        throws SQLException {
      OptionText.as(NoOptions.class, name(), options);
      return new SharedInterleavedStrategy(db, holdNs);
    }
  };

  private final TransactionSql sql;
  private final long holdNs;
  private final ReentrantLock statementLock = new ReentrantLock();
  private boolean open;

  /** Opens the shared connection; {@code holdNs} is held between INSERT and COMMIT. */
  public SharedInterleavedStrategy(Database db, long holdNs) throws SQLException {
    this.sql = new TransactionSql(db.open(), db.schema(), 0);
    this.holdNs = holdNs;
  }

  @Override
  public WriteChannel open(int worker) {
    return new Channel();
  }

  @Override
  public void close() {
    sql.closeWithConnection();
  }

  /** A worker's handle: each statement alone holds the connection. */
  private final class Channel implements WriteChannel {
    @Override
    public void apply(TransitionWrite write) {
      write.resetResult();
      if (TransactionSql.isJava(write)) {
        applyJava(write);
        return;
      }
      try {
        if (!update(write)) {
          write.result = Outcome.CONFLICT;
          return;
        }
        if (write.injectFailure) {
          endTransaction(false);
          write.result = Outcome.ROLLED_BACK;
          return;
        }
        statement(() -> sql.insertAudit(write));
        Pause.ns(holdNs);
        endTransaction(true);
        write.result = Outcome.COMMITTED;
      } catch (SQLException e) {
        write.result = TransactionSql.isBusy(e) ? Outcome.BUSY : Outcome.ROLLED_BACK;
      }
    }

    /**
     * A Java DB step as one statement group inside the shared transaction (others' statements
     * interleave before and after it), then this worker's COMMIT of whatever it holds.
     */
    private void applyJava(TransitionWrite write) {
      boolean written;
      statementLock.lock();
      try {
        joinShared(write);
        written = sql.body(write);
      } catch (Throwable t) {
        rollbackShared();
        write.failed(TransactionSql.rethrowFatal(t));
        return;
      } finally {
        statementLock.unlock();
      }
      if (!written) {
        write.result = Outcome.CONFLICT;
        return;
      }
      Pause.ns(holdNs);
      try {
        endTransaction(true);
        write.result = Outcome.COMMITTED;
      } catch (SQLException e) {
        write.failed(e);
      }
    }

    private void rollbackShared() {
      try {
        endTransaction(false);
      } catch (SQLException ignored) {
        // rollbackQuietly does not throw; nothing else to undo
      }
    }

    /**
     * Under the statement lock: opens the shared transaction when none is open; the write's
     * lock_wait ends here.
     */
    private void joinShared(TransitionWrite write) throws SQLException {
      if (!open) {
        sql.begin();
        open = true;
      }
      write.lockWaitNs = System.nanoTime() - write.dbStartNs;
    }

    /** Opens the shared transaction when none is open, then the UPDATE; true when applied. */
    private boolean update(TransitionWrite write) throws SQLException {
      statementLock.lock();
      try {
        joinShared(write);
        return sql.update(write);
      } finally {
        statementLock.unlock();
      }
    }

    /** COMMIT or ROLLBACK of whatever the shared transaction holds, everyone's statements. */
    private void endTransaction(boolean commit) throws SQLException {
      statementLock.lock();
      try {
        if (open) {
          open = false;
          if (commit) {
            sql.commit();
          } else {
            sql.rollbackQuietly();
          }
        }
      } finally {
        statementLock.unlock();
      }
    }

    private void statement(SqlStep step) throws SQLException {
      statementLock.lock();
      try {
        step.run();
      } finally {
        statementLock.unlock();
      }
    }

    @Override
    public void close() {
      // the connection belongs to the strategy
    }
  }

  /** One statement on the shared connection. */
  private interface SqlStep {
    void run() throws SQLException;
  }
}

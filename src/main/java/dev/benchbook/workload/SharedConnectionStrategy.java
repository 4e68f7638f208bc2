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

  /** The registry entry. */
  public static final Strategy STRATEGY = new Strategy() {
    @Override
    public String name() {
      return "shared-connection";
    }

    @Override
    public String description() {
      return "one connection for all workers, taken with a Java lock for a whole transaction";
    }

    @Override
    public StrategyOptions defaults() {
      return new Options(false);
    }

    @Override
    public ConnectionStrategy open(Database db, long holdNs, long seed, StrategyOptions options)
        throws SQLException {
      return new SharedConnectionStrategy(db, holdNs,
          OptionText.as(Options.class, name(), options).fair());
    }
  };

  private final TransactionSql sql;
  private final ReentrantLock lock;

  /** Opens the shared connection; {@code fair} chooses a fair (FIFO) lock. */
  public SharedConnectionStrategy(Database db, long holdNs, boolean fair) throws SQLException {
    this.sql = new TransactionSql(db.open(), db.schema(), holdNs);
    this.lock = new ReentrantLock(fair);
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

  /**
   * The shared-connection strategy's options.
   *
   * @param fair a fair (FIFO) lock
   */
  public record Options(boolean fair) implements StrategyOptions {

    @Override
    public Map<String, Object> values() {
      return Map.of("fair", fair);
    }

    @Override
    public StrategyOptions with(Map<String, String> texts) {
      OptionText.known("shared-connection", texts, values().keySet());
      return new Options(OptionText.bool("fair", OptionText.get(texts, "fair", fair)));
    }

    @Override
    public Map<String, Object> recorded() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fair", fair);
      return m;
    }
  }
}

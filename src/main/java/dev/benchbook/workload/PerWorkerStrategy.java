package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.sqlite.BusyHandler;

/**
 * The baseline: every worker owns a connection and takes the write lock with BEGIN IMMEDIATE,
 * waiting in SQLite's busy-handler ladder (re-implemented to count retries).
 */
public final class PerWorkerStrategy implements ConnectionStrategy {

  private final Database db;
  private final long holdNs;

  /** Creates the strategy over a database; {@code holdNs} is held inside each transaction. */
  public PerWorkerStrategy(Database db, long holdNs) {
    this.db = db;
    this.holdNs = holdNs;
  }

  @Override
  public String name() {
    return "per-worker";
  }

  @Override
  public Map<String, Object> options() {
    return Map.of("busy_handler", "sqlite-ladder");
  }

  @Override
  public WriteChannel open(int worker) throws SQLException {
    Connection c = db.open();
    LadderBusyHandler handler = new LadderBusyHandler(db.settings().busyTimeoutMs());
    BusyHandler.setHandler(c, handler);
    return new Channel(new TransactionSql(c, holdNs), handler);
  }

  @Override
  public void close() {
    // per-worker connections are closed with their channels
  }

  /** One worker's own connection. */
  private static final class Channel implements WriteChannel {
    private final TransactionSql sql;
    private final LadderBusyHandler handler;

    Channel(TransactionSql sql, LadderBusyHandler handler) {
      this.sql = sql;
      this.handler = handler;
    }

    @Override
    public void apply(TransitionWrite write) {
      write.resetResult();
      handler.reset();
      long start = System.nanoTime();
      try {
        sql.begin();
      } catch (SQLException e) {
        write.lockWaitNs = System.nanoTime() - start;
        write.busyRetries = handler.invocations();
        write.result = TransactionSql.isBusy(e) ? TransitionWrite.BUSY : TransitionWrite.ROLLED_BACK;
        return;
      }
      write.lockWaitNs = System.nanoTime() - start;
      write.busyRetries = handler.invocations();
      sql.bodyAndCommit(write);
    }

    @Override
    public void close() {
      sql.close();
      Connections.closeQuietly(sql.connection());
    }
  }
}

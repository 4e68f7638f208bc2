package dev.benchbook.workload;

import dev.benchbook.rows.Outcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.sqlite.BusyHandler;

/**
 * Per-worker connections: every worker owns a connection and takes the write lock with BEGIN
 * IMMEDIATE. The baseline waits in SQLite's busy-handler ladder (re-implemented to count
 * retries); the {@code backoff} mitigation waits in a jittered fine-grained backoff instead.
 */
public final class PerWorkerStrategy implements ConnectionStrategy {

  /** The baseline: per-worker connections waiting in SQLite's busy-handler ladder. */
  public static final Strategy BASELINE = new Strategy() {
    @Override
    public String name() {
      return "per-worker";
    }

    @Override
    public String description() {
      return "per-worker connections, BEGIN IMMEDIATE, SQLite's busy-handler ladder (baseline)";
    }

    @Override
    public StrategyOptions defaults() {
      return new NoOptions(name(), Map.of("busy_handler", "sqlite-ladder"));
    }

    @Override
    public ConnectionStrategy open(Database db, long holdNs, long seed, StrategyOptions options) {
      OptionText.as(NoOptions.class, name(), options);
      return baseline(db, holdNs);
    }
  };

  /** The backoff mitigation: per-worker connections, jittered exponential backoff. */
  public static final Strategy BACKOFF = new Strategy() {
    @Override
    public String name() {
      return "backoff";
    }

    @Override
    public String description() {
      return "per-worker connections waiting in a jittered fine-grained backoff";
    }

    @Override
    public StrategyOptions defaults() {
      return new BackoffOptions(20, 2000);
    }

    @Override
    public ConnectionStrategy open(Database db, long holdNs, long seed, StrategyOptions options) {
      BackoffOptions o = OptionText.as(BackoffOptions.class, name(), options);
      return backoff(db, holdNs, o.backoffMinUs(), o.backoffMaxUs(), seed);
    }
  };

  private final Database db;
  private final long holdNs;
  private final boolean backoff;
  private final long backoffMinUs;
  private final long backoffMaxUs;
  private final long seed;

  private PerWorkerStrategy(Database db, long holdNs, boolean backoff, long minUs, long maxUs,
      long seed) {
    this.db = db;
    this.holdNs = holdNs;
    this.backoff = backoff;
    this.backoffMinUs = minUs;
    this.backoffMaxUs = maxUs;
    this.seed = seed;
  }

  /** The baseline over a database; {@code holdNs} is held inside each transaction. */
  public static PerWorkerStrategy baseline(Database db, long holdNs) {
    return new PerWorkerStrategy(db, holdNs, false, 0, 0, 0);
  }

  /** The backoff mitigation: jittered backoff from {@code minUs} doubling up to {@code maxUs}. */
  public static PerWorkerStrategy backoff(Database db, long holdNs, long minUs, long maxUs,
      long seed) {
    if (minUs < 1 || maxUs < minUs) {
      throw new IllegalArgumentException("backoff needs 1 <= min_us <= max_us, got min_us "
          + minUs + ", max_us " + maxUs);
    }
    return new PerWorkerStrategy(db, holdNs, true, minUs, maxUs, seed);
  }

  @Override
  public WriteChannel open(int worker) throws SQLException {
    Connection c = db.open();
    long timeoutMs = db.settings().busyTimeoutMs();
    CountingBusyHandler handler = backoff
        ? new BackoffBusyHandler(backoffMinUs, backoffMaxUs, timeoutMs, seed + worker)
        : new LadderBusyHandler(timeoutMs);
    BusyHandler.setHandler(c, handler);
    return new Channel(new TransactionSql(c, db.schema(), holdNs), handler);
  }

  @Override
  public void close() {
    // per-worker connections are closed with their channels
  }

  /** One worker's own connection. */
  private static final class Channel implements WriteChannel {
    private final TransactionSql sql;
    private final CountingBusyHandler handler;

    Channel(TransactionSql sql, CountingBusyHandler handler) {
      this.sql = sql;
      this.handler = handler;
    }

    @Override
    public void apply(TransitionWrite write) {
      write.resetResult();
      handler.reset();
      long start = write.dbStartNs;
      try {
        sql.begin();
      } catch (SQLException e) {
        write.lockWaitNs = System.nanoTime() - start;
        write.busyRetries = handler.invocations();
        write.result = TransactionSql.isBusy(e) ? Outcome.BUSY : Outcome.ROLLED_BACK;
        return;
      }
      write.lockWaitNs = System.nanoTime() - start;
      write.busyRetries = handler.invocations();
      sql.bodyAndCommit(write);
    }

    @Override
    public void close() {
      sql.closeWithConnection();
    }
  }

  /**
   * The backoff strategy's options.
   *
   * @param backoffMinUs first backoff sleep, us
   * @param backoffMaxUs largest backoff sleep, us
   */
  public record BackoffOptions(long backoffMinUs, long backoffMaxUs) implements StrategyOptions {

    /** Checks 1 <= min <= max. */
    public BackoffOptions {
      if (backoffMinUs < 1 || backoffMaxUs < backoffMinUs) {
        throw new IllegalArgumentException("backoff-min-us and backoff-max-us need 1 <= min <= "
            + "max, got " + backoffMinUs + " and " + backoffMaxUs);
      }
    }

    @Override
    public Map<String, Object> values() {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("backoff-min-us", backoffMinUs);
      m.put("backoff-max-us", backoffMaxUs);
      return m;
    }

    @Override
    public StrategyOptions with(Map<String, String> texts) {
      OptionText.known("backoff", texts, values().keySet());
      return new BackoffOptions(
          OptionText.whole("backoff-min-us", OptionText.get(texts, "backoff-min-us", backoffMinUs),
              1, 60_000_000),
          OptionText.whole("backoff-max-us", OptionText.get(texts, "backoff-max-us", backoffMaxUs),
              1, 60_000_000));
    }

    @Override
    public Map<String, Object> recorded() {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("busy_handler", "jittered-exponential");
      m.put("backoff_min_us", backoffMinUs);
      m.put("backoff_max_us", backoffMaxUs);
      return m;
    }
  }
}

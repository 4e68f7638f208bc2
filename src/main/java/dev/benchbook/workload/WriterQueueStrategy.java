package dev.benchbook.workload;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Mitigation: one writer thread owns the connection and group-commits the workers'
 * transitions, up to {@code batchMax} per transaction, waiting up to {@code batchWaitUs} for
 * a batch to fill. Each worker waits for its own outcome.
 *
 * <p>Atomicity per transition: a transition that fails inside the batch (an error between its
 * UPDATE and COMMIT) makes the writer roll the whole transaction back and run the rest of the
 * batch again without it, so the failed transition is rolled back alone. A failed optimistic
 * check writes nothing and needs no rollback. lock_wait is the time from handing the
 * transition to the writer until the writer starts executing it.
 */
public final class WriterQueueStrategy implements ConnectionStrategy {

  /** The registry entry. */
  public static final Strategy STRATEGY = new Strategy() {
    @Override
    public String name() {
      return "writer-queue";
    }

    @Override
    public String description() {
      return "one writer thread group-commits the workers' transitions";
    }

    @Override
    public StrategyOptions defaults() {
      return new Options(128, 0);
    }

    @Override
    public int commitGroup(StrategyOptions options, int concurrency) {
      return Math.min(OptionText.as(Options.class, name(), options).batchMax(), concurrency);
    }

    @Override
    public ConnectionStrategy open(Database db, long holdNs, long seed, StrategyOptions options)
        throws SQLException {
      Options o = OptionText.as(Options.class, name(), options);
      return new WriterQueueStrategy(db, holdNs, o.batchMax(), o.batchWaitUs());
    }
  };

  private final TransactionSql sql;
  private final int batchMax;
  private final long batchWaitNs;
  private final ArrayBlockingQueue<Channel> queue;
  private final TransitionWrite[] writes;
  private final Thread writer;
  private volatile boolean running = true;
  private long batches;

  /** Starts the writer thread over a new connection to {@code db}. */
  public WriterQueueStrategy(Database db, long holdNs, int batchMax, long batchWaitUs)
      throws SQLException {
    if (batchMax < 1 || batchMax > 100_000) {
      throw new IllegalArgumentException("batch max must be in [1, 100000], got " + batchMax);
    }
    if (batchWaitUs < 0) {
      throw new IllegalArgumentException("batch wait must be >= 0 us, got " + batchWaitUs);
    }
    this.sql = new TransactionSql(db.open(), holdNs);
    this.batchMax = batchMax;
    this.batchWaitNs = batchWaitUs * 1000;
    this.queue = new ArrayBlockingQueue<>(4096);
    this.writes = new TransitionWrite[batchMax];
    this.writer = new Thread(this::writeLoop, "benchbook-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  @Override
  public WriteChannel open(int worker) {
    return new Channel();
  }

  /** Transactions committed so far (each holding one or more transitions). */
  public long batches() {
    return batches;
  }

  @Override
  public void close() {
    running = false;
    writer.interrupt();
    try {
      writer.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sql.closeWithConnection();
  }

  private void writeLoop() {
    List<Channel> batch = new ArrayList<>(batchMax);
    while (running) {
      try {
        Channel first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        fill(batch);
        commitBatch(batch);
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (RuntimeException e) {
        failAll(batch);
      } finally {
        batch.clear();
      }
    }
  }

  private void fill(List<Channel> batch) throws InterruptedException {
    queue.drainTo(batch, batchMax - batch.size());
    if (batchWaitNs == 0) {
      return;
    }
    long deadline = System.nanoTime() + batchWaitNs;
    long left = batchWaitNs;
    while (batch.size() < batchMax && left > 0) {
      Channel c = queue.poll(left, TimeUnit.NANOSECONDS);
      if (c != null) {
        batch.add(c);
        queue.drainTo(batch, batchMax - batch.size());
      }
      left = deadline - System.nanoTime();
    }
  }

  /** Runs the batch in one transaction; a failing transition is dropped and the rest rerun. */
  private void commitBatch(List<Channel> batch) {
    while (!batch.isEmpty()) {
      int failedAt = runOnce(batch);
      if (failedAt < 0) {
        break;
      }
      // move the failed transition out of the batch and run the rest again
      Channel failed = batch.remove(failedAt);
      failed.complete();
    }
    for (Channel c : batch) {
      c.complete();
    }
  }

  /**
   * One attempt at the batch: BEGIN, batched UPDATEs, the failure check, batched INSERTs,
   * COMMIT. Returns -1 when the transaction ended (results set), or the index of the transition
   * that failed inside it (transaction rolled back, that transition's result set).
   */
  private int runOnce(List<Channel> batch) {
    int n = batch.size();
    try {
      sql.begin();
    } catch (SQLException e) {
      setAll(batch, resultOf(e));
      return -1;
    }
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Channel c = batch.get(i);
      c.write.lockWaitNs = started - c.submittedNs;
      writes[i] = c.write;
    }
    try {
      int[] counts = sql.updateBatch(writes, n);
      for (int i = 0; i < n; i++) {
        writes[i].result = counts[i] == 1 ? TransitionWrite.COMMITTED : TransitionWrite.CONFLICT;
        if (writes[i].result == TransitionWrite.COMMITTED && writes[i].injectFailure) {
          sql.rollbackQuietly();
          writes[i].result = TransitionWrite.ROLLED_BACK;
          return i;
        }
      }
      sql.insertBatch(writes, n);
      sql.commit();
      batches++;
    } catch (SQLException | RuntimeException e) {
      sql.rollbackQuietly();
      setAll(batch, resultOf(e));
    }
    return -1;
  }

  private static int resultOf(Exception e) {
    return TransactionSql.isBusy(e) ? TransitionWrite.BUSY : TransitionWrite.ROLLED_BACK;
  }

  private static void setAll(List<Channel> batch, int result) {
    for (Channel c : batch) {
      c.write.result = result;
    }
  }

  private void failAll(List<Channel> batch) {
    sql.rollbackQuietly();
    for (Channel c : batch) {
      c.write.result = TransitionWrite.ROLLED_BACK;
      c.complete();
    }
  }

  /** A worker's handle: hands its transition to the writer and parks until it is done. */
  private final class Channel implements WriteChannel {
    private TransitionWrite write;
    private Thread owner;
    private long submittedNs;
    private volatile boolean done;

    @Override
    public void apply(TransitionWrite w) {
      w.resetResult();
      write = w;
      owner = Thread.currentThread();
      done = false;
      submittedNs = w.dbStartNs;
      try {
        queue.put(this);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        w.result = TransitionWrite.ROLLED_BACK;
        return;
      }
      while (!done) {
        LockSupport.park(this);
      }
    }

    void complete() {
      done = true;
      LockSupport.unpark(owner);
    }

    @Override
    public void close() {
      // the connection belongs to the writer
    }
  }

  /**
   * The writer-queue strategy's options.
   *
   * @param batchMax most transitions per transaction
   * @param batchWaitUs how long the writer waits for a batch to fill, us
   */
  public record Options(int batchMax, long batchWaitUs) implements StrategyOptions {

    @Override
    public Map<String, Object> values() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("batch-max", batchMax);
      m.put("batch-wait-us", batchWaitUs);
      return m;
    }

    @Override
    public StrategyOptions with(Map<String, String> texts) {
      OptionText.known("writer-queue", texts, values().keySet());
      return new Options(
          (int) OptionText.whole("batch-max", OptionText.get(texts, "batch-max", batchMax), 1,
              100_000),
          OptionText.whole("batch-wait-us", OptionText.get(texts, "batch-wait-us", batchWaitUs),
              0, 60_000_000));
    }

    @Override
    public Map<String, Object> recorded() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("batch_max", batchMax);
      m.put("batch_wait_us", batchWaitUs);
      return m;
    }
  }
}

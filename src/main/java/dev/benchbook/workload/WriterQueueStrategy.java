package dev.benchbook.workload;

import dev.benchbook.rows.Outcome;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Mitigation: one writer thread owns the connection and group-commits the workers'
 * transitions, up to {@code batchMax} per transaction. Each worker waits for its own outcome.
 *
 * <p>Hand-off: a worker pushes its channel (reused for every transition: nothing is allocated
 * per transition) onto one lock-free stack and parks; the writer takes everything submitted
 * with one atomic swap and restores submission order (first come, first committed), so a batch
 * costs the writer one atomic operation, not one lock round per transition. With
 * {@code batchWaitUs} the writer keeps taking new submissions for that long before it commits.
 * After the commit it sets each worker's outcome and unparks it. With nothing submitted the
 * writer spins briefly, then parks; a worker unparks it only when it is parked, so a busy
 * writer is never woken.
 *
 * <p>Atomicity per transition: a transition that fails inside the batch (an error between its
 * UPDATE and COMMIT) makes the writer roll the whole transaction back and run the rest of the
 * batch again without it, so the failed transition is rolled back alone. A workload's Java DB
 * steps run one after another, each in a savepoint that a conflict or an exception rolls back
 * alone. A failed optimistic
 * check writes nothing and needs no rollback. lock_wait is the time from handing the
 * transition to the writer until the writer starts executing its batch (time in the queue).
 */
public final class WriterQueueStrategy implements ConnectionStrategy {

  /** How long the writer spins on an empty stack before it parks. */
  private static final long IDLE_SPIN_NS = 20_000;

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
  private final AtomicReference<Channel> submitted = new AtomicReference<>();
  private final Channel[] batch;
  private final TransitionWrite[] writes;
  private final Thread writer;
  private Channel carried;
  private volatile boolean writerParked;
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
    this.sql = new TransactionSql(db.open(), db.schema(), holdNs);
    this.batchMax = batchMax;
    this.batchWaitNs = batchWaitUs * 1000;
    this.batch = new Channel[batchMax];
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
    LockSupport.unpark(writer);
    try {
      writer.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sql.closeWithConnection();
  }

  private void writeLoop() {
    while (running) {
      int n = take(0);
      if (n == 0) {
        idle();
        continue;
      }
      n = gather(n);
      try {
        commitBatch(n);
      } catch (RuntimeException e) {
        failAll(n);
      }
      release(n);
    }
  }

  /** Moves submitted channels, oldest first, into {@code batch} from index {@code n}. */
  private int take(int n) {
    if (carried == null) {
      carried = reversed(submitted.getAndSet(null));
    }
    while (n < batchMax && carried != null) {
      Channel c = carried;
      carried = c.next;
      c.next = null;
      batch[n++] = c;
    }
    return n;
  }

  /** The stack (newest first) as a list oldest first. */
  private static Channel reversed(Channel newestFirst) {
    Channel oldestFirst = null;
    for (Channel c = newestFirst; c != null; ) {
      Channel next = c.next;
      c.next = oldestFirst;
      oldestFirst = c;
      c = next;
    }
    return oldestFirst;
  }

  /** With a batch wait, keeps taking submissions until the batch is full or the wait is over. */
  private int gather(int n) {
    if (batchWaitNs == 0) {
      return n;
    }
    long deadline = System.nanoTime() + batchWaitNs;
    while (n < batchMax && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      n = take(n);
    }
    return n;
  }

  /** Nothing submitted: spins for up to {@value #IDLE_SPIN_NS} ns, then parks until a submit. */
  private void idle() {
    long until = System.nanoTime() + IDLE_SPIN_NS;
    while (System.nanoTime() < until) {
      if (submitted.get() != null || !running) {
        return;
      }
      Thread.onSpinWait();
    }
    writerParked = true;
    if (submitted.get() == null && running) {
      LockSupport.park(this);
    }
    writerParked = false;
  }

  /** Runs the batch in one transaction; a failing transition is dropped and the rest rerun. */
  private void commitBatch(int n) {
    int live = n;
    while (live > 0) {
      int failedAt = runOnce(live);
      if (failedAt < 0) {
        return;
      }
      // move the failed transition behind the others and run the rest again
      Channel failed = batch[failedAt];
      System.arraycopy(batch, failedAt + 1, batch, failedAt, live - 1 - failedAt);
      batch[--live] = failed;
    }
  }

  /**
   * One attempt at the first {@code n} channels of the batch: BEGIN, batched UPDATEs, the
   * failure check, batched INSERTs, COMMIT (a workload whose writes differ by edge or select
   * first: each transition's statements in turn). Returns -1 when the transaction ended (results
   * set), or the index of the transition that failed inside it (transaction rolled back, that
   * transition's result set).
   */
  private int runOnce(int n) {
    try {
      sql.begin();
    } catch (SQLException e) {
      setAll(n, resultOf(e));
      return -1;
    }
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Channel c = batch[i];
      c.write.lockWaitNs = started - c.submittedNs;
      writes[i] = c.write;
    }
    if (TransactionSql.isJava(writes[0])) {
      return runJavaSteps(n);
    }
    try {
      if (!sql.batchable()) {
        int failed = sql.runEach(writes, n);
        if (failed >= 0) {
          return failed;
        }
        sql.commit();
        batches++;
        return -1;
      }
      int[] counts = sql.updateBatch(writes, n);
      for (int i = 0; i < n; i++) {
        writes[i].result = counts[i] == 1 ? Outcome.COMMITTED : Outcome.CONFLICT;
        if (writes[i].result == Outcome.COMMITTED && writes[i].injectFailure) {
          sql.rollbackQuietly();
          writes[i].result = Outcome.ROLLED_BACK;
          return i;
        }
      }
      sql.insertBatch(writes, n);
      sql.commit();
      batches++;
    } catch (SQLException | RuntimeException e) {
      sql.rollbackQuietly();
      setAll(n, resultOf(e));
    }
    return -1;
  }

  /**
   * The Java DB steps of a batch inside the open transaction, each in its own savepoint (a
   * failing or conflicting step is undone alone), then COMMIT. Returns -1.
   */
  private int runJavaSteps(int n) {
    try {
      for (int i = 0; i < n; i++) {
        sql.inSavepoint(writes[i]);
      }
      sql.commit();
      batches++;
    } catch (SQLException | RuntimeException e) {
      sql.rollbackQuietly();
      setAll(n, resultOf(e));
    }
    return -1;
  }

  private static Outcome resultOf(Exception e) {
    return TransactionSql.isBusy(e) ? Outcome.BUSY : Outcome.ROLLED_BACK;
  }

  private void setAll(int n, Outcome result) {
    for (int i = 0; i < n; i++) {
      batch[i].write.result = result;
    }
  }

  private void failAll(int n) {
    sql.rollbackQuietly();
    setAll(n, Outcome.ROLLED_BACK);
  }

  /** Sets each transition of the batch done and unparks its worker. */
  private void release(int n) {
    for (int i = 0; i < n; i++) {
      Channel c = batch[i];
      batch[i] = null;
      writes[i] = null;
      Thread owner = c.owner;
      c.done = true;
      LockSupport.unpark(owner);
    }
  }

  /** A worker's handle: hands its transition to the writer and parks until it is done. */
  private final class Channel implements WriteChannel {
    private TransitionWrite write;
    private Thread owner;
    private long submittedNs;
    private Channel next;
    private volatile boolean done;

    @Override
    public void apply(TransitionWrite w) {
      w.resetResult();
      write = w;
      owner = Thread.currentThread();
      done = false;
      submittedNs = w.dbStartNs;
      Channel head;
      do {
        head = submitted.get();
        next = head;
      } while (!submitted.compareAndSet(head, this));
      if (writerParked) {
        LockSupport.unpark(writer);
      }
      while (!done) {
        LockSupport.park(this);
      }
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

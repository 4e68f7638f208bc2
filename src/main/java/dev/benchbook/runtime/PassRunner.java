package dev.benchbook.runtime;

import dev.benchbook.rows.PassRows;
import dev.benchbook.rows.RawRows;
import dev.benchbook.workload.ConnectionStrategy;
import dev.benchbook.workload.Database;
import dev.benchbook.workload.IntegrityReport;
import dev.benchbook.workload.Schema;
import dev.benchbook.workload.WriteChannel;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs one pass of one config: fresh database, workers, timing, integrity check, cleanup. */
final class PassRunner {

  private static final long PROGRESS_INTERVAL_MS = 200;
  /** The "worker" index whose seed draws a pass's arrival schedule. */
  private static final int SCHEDULE = -1;

  private final RunPlan plan;
  private final RunControl control;
  private final ProgressListener listener;

  PassRunner(RunPlan plan, RunControl control, ProgressListener listener) {
    this.plan = plan;
    this.control = control;
    this.listener = listener;
  }

  /**
   * Runs a pass and appends its rows to {@code sink} (null for a warmup pass, whose rows and
   * result are discarded).
   */
  PassResult run(BenchConfig config, int configCode, int rep, Duration bound, RawRows sink)
      throws IOException, SQLException, InterruptedException {
    try (Database db = Database.create(plan.tempDir(), config.sqlite(),
        config.workload().schema(), config.flow(), config.files());
        ConnectionStrategy strategy = config.strategy().create(db, config.holdNs())) {
      List<WriteChannel> channels = new ArrayList<>();
      try {
        for (int w = 0; w < config.concurrency(); w++) {
          channels.add(strategy.open(w));
        }
        return measure(config, configCode, rep, bound, channels, db, sink);
      } finally {
        channels.forEach(WriteChannel::close);
      }
    }
  }

  private PassResult measure(BenchConfig config, int configCode, int rep, Duration bound,
      List<WriteChannel> channels, Database db, RawRows sink)
      throws InterruptedException, SQLException {
    int n = config.concurrency();
    int capacity = PassRows.capacityFor(config.files(), transitionsPerFile(config), n);
    PassRows rows = new PassRows(plan.configIds(), config.flow().states(), capacity,
        plan.rowColumns());
    boolean openColumns = plan.openLoop();
    List<Worker> workers = new ArrayList<>();
    AtomicInteger nextFile = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    long[] passStart = new long[1];
    List<Thread> threads = new ArrayList<>();
    long startNs = System.nanoTime() + 1_000_000;
    long deadline = config.bounded() ? startNs + bound.toNanos() : Long.MAX_VALUE;
    Dispatcher dispatcher = config.arrivals().map(a -> new Dispatcher(new ArrivalSchedule(a,
        seedFor(configCode, rep, SCHEDULE), capacity / 2), startNs, control)).orElse(null);
    for (int w = 0; w < n; w++) {
      Worker worker = new Worker(w, config, channels.get(w), rows.writer(configCode, rep, w),
          nextFile, startNs, deadline,
          control, plan.injections(), seedFor(configCode, rep, w), dispatcher, openColumns);
      workers.add(worker);
      Thread t = new Thread(() -> awaitThenRun(go, worker), "bench-" + config.id() + "-w" + w);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    listener.passOrigin(config.id(), rep, startNs);
    while (System.nanoTime() < startNs) {
      Thread.onSpinWait();
    }
    passStart[0] = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      while (t.isAlive()) {
        t.join(PROGRESS_INTERVAL_MS);
        listener.passProgress(config.id(), rep, rows.count());
        stopIfHung(config, rep, workers, threads);
      }
    }
    long wallNs = System.nanoTime() - passStart[0];
    rethrow(workers);
    if (control.userCancelled()) {
      throw new InterruptedException("run cancelled");
    }
    return finish(config, configCode, rep, wallNs, workers, rows, nextFile, db, sink);
  }

  /**
   * Stops the pass when a worker has been inside one transition for longer than the hang
   * limit: cancels the other workers, interrupts every thread and fails naming the edge.
   */
  private void stopIfHung(BenchConfig config, int rep, List<Worker> workers,
      List<Thread> threads) throws InterruptedException {
    long limitNs = hangLimitNs(config);
    long now = System.nanoTime();
    for (int w = 0; w < workers.size(); w++) {
      Worker worker = workers.get(w);
      long since = worker.inFlightSinceNs();
      if (since != 0 && now - since > limitNs) {
        String where = worker.inFlight();
        control.abort();
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
          t.join(100);
        }
        throw new HungTransitionException(String.format(java.util.Locale.ROOT,
            "config %s rep %d: worker %d has been in %s for %.1f s, longer than the duration "
            + "bound (%.1f s): a transition that never returns cannot be measured, the run is "
            + "stopped", config.id(), rep, w, where, (now - since) / 1e9,
            limitNs / 1e9));
      }
    }
  }

  /**
   * How long one transition may take before it counts as hung: the config's duration bound,
   * but at least the busy timeout plus a second (a transition may legitimately wait that long
   * for the write lock).
   */
  static long hangLimitNs(BenchConfig config) {
    return Math.max(config.durationBound().toNanos(),
        (config.sqlite().busyTimeoutMs() + 1000L) * 1_000_000L);
  }

  private static void awaitThenRun(CountDownLatch go, Worker worker) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    worker.run();
  }

  private PassResult finish(BenchConfig config, int configCode, int rep, long wallNs,
      List<Worker> workers, PassRows rows, AtomicInteger nextFile, Database db,
      RawRows sink) throws SQLException {
    long committed = 0;
    long conflicts = 0;
    long busy = 0;
    long rolledBack = 0;
    long started = 0;
    long terminal = 0;
    long failedItems = 0;
    java.util.Map<Integer, String> errors = new java.util.TreeMap<>();
    for (Worker w : workers) {
      committed += w.committed;
      conflicts += w.conflicts;
      busy += w.busyErrors;
      rolledBack += w.rolledBack;
      started += w.started;
      terminal += w.terminal;
      failedItems += w.failedItems;
      errors.putAll(w.errors);
    }
    boolean bounded = nextFile.get() < config.files();
    IntegrityReport integrity = db.schema().check(db, config.flow(), new Schema.ItemCounts(
        committed, terminal, failedItems, started, config.files(), bounded));
    if (!integrity.ok()) {
      throw new IntegrityViolation(config.id(), rep, integrity);
    }
    if (sink != null) {
      rows.drainTo(sink);
    }
    return new PassResult(config, configCode, rep, wallNs, committed, conflicts, busy,
        rolledBack, bounded, integrity, 0, errors);
  }

  private static void rethrow(List<Worker> workers) {
    for (Worker w : workers) {
      if (w.error != null) {
        throw new IllegalStateException("worker failed: " + w.error.getMessage(), w.error);
      }
    }
  }

  /**
   * The most committed transitions one file can make: the happy path, or with failures every
   * failure sending it back at most the whole path before it fails for good.
   */
  static int transitionsPerFile(BenchConfig config) {
    int path = config.flow().happyPathLength();
    return config.failureProbability() > 0 ? path * (config.flow().maxFailures() + 1) : path;
  }

  /** The seed of one worker's randomness, or of the arrival schedule ({@link #SCHEDULE}). */
  long seedFor(int configCode, int rep, int worker) {
    long z = plan.seed() + 0x9E3779B97F4A7C15L * (1 + configCode * 1_000_003L + rep * 10_007L
        + worker);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return z ^ (z >>> 31);
  }
}

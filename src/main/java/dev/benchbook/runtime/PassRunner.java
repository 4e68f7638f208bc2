package dev.benchbook.runtime;

import dev.benchbook.workload.ConnectionStrategy;
import dev.benchbook.workload.Database;
import dev.benchbook.workload.IntegrityCheck;
import dev.benchbook.workload.IntegrityReport;
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
    try (Database db = Database.create(plan.tempDir(), config.sqlite(), config.flow(),
        config.files());
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
    int capacity = (int) Math.min(1 << 24,
        (long) config.files() * config.flow().happyPathLength() * 5 / (4L * n) + 64);
    List<Recorder> recorders = new ArrayList<>();
    List<Worker> workers = new ArrayList<>();
    AtomicInteger nextFile = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    long[] passStart = new long[1];
    List<Thread> threads = new ArrayList<>();
    long startNs = System.nanoTime() + 1_000_000;
    long deadline = config.bounded() ? startNs + bound.toNanos() : Long.MAX_VALUE;
    for (int w = 0; w < n; w++) {
      Recorder r = new Recorder(new RawRows(plan.configIds(), config.flow().states(), capacity),
          configCode, rep, w);
      recorders.add(r);
      Worker worker = new Worker(w, config, channels.get(w), r, nextFile, startNs, deadline,
          control, plan.injections(), seedFor(configCode, rep, w));
      workers.add(worker);
      Thread t = new Thread(() -> awaitThenRun(go, worker), "bench-" + config.id() + "-w" + w);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    while (System.nanoTime() < startNs) {
      Thread.onSpinWait();
    }
    passStart[0] = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      while (t.isAlive()) {
        t.join(PROGRESS_INTERVAL_MS);
        listener.passProgress(config.id(), rep, sum(recorders));
      }
    }
    long wallNs = System.nanoTime() - passStart[0];
    rethrow(workers);
    if (control.userCancelled()) {
      throw new InterruptedException("run cancelled");
    }
    return finish(config, configCode, rep, wallNs, workers, recorders, nextFile, db, sink);
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
      List<Worker> workers, List<Recorder> recorders, AtomicInteger nextFile, Database db,
      RawRows sink) throws SQLException {
    long committed = 0;
    long conflicts = 0;
    long busy = 0;
    long rolledBack = 0;
    for (Worker w : workers) {
      committed += w.committed;
      conflicts += w.conflicts;
      busy += w.busyErrors;
      rolledBack += w.rolledBack;
    }
    boolean bounded = nextFile.get() < config.files();
    IntegrityReport integrity = IntegrityCheck.run(db, config.flow(), committed, bounded);
    if (!integrity.ok()) {
      throw new IntegrityViolation(config.id(), rep, integrity);
    }
    if (sink != null) {
      for (Recorder r : recorders) {
        sink.addAll(r.rows());
      }
    }
    return new PassResult(config, configCode, rep, wallNs, committed, conflicts, busy,
        rolledBack, bounded, integrity);
  }

  private static void rethrow(List<Worker> workers) {
    for (Worker w : workers) {
      if (w.error != null) {
        throw new IllegalStateException("worker failed: " + w.error.getMessage(), w.error);
      }
    }
  }

  private static long sum(List<Recorder> recorders) {
    long n = 0;
    for (Recorder r : recorders) {
      n += r.count();
    }
    return n;
  }

  private long seedFor(int configCode, int rep, int worker) {
    long z = plan.seed() + 0x9E3779B97F4A7C15L * (1 + configCode * 1_000_003L + rep * 10_007L
        + worker);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return z ^ (z >>> 31);
  }
}

package dev.benchbook.runtime;

import dev.benchbook.rows.RawRows;
import dev.benchbook.workload.CeilingProbe;
import dev.benchbook.workload.Database;
import dev.benchbook.workload.Flow;
import dev.benchbook.workload.GroupCommitCeiling;
import dev.benchbook.workload.GroupCommitProbe;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan: the ceiling probes (per transaction, and group commit for batching strategies),
 * warmup rounds (one unrecorded pass of every config each, until the JIT compiler is quiet: see
 * {@link #warmupDone}), then every config's repetitions
 * interleaved (rep 0 of every config, then rep 1...), each on a fresh database. Every config is
 * warmed up before any is measured, and odd repetitions run the configs in reverse order
 * (A B, B A, ...), so that no config always runs first or right after its own warmup.
 */
public final class MatrixRunner {

  /**
   * The most warmup rounds (one unrecorded pass of every config each) a JVM runs: 5, or the
   * system property {@code benchbook.warmup.max-rounds} (at least 1; the test suite sets 1 to
   * keep its time, which was the rule before Step 17).
   */
  public static final int WARMUP_MAX_ROUNDS = Math.max(1,
      Integer.getInteger("benchbook.warmup.max-rounds", 5));
  /** Warmup ends after a round in which the JIT compiled for less than this share of its wall. */
  public static final double WARMUP_JIT_QUIET_SHARE = 0.10;

  private final RunControl control;
  private final ProgressListener listener;
  private final int warmupMaxRounds;

  /** Creates a runner reporting to {@code listener}, stoppable through {@code control}. */
  public MatrixRunner(RunControl control, ProgressListener listener) {
    this(control, listener, WARMUP_MAX_ROUNDS);
  }

  MatrixRunner(RunControl control, ProgressListener listener, int warmupMaxRounds) {
    this.control = control;
    this.listener = listener;
    this.warmupMaxRounds = warmupMaxRounds;
  }

  /**
   * Runs the plan, first removing temporary databases of killed runs; throws
   * InterruptedException when cancelled, IntegrityViolation on loss.
   */
  public RunOutcome run(RunPlan plan) throws IOException, SQLException, InterruptedException {
    Database.removeStale(plan.tempDir());
    Instant start = Instant.now();
    listener.runStarted(plan.expectedTransitions());
    try {
      Map<String, Double> ceilings = probeCeilings(plan);
      Map<String, GroupCommitCeiling> groupCommits = probeGroupCommits(plan);
      PassRunner passes = new PassRunner(plan, control, listener);
      RawRows rows = new RawRows(plan.configIds(), plan.configs().get(0).flow().states(),
          (int) Math.min(1 << 26, plan.expectedTransitions() + 1024), plan.rowColumns());
      warmUp(plan, passes);
      List<PassResult> results = new ArrayList<>();
      for (int rep = 0; rep < plan.reps(); rep++) {
        for (int i = 0; i < plan.configs().size(); i++) {
          int code = rep % 2 == 0 ? i : plan.configs().size() - 1 - i;
          BenchConfig config = plan.configs().get(code);
          listener.passStarted(config.id(), rep, plan.reps());
          PassResult r = passes.run(config, code, rep, config.durationBound(), rows);
          listener.passEnded(config.id(), rep, r.committed());
          results.add(r);
        }
      }
      return new RunOutcome(plan, ceilings, groupCommits, results, rows, start, Instant.now());
    } finally {
      listener.runEnded();
    }
  }

  /**
   * Runs warmup rounds, each one unrecorded pass of every config, until {@link #warmupDone}
   * says the JIT compiler is quiet; returns how many rounds ran (0 with warmup off).
   */
  int warmUp(RunPlan plan, PassRunner passes)
      throws IOException, SQLException, InterruptedException {
    if (!plan.warmup()) {
      return 0;
    }
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
    for (int round = 1; ; round++) {
      long jitStartMs = timed ? jit.getTotalCompilationTime() : 0;
      long startNs = System.nanoTime();
      for (int code = 0; code < plan.configs().size(); code++) {
        BenchConfig config = plan.configs().get(code);
        listener.passStarted(config.id(), -1, plan.reps());
        passes.run(config, code, -1, shorter(config, plan), null);
      }
      long jitMs = timed ? jit.getTotalCompilationTime() - jitStartMs : -1;
      if (warmupDone(round, warmupMaxRounds, jitMs, System.nanoTime() - startNs)) {
        return round;
      }
    }
  }

  /**
   * Whether warmup ends after round {@code round} (from 1), in which the JIT compiled for
   * {@code jitMs} (negative: this JVM does not report it) of {@code wallNs}: once that is under
   * {@link #WARMUP_JIT_QUIET_SHARE} of the round's wall time, when the JVM does not report it,
   * or after {@code maxRounds} rounds. A measured pass that overlaps the compiler's
   * work measures the compiler too: on two cores C2 took 30-70% of a core during the first
   * measured c10-zero repetition after a single warmup pass (docs/PERFORMANCE.md, Step 17).
   */
  static boolean warmupDone(int round, int maxRounds, long jitMs, long wallNs) {
    return jitMs < 0 || round >= maxRounds
        || jitMs * 1_000_000.0 < WARMUP_JIT_QUIET_SHARE * wallNs;
  }

  private static java.time.Duration shorter(BenchConfig config, RunPlan plan) {
    return config.durationBound().compareTo(plan.warmupBound()) < 0
        ? config.durationBound() : plan.warmupBound();
  }

  /**
   * One ceiling probe per distinct transaction shape (synchronous, hold, files) in the plan;
   * returns each config's ceiling by config id. The probes write the built-in workload's
   * transaction on a database of the built-in flow, whatever flow the config runs. A zero probe duration probes nothing (a fork
   * child: the parent probes once) and returns an empty map.
   */
  public static Map<String, Double> probeCeilings(RunPlan plan)
      throws IOException, SQLException {
    if (plan.ceilingDuration().isZero()) {
      return Map.of();
    }
    Map<String, Double> byShape = new HashMap<>();
    Map<String, Double> byConfig = new LinkedHashMap<>();
    for (BenchConfig c : plan.configs()) {
      String shape = c.sqlite().synchronous() + "|" + c.holdNs() + "|" + c.files();
      Double ceiling = byShape.get(shape);
      if (ceiling == null) {
        ceiling = probeCeiling(plan, c);
        byShape.put(shape, ceiling);
      }
      byConfig.put(c.id(), ceiling);
    }
    return byConfig;
  }

  /**
   * One group-commit probe per distinct transaction shape and group size among the plan's
   * configs whose strategy commits transitions in groups (the writer-queue); returns those
   * configs' figures by config id. Empty when no config batches or the probe duration is zero.
   */
  public static Map<String, GroupCommitCeiling> probeGroupCommits(RunPlan plan)
      throws IOException, SQLException {
    Map<String, GroupCommitCeiling> byShape = new HashMap<>();
    Map<String, GroupCommitCeiling> byConfig = new LinkedHashMap<>();
    if (plan.ceilingDuration().isZero()) {
      return byConfig;
    }
    for (BenchConfig c : plan.configs()) {
      int group = c.strategy().commitGroup(c.concurrency());
      if (group < 1) {
        continue;
      }
      String shape = c.sqlite().synchronous() + "|" + c.holdNs() + "|" + c.files() + "|" + group;
      GroupCommitCeiling ceiling = byShape.get(shape);
      if (ceiling == null) {
        try (Database db = Database.create(plan.tempDir(), c.sqlite(), Flow.standard(),
            c.files())) {
          ceiling = GroupCommitProbe.run(db, c.files(), c.holdNs(), group,
              plan.ceilingDuration().toNanos());
        }
        byShape.put(shape, ceiling);
      }
      byConfig.put(c.id(), ceiling);
    }
    return byConfig;
  }

  private static double probeCeiling(RunPlan plan, BenchConfig config)
      throws IOException, SQLException {
    try (Database db = Database.create(plan.tempDir(), config.sqlite(), Flow.standard(),
        config.files())) {
      return CeilingProbe.run(db, config.files(), config.holdNs(),
          plan.ceilingDuration().toNanos());
    }
  }
}

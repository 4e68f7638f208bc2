package dev.benchbook.runtime;

import dev.benchbook.workload.CeilingProbe;
import dev.benchbook.workload.Database;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan: the ceiling probe, then every config's repetitions interleaved (rep 0 of every
 * config, then rep 1...), each on a fresh database, with one warmup pass per config first.
 */
public final class MatrixRunner {

  private final RunControl control;
  private final ProgressListener listener;

  /** Creates a runner reporting to {@code listener}, stoppable through {@code control}. */
  public MatrixRunner(RunControl control, ProgressListener listener) {
    this.control = control;
    this.listener = listener;
  }

  /** Runs the plan; throws InterruptedException when cancelled, IntegrityViolation on loss. */
  public RunOutcome run(RunPlan plan) throws IOException, SQLException, InterruptedException {
    Instant start = Instant.now();
    listener.runStarted(plan.expectedTransitions());
    try {
      double ceiling = probeCeiling(plan);
      PassRunner passes = new PassRunner(plan, control, listener);
      RawRows rows = new RawRows(plan.configIds(), plan.configs().get(0).flow().states(),
          (int) Math.min(1 << 26, plan.expectedTransitions() + 1024));
      List<PassResult> results = new ArrayList<>();
      for (int rep = 0; rep < plan.reps(); rep++) {
        for (int code = 0; code < plan.configs().size(); code++) {
          BenchConfig config = plan.configs().get(code);
          if (rep == 0 && plan.warmup()) {
            listener.passStarted(config.id(), -1, plan.reps());
            passes.run(config, code, -1, shorter(config, plan), null);
          }
          listener.passStarted(config.id(), rep, plan.reps());
          PassResult r = passes.run(config, code, rep, config.durationBound(), rows);
          listener.passEnded(config.id(), rep, r.committed());
          results.add(r);
        }
      }
      return new RunOutcome(plan, ceiling, results, rows, start, Instant.now());
    } finally {
      listener.runEnded();
    }
  }

  private static java.time.Duration shorter(BenchConfig config, RunPlan plan) {
    return config.durationBound().compareTo(plan.warmupBound()) < 0
        ? config.durationBound() : plan.warmupBound();
  }

  private static double probeCeiling(RunPlan plan) throws IOException, SQLException {
    BenchConfig first = plan.configs().get(0);
    try (Database db = Database.create(plan.tempDir(), first.sqlite(), first.flow(),
        first.files())) {
      return CeilingProbe.run(db, first.files(), first.holdNs(),
          plan.ceilingDuration().toNanos());
    }
  }
}

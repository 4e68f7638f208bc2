package dev.benchbook.api;

import dev.benchbook.results.LoadedRun;
import dev.benchbook.runtime.PlanSettings;
import dev.benchbook.workload.Workload;
import java.io.IOException;
import java.sql.SQLException;

/**
 * A measurement of your own workload from JShell or a notebook, e.g.
 * {@code var run = Benchbook.measure(new MyWorkload()).concurrency(1, 10).reps(5).run();}:
 * the knobs of {@link Benchbook#plan()} (same defaults), and a result every one-liner takes
 * ({@code stats}, {@code compare}, charts, {@code write}, then {@code catalog} and
 * {@code query}). Nothing is written until {@link Benchbook#write(LoadedRun, String)}.
 */
public final class Measure {

  private final PlanBuilder plan;

  Measure(Workload workload) {
    this.plan = new PlanBuilder().workload(workload);
  }

  /** Worker counts (each becomes a config). */
  public Measure concurrency(int... workers) {
    plan.concurrency(workers);
    return this;
  }

  /** Latency profiles of the external call: zero, fast or realistic (each a config). */
  public Measure profile(String... names) {
    plan.profile(names);
    return this;
  }

  /** Items moved through your flow per config (default 100). */
  public Measure files(int n) {
    plan.files(n);
    return this;
  }

  /** Measured repetitions per config, each on a fresh database. */
  public Measure reps(int n) {
    plan.reps(n);
    return this;
  }

  /** Work held inside each write transaction after your DB step, ms. */
  public Measure holdMs(double ms) {
    plan.holdMs(ms);
    return this;
  }

  /** PRAGMA synchronous: NORMAL or FULL. */
  public Measure synchronous(String mode) {
    plan.synchronous(mode);
    return this;
  }

  /** RNG seed handed to your transitions. */
  public Measure seed(long value) {
    plan.seed(value);
    return this;
  }

  /** Unrecorded warmup rounds (a pass of every config each, until the JIT is quiet) before the first repetition. */
  public Measure warmup(boolean on) {
    plan.warmup(on);
    return this;
  }

  /** The settings built so far. */
  public PlanSettings settings() {
    return plan.settings();
  }

  /** The baseline strategy over every concurrency x profile: a matrix run, in memory. */
  public LoadedRun run() throws IOException, SQLException, InterruptedException {
    return Benchbook.asRun(plan.run());
  }

  /**
   * The baseline then each mitigation strategy (default shared-connection) on the one
   * concurrency and profile, repetitions interleaved: a mitigation run, in memory.
   */
  public LoadedRun mitigate(String... strategies)
      throws IOException, SQLException, InterruptedException {
    return Benchbook.asRun(plan.mitigate(strategies));
  }
}

package dev.benchbook.api;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.PlanSettings;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.Strategies;
import dev.benchbook.workload.Workload;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A quick run from a notebook with every workload knob, e.g.
 * {@code Benchbook.plan().concurrency(4, 16).profile("fast").holdMs(1).files(400).reps(3).run()}
 * or {@code ....mitigate("shared-connection", "writer-queue")}. Defaults: concurrency 4, profile
 * zero, 100 files, 1 repetition, no hold, synchronous NORMAL, seed 20260222, no warmup, a 0.3 s
 * ceiling probe and a 5 s bound for configs with API latency. Runs quietly; nothing is written
 * until {@link Benchbook#write}. The settings are the command line's ({@link PlanSettings}), so
 * the manifest records the same parameters.
 */
public final class PlanBuilder {

  /** Configs with API latency stop taking new files after this long. */
  static final Duration DURATION_BOUND = Duration.ofSeconds(5);
  /** How long the ceiling probe runs. */
  static final Duration CEILING_PROBE = Duration.ofMillis(300);

  private List<Integer> concurrency = List.of(4);
  private List<String> profiles = List.of("zero");
  private final PlanSettings.Builder settings = PlanSettings.builder().files(100)
      .durationBound(DURATION_BOUND).ceilingProbe(CEILING_PROBE).warmup(false)
      .seed(CompareOptions.DEFAULT_SEED).extra("source", "Benchbook quick run (notebook)");

  PlanBuilder() {
  }

  /** Worker counts (each becomes a config). */
  public PlanBuilder concurrency(int... workers) {
    concurrency = Arrays.stream(workers).boxed().toList();
    return this;
  }

  /** Latency profiles: zero, fast or realistic (each becomes a config). */
  public PlanBuilder profile(String... names) {
    Arrays.stream(names).forEach(LatencyProfile::named);
    profiles = List.of(names);
    return this;
  }

  /** Files moved through the flow per config. */
  public PlanBuilder files(int n) {
    settings.files(n);
    return this;
  }

  /** Measured repetitions per config, each on a fresh database (interleaved for mitigate). */
  public PlanBuilder reps(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("reps must be >= 1, got " + n);
    }
    settings.reps(n);
    return this;
  }

  /** Work held inside each write transaction, ms (the contended regime needs about 1 ms). */
  public PlanBuilder holdMs(double ms) {
    if (ms < 0 || ms > 10_000) {
      throw new IllegalArgumentException("hold must be in [0, 10000] ms, got " + ms);
    }
    settings.holdMs(ms);
    return this;
  }

  /** PRAGMA synchronous: NORMAL or FULL. */
  public PlanBuilder synchronous(String mode) {
    if (!"NORMAL".equals(mode) && !"FULL".equals(mode)) {
      throw new IllegalArgumentException("synchronous must be NORMAL or FULL, got " + mode);
    }
    settings.synchronous(mode);
    return this;
  }

  /** RNG seed for latencies. */
  public PlanBuilder seed(long value) {
    settings.seed(value);
    return this;
  }

  /**
   * Open loop: start transitions on a schedule at {@code perS} per second (the command line's
   * {@code --rate}); latency then counts from each intended start (queue_wait, response).
   */
  public PlanBuilder rate(double perS) {
    new dev.benchbook.runtime.Arrivals(perS, dev.benchbook.runtime.Arrivals.Kind.CONSTANT);
    settings.rate(perS);
    return this;
  }

  /** With {@link #rate}: {@code constant} or {@code poisson} arrivals (seeded by the seed). */
  public PlanBuilder arrivals(String kind) {
    settings.arrivals(dev.benchbook.runtime.Arrivals.Kind.parse(kind));
    return this;
  }

  /** Unrecorded warmup rounds (a pass of every config each, until the JIT is quiet) before the first repetition. */
  public PlanBuilder warmup(boolean on) {
    settings.warmup(on);
    return this;
  }

  /**
   * Your own workload instead of the built-in FSM: its dispatch hook, external call and write
   * run under every strategy (docs/WORKLOADS.md). In forks its class needs a public
   * no-argument constructor.
   */
  public PlanBuilder workload(Workload w) {
    settings.workload(w);
    return this;
  }

  /**
   * A workload file instead of the built-in FSM (docs/WORKLOADS.md; or a results file whose
   * manifest copied one), checked first: IllegalArgumentException with one line per problem.
   */
  public PlanBuilder workload(java.nio.file.Path file) throws IOException {
    settings.workload(dev.benchbook.workload.FsmWorkload.read(file));
    return this;
  }

  /** The settings built so far, as the command line's runs use them. */
  public PlanSettings settings() {
    return settings.build();
  }

  /** The baseline strategy over every concurrency x profile: a matrix file. */
  public Measured run() throws IOException, SQLException, InterruptedException {
    PlanSettings s = settings();
    return measure(s, s.matrix(concurrency, profiles, Strategies.BASELINE.name()),
        Summary.matrix());
  }

  /**
   * The baseline then each mitigation strategy (default shared-connection; options as
   * {@code "writer-queue:batch-max=64"}) on the plan's one concurrency and profile,
   * repetitions interleaved: a mitigation file.
   */
  public Measured mitigate(String... strategies)
      throws IOException, SQLException, InterruptedException {
    if (concurrency.size() != 1 || profiles.size() != 1) {
      throw new IllegalArgumentException("mitigate measures one config: give one concurrency "
          + "and one profile (got " + concurrency + " x " + profiles + ")");
    }
    List<String> names = strategies.length == 0 ? List.of(Strategies.SHARED_CONNECTION.name())
        : List.of(strategies);
    PlanSettings s = settings();
    List<BenchConfig> configs = new ArrayList<>();
    configs.add(s.config(concurrency.get(0), profiles.get(0), Strategies.BASELINE.name()));
    for (String name : names) {
      if (s.strategy(name).strategy() == Strategies.BASELINE) {
        throw new IllegalArgumentException("the baseline strategy " + name + " always runs; give "
            + "mitigations among " + Strategies.names().subList(1, Strategies.names().size()));
      }
      configs.add(s.config(concurrency.get(0), profiles.get(0), name));
    }
    return measure(s, configs, Summary.mitigation(CompareOptions.defaults()));
  }

  private static Measured measure(PlanSettings s, List<BenchConfig> configs, Summary summary)
      throws IOException, SQLException, InterruptedException {
    return Benchbook.run(s.plan(configs), s.parameters(), new RunControl(),
        ProgressListener.NONE, summary);
  }
}

package dev.benchbook.api;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.Strategies;
import dev.benchbook.workload.StrategySpec;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A quick run from a notebook with every workload knob, e.g.
 * {@code Benchbook.plan().concurrency(4, 16).profile("fast").holdMs(1).files(400).reps(3).run()}
 * or {@code ....mitigate("shared-connection", "writer-queue")}. Defaults: concurrency 4, profile
 * zero, 100 files, 1 repetition, no hold, synchronous NORMAL, seed 20260222, no warmup, a 0.3 s
 * ceiling probe and a 5 s bound for configs with API latency. Runs quietly; nothing is written
 * until {@link Benchbook#write}.
 */
public final class PlanBuilder {

  /** Configs with API latency stop taking new files after this long. */
  static final Duration DURATION_BOUND = Duration.ofSeconds(5);
  /** How long the ceiling probe runs. */
  static final Duration CEILING_PROBE = Duration.ofMillis(300);

  private List<Integer> concurrency = List.of(4);
  private List<String> profiles = List.of("zero");
  private int files = 100;
  private int reps = 1;
  private double holdMs;
  private String synchronous = SqliteSettings.defaults().synchronous();
  private long seed = CompareOptions.DEFAULT_SEED;
  private boolean warmup;

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
    files = n;
    return this;
  }

  /** Measured repetitions per config, each on a fresh database (interleaved for mitigate). */
  public PlanBuilder reps(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("reps must be >= 1, got " + n);
    }
    reps = n;
    return this;
  }

  /** Work held inside each write transaction, ms (the contended regime needs about 1 ms). */
  public PlanBuilder holdMs(double ms) {
    if (ms < 0 || ms > 10_000) {
      throw new IllegalArgumentException("hold must be in [0, 10000] ms, got " + ms);
    }
    holdMs = ms;
    return this;
  }

  /** PRAGMA synchronous: NORMAL or FULL. */
  public PlanBuilder synchronous(String mode) {
    if (!"NORMAL".equals(mode) && !"FULL".equals(mode)) {
      throw new IllegalArgumentException("synchronous must be NORMAL or FULL, got " + mode);
    }
    synchronous = mode;
    return this;
  }

  /** RNG seed for latencies. */
  public PlanBuilder seed(long value) {
    seed = value;
    return this;
  }

  /** One unrecorded warmup pass per config before the first repetition. */
  public PlanBuilder warmup(boolean on) {
    warmup = on;
    return this;
  }

  /** The baseline strategy over every concurrency x profile: a matrix file. */
  public Measured run() throws IOException, SQLException, InterruptedException {
    List<BenchConfig> configs = new ArrayList<>();
    for (int c : concurrency) {
      for (String p : profiles) {
        configs.add(config(c, p, Strategies.BASELINE.name()));
      }
    }
    return measure(configs, Summary.matrix());
  }

  /**
   * The baseline then each mitigation strategy (default shared-connection) on the plan's one
   * concurrency and profile, repetitions interleaved: a mitigation file.
   */
  public Measured mitigate(String... strategies)
      throws IOException, SQLException, InterruptedException {
    if (concurrency.size() != 1 || profiles.size() != 1) {
      throw new IllegalArgumentException("mitigate measures one config: give one concurrency "
          + "and one profile (got " + concurrency + " x " + profiles + ")");
    }
    List<String> names = strategies.length == 0 ? List.of(Strategies.SHARED_CONNECTION.name())
        : List.of(strategies);
    String baseline = Strategies.BASELINE.name();
    List<BenchConfig> configs = new ArrayList<>();
    configs.add(config(concurrency.get(0), profiles.get(0), baseline));
    for (String s : names) {
      if (baseline.equals(s)) {
        throw new IllegalArgumentException("the baseline strategy " + s + " always runs; give "
            + "mitigations among " + Strategies.names().subList(1, Strategies.names().size()));
      }
      configs.add(config(concurrency.get(0), profiles.get(0), s));
    }
    return measure(configs, Summary.mitigation(CompareOptions.defaults()));
  }

  private BenchConfig config(int workers, String profile, String strategy) {
    StrategySpec spec = StrategySpec.parse(strategy, Map.of(), seed);
    return new BenchConfig(BenchConfig.standardId(workers, profile, spec.name()), workers,
        LatencyProfile.named(profile), spec, files,
        new SqliteSettings(synchronous, SqliteSettings.defaults().busyTimeoutMs()),
        Math.round(holdMs * 1_000_000), 0.0, DURATION_BOUND);
  }

  private Measured measure(List<BenchConfig> configs, Summary summary)
      throws IOException, SQLException, InterruptedException {
    RunPlan plan = new RunPlan(configs, reps, seed, warmup, Duration.ofSeconds(1),
        CEILING_PROBE, Path.of(System.getProperty("java.io.tmpdir")), List.of());
    return Benchbook.run(plan, parameters(), new RunControl(), ProgressListener.NONE, summary);
  }

  private Map<String, Object> parameters() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", files);
    m.put("reps", reps);
    m.put("duration_s", DURATION_BOUND.toMillis() / 1000.0);
    m.put("seed", seed);
    m.put("synchronous", synchronous);
    m.put("hold_ms", holdMs);
    m.put("busy_timeout_ms", SqliteSettings.defaults().busyTimeoutMs());
    m.put("failure_probability", 0.0);
    m.put("warmup", warmup);
    m.put("ceiling_probe_s", CEILING_PROBE.toMillis() / 1000.0);
    m.put("source", "Benchbook quick run (notebook)");
    return m;
  }
}

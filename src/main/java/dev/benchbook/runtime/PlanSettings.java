package dev.benchbook.runtime;

import dev.benchbook.workload.FsmWorkload;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.Strategies;
import dev.benchbook.workload.Strategy;
import dev.benchbook.workload.StrategySpec;
import dev.benchbook.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run's configs share, and the one place that turns it into configs, a
 * {@link RunPlan} and the manifest's parameters. The command line fills it from its flags, the
 * notebook facade from its fluent calls; both build it with {@link #builder()}.
 *
 * @param files files moved through the flow per config
 * @param reps measured repetitions per config (per fork)
 * @param forks fresh JVMs the repetitions run in (1: this JVM)
 * @param durationBound configs with API latency stop taking new files after this long
 * @param seed RNG seed for latencies, failures and strategies' randomness
 * @param synchronous PRAGMA synchronous: NORMAL or FULL
 * @param holdMs work held inside each write transaction, ms
 * @param busyTimeoutMs SQLite busy timeout per connection, ms
 * @param failureProbability probability that an API call fails
 * @param strategyFlags strategy options set for every strategy that has them, by key
 * @param warmup unrecorded warmup rounds first (a pass of every config each, until the JIT is quiet)
 * @param warmupBound duration bound of a warmup pass
 * @param ceilingProbe how long the ceiling probe runs
 * @param jfr whether the run is recorded with Java Flight Recorder
 * @param tempDir where temporary databases go
 * @param extra further parameters recorded in the manifest (a phase's scenario, a source)
 * @param workload the workload every config runs (the built-in FSM unless one is given)
 * @param arrivals open-loop arrivals every config runs at ({@code --rate}); empty: closed loop
 */
public record PlanSettings(int files, int reps, int forks, Duration durationBound, long seed,
    String synchronous, double holdMs, long busyTimeoutMs, double failureProbability,
    Map<String, String> strategyFlags, boolean warmup, Duration warmupBound,
    Duration ceilingProbe, boolean jfr, Path tempDir, Map<String, Object> extra,
    Workload workload, Optional<Arrivals> arrivals) {

  /** Checks ranges, naming each setting as its command-line flag. */
  public PlanSettings {
    check(files >= 1, "--files must be >= 1, got " + files);
    check(reps >= 1 && reps <= 1000, "--reps must be in [1, 1000], got " + reps);
    check(forks >= 1 && forks <= RunPlan.MAX_FORKS,
        "--forks must be in [1, " + RunPlan.MAX_FORKS + "], got " + forks);
    check(holdMs >= 0 && holdMs <= 10_000, "--hold-ms must be in [0, 10000] ms, got " + holdMs);
    check(busyTimeoutMs >= 0, "--busy-timeout-ms must be >= 0 ms, got " + busyTimeoutMs);
    check(failureProbability >= 0 && failureProbability < 1,
        "--failure-probability must be in [0, 1), got " + failureProbability);
    check("NORMAL".equals(synchronous) || "FULL".equals(synchronous),
        "--synchronous must be NORMAL or FULL, got " + synchronous);
    strategyFlags = Map.copyOf(strategyFlags);
    StrategySpec.checkFlags(strategyFlags);
    extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    arrivals = arrivals == null ? Optional.empty() : arrivals;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A builder with the command line's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The strategy of text {@code name[:key=value,...]} with these flags and seed. */
  public StrategySpec strategy(String text) {
    return StrategySpec.parse(text, strategyFlags, seed);
  }

  /** The standard config ({@link BenchConfig#standardId}) with these settings. */
  public BenchConfig config(int concurrency, String profile, String strategy) {
    return config(BenchConfig.standardId(concurrency, profile, strategy), concurrency, profile,
        strategy);
  }

  /**
   * A config named {@code id} with these settings; open-loop settings run it at their rate and
   * add the rate to its id (e.g. {@code c16-fast-r2000}), so every table marks it.
   */
  public BenchConfig config(String id, int concurrency, String profile, String strategy) {
    return new BenchConfig(arrivals.map(a -> id + a.idSuffix()).orElse(id), concurrency,
        LatencyProfile.named(profile), strategy(strategy), files,
        new SqliteSettings(synchronous, busyTimeoutMs), Math.round(holdMs * 1_000_000),
        failureProbability, durationBound, workload, arrivals);
  }

  /** One config per concurrency x profile for one strategy, in that order. */
  public List<BenchConfig> matrix(List<Integer> concurrency, List<String> profiles,
      String strategy) {
    List<BenchConfig> out = new ArrayList<>();
    for (int c : concurrency) {
      for (String p : profiles) {
        out.add(config(c, p, strategy));
      }
    }
    return out;
  }

  /** The plan that runs {@code configs} with these settings. */
  public RunPlan plan(List<BenchConfig> configs) {
    return new RunPlan(configs, reps, seed, warmup, warmupBound, ceilingProbe, tempDir,
        List.of(), forks);
  }

  /**
   * The manifest's parameters: every setting, each strategy option under its key with
   * underscores (the value the run's strategies used), then the extras.
   */
  public Map<String, Object> parameters() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", files);
    m.put("reps", reps);
    m.put("forks", forks);
    m.put("duration_s", durationBound.toMillis() / 1000.0);
    m.put("seed", seed);
    m.put("synchronous", synchronous);
    m.put("hold_ms", holdMs);
    m.put("busy_timeout_ms", busyTimeoutMs);
    m.put("failure_probability", failureProbability);
    for (Strategy s : Strategies.all()) {
      strategy(s.name()).options().values().forEach((k, v) -> m.put(k.replace('-', '_'), v));
    }
    m.put("warmup", warmup);
    m.put("warmup_bound_s", warmupBound.toMillis() / 1000.0);
    m.put("warmup_max_rounds", MatrixRunner.WARMUP_MAX_ROUNDS);
    m.put("warmup_jit_quiet_pct", MatrixRunner.WARMUP_JIT_QUIET_SHARE * 100);
    m.put("ceiling_probe_s", ceilingProbe.toMillis() / 1000.0);
    m.put("jfr", jfr);
    arrivals.ifPresent(a -> {
      m.put("rate_per_s", a.ratePerS());
      m.put("arrivals", a.kind().label());
    });
    m.putAll(extra);
    return m;
  }

  /** Builds {@link PlanSettings}; starts from the command line's defaults. */
  public static final class Builder {
    private int files = 818;
    private int reps = 1;
    private int forks = 1;
    private Duration durationBound = Duration.ofSeconds(20);
    private long seed = 20260222L;
    private String synchronous = SqliteSettings.defaults().synchronous();
    private double holdMs;
    private long busyTimeoutMs = SqliteSettings.defaults().busyTimeoutMs();
    private double failureProbability;
    private final Map<String, String> strategyFlags = new LinkedHashMap<>();
    private boolean warmup = true;
    private Duration warmupBound = Duration.ofSeconds(1);
    private Duration ceilingProbe = Duration.ofMillis(1500);
    private boolean jfr;
    private Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private Workload workload = FsmWorkload.STANDARD;
    private Double ratePerS;
    private Arrivals.Kind arrivalKind;

    Builder() {
    }

    Builder(PlanSettings s) {
      files = s.files;
      reps = s.reps;
      forks = s.forks;
      durationBound = s.durationBound;
      seed = s.seed;
      synchronous = s.synchronous;
      holdMs = s.holdMs;
      busyTimeoutMs = s.busyTimeoutMs;
      failureProbability = s.failureProbability;
      strategyFlags.putAll(s.strategyFlags);
      warmup = s.warmup;
      warmupBound = s.warmupBound;
      ceilingProbe = s.ceilingProbe;
      jfr = s.jfr;
      tempDir = s.tempDir;
      extra.putAll(s.extra);
      workload = s.workload;
      s.arrivals.ifPresent(a -> {
        ratePerS = a.ratePerS();
        arrivalKind = a.kind();
      });
    }

    /** Open loop: start transitions on a schedule at this many per second ({@code --rate}). */
    public Builder rate(double perS) {
      ratePerS = perS;
      return this;
    }

    /** How open-loop inter-arrival times are drawn ({@code --arrivals}; default constant). */
    public Builder arrivals(Arrivals.Kind kind) {
      arrivalKind = kind;
      return this;
    }

    /** Back to the closed loop: no rate. */
    public Builder closedLoop() {
      ratePerS = null;
      arrivalKind = null;
      return this;
    }

    /** The workload every config runs. */
    public Builder workload(Workload w) {
      workload = w;
      return this;
    }

    /** Files per config. */
    public Builder files(int n) {
      files = n;
      return this;
    }

    /** Repetitions per config (per fork). */
    public Builder reps(int n) {
      reps = n;
      return this;
    }

    /** Fresh JVMs the repetitions run in. */
    public Builder forks(int n) {
      forks = n;
      return this;
    }

    /** Duration bound of configs with API latency. */
    public Builder durationBound(Duration d) {
      durationBound = d;
      return this;
    }

    /** RNG seed. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** PRAGMA synchronous. */
    public Builder synchronous(String mode) {
      synchronous = mode;
      return this;
    }

    /** Work held inside each write transaction, ms. */
    public Builder holdMs(double ms) {
      holdMs = ms;
      return this;
    }

    /** Busy timeout, ms. */
    public Builder busyTimeoutMs(long ms) {
      busyTimeoutMs = ms;
      return this;
    }

    /** Probability that an API call fails. */
    public Builder failureProbability(double p) {
      failureProbability = p;
      return this;
    }

    /** Sets strategy option {@code key} for every strategy that has it. */
    public Builder strategyFlag(String key, String value) {
      strategyFlags.put(key, value);
      return this;
    }

    /** Whether each config gets a warmup pass. */
    public Builder warmup(boolean on) {
      warmup = on;
      return this;
    }

    /** Duration bound of a warmup pass. */
    public Builder warmupBound(Duration d) {
      warmupBound = d;
      return this;
    }

    /** How long the ceiling probe runs. */
    public Builder ceilingProbe(Duration d) {
      ceilingProbe = d;
      return this;
    }

    /** Whether the run is recorded with JFR. */
    public Builder jfr(boolean on) {
      jfr = on;
      return this;
    }

    /** Where temporary databases go. */
    public Builder tempDir(Path dir) {
      tempDir = dir;
      return this;
    }

    /** A further manifest parameter. */
    public Builder extra(String key, Object value) {
      extra.put(key, value);
      return this;
    }

    /** Further manifest parameters. */
    public Builder extra(Map<String, Object> values) {
      extra.putAll(values);
      return this;
    }

    /** The settings; IllegalArgumentException naming a setting out of range. */
    public PlanSettings build() {
      return new PlanSettings(files, reps, forks, durationBound, seed, synchronous, holdMs,
          busyTimeoutMs, failureProbability, strategyFlags, warmup, warmupBound, ceilingProbe,
          jfr, tempDir, extra, workload, arrivals());
    }

    private Optional<Arrivals> arrivals() {
      if (ratePerS == null) {
        if (arrivalKind != null) {
          throw new IllegalArgumentException("--arrivals " + arrivalKind.label() + " needs "
              + "--rate N/s (arrivals describe an open-loop schedule)");
        }
        return Optional.empty();
      }
      return Optional.of(new Arrivals(ratePerS,
          arrivalKind == null ? Arrivals.Kind.CONSTANT : arrivalKind));
    }
  }
}

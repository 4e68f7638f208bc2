package dev.benchbook.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a matrix run executes.
 *
 * @param configs configs, in the order their repetitions interleave
 * @param reps measured repetitions per config, each on a fresh database
 * @param seed RNG seed for latencies and failures
 * @param warmup whether unrecorded warmup rounds (a pass of every config each, until the JIT is
 *     quiet: {@link MatrixRunner#warmupDone}) run before the first repetition
 * @param warmupBound duration bound of a warmup pass
 * @param ceilingDuration how long the ceiling probe runs
 * @param tempDir where temporary databases live
 * @param injections failures to inject (tests); empty for real runs
 * @param forks fresh JVMs the repetitions run in, one after another (JMH's forks): each runs
 *     {@code reps} interleaved repetitions of every config after its own warmup; 1 runs in
 *     this JVM
 */
public record RunPlan(List<BenchConfig> configs, int reps, long seed, boolean warmup,
    Duration warmupBound, Duration ceilingDuration, Path tempDir,
    List<FailureInjection> injections, int forks) {

  /** Most forks a plan may ask for. */
  public static final int MAX_FORKS = 100;

  /** Validates and copies. */
  public RunPlan {
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("a run needs at least one config");
    }
    if (reps < 1 || reps > 1000) {
      throw new IllegalArgumentException("reps must be in [1, 1000], got " + reps);
    }
    if (forks < 1 || forks > MAX_FORKS) {
      throw new IllegalArgumentException("forks must be in [1, " + MAX_FORKS + "], got " + forks);
    }
    configs = List.copyOf(configs);
    injections = List.copyOf(injections);
    long distinct = configs.stream().map(BenchConfig::id).distinct().count();
    if (distinct != configs.size()) {
      throw new IllegalArgumentException("config ids must be unique");
    }
  }

  /** A plan run in this JVM (one fork). */
  public RunPlan(List<BenchConfig> configs, int reps, long seed, boolean warmup,
      Duration warmupBound, Duration ceilingDuration, Path tempDir,
      List<FailureInjection> injections) {
    this(configs, reps, seed, warmup, warmupBound, ceilingDuration, tempDir, injections, 1);
  }

  /** Repetitions per config over all forks. */
  public int totalReps() {
    return reps * forks;
  }

  /** Config ids in plan order: a config's code in raw rows is its index here. */
  public List<String> configIds() {
    return configs.stream().map(BenchConfig::id).toList();
  }

  /** True when a config of the plan runs open-loop (arrivals on a schedule). */
  public boolean openLoop() {
    return configs.stream().anyMatch(c -> c.arrivals().isPresent());
  }

  /**
   * The raw-row columns the plan's passes record: with the open-loop ones (queue_wait,
   * response, intended start) only when a config runs open-loop, so that closed-loop runs
   * write the same rows files as before those columns existed.
   */
  public java.util.Set<dev.benchbook.rows.Column> rowColumns() {
    return openLoop() ? java.util.EnumSet.allOf(dev.benchbook.rows.Column.class)
        : dev.benchbook.rows.Column.closedLoop();
  }

  /** Transitions the measured passes are expected to perform, for progress (upper estimate). */
  public long expectedTransitions() {
    long n = 0;
    for (BenchConfig c : configs) {
      n += (long) c.files() * c.flow().happyPathLength() * reps * forks;
    }
    return n;
  }
}

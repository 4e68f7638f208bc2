package dev.benchbook.runtime;

import dev.benchbook.workload.Flow;
import dev.benchbook.workload.FsmWorkload;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.Strategies;
import dev.benchbook.workload.StrategySpec;
import dev.benchbook.workload.Workload;
import java.time.Duration;
import java.util.Optional;

/**
 * One benchmark config: workers, latency profile, strategy and workload parameters.
 *
 * @param id config id, e.g. {@code c10-zero}
 * @param concurrency concurrent workers
 * @param profile API latency profile
 * @param strategy connection strategy
 * @param files files moved through the flow
 * @param sqlite PRAGMAs and busy timeout
 * @param holdNs time held inside each write transaction, ns
 * @param failureProbability probability that an API edge fails
 * @param durationBound API-latency configs stop taking new files after this long
 * @param workload the workload whose transitions the workers run
 * @param arrivals open-loop arrivals (transitions started on a schedule); empty for the closed
 *     loop, where each worker starts its next transition when its last one ends
 */
public record BenchConfig(String id, int concurrency, LatencyProfile profile,
    StrategySpec strategy, int files, SqliteSettings sqlite, long holdNs,
    double failureProbability, Duration durationBound, Workload workload,
    Optional<Arrivals> arrivals) {

  /** Validates ranges. */
  public BenchConfig {
    if (concurrency < 1 || concurrency > 1024) {
      throw new IllegalArgumentException("concurrency must be in [1, 1024], got " + concurrency);
    }
    if (files < 1) {
      throw new IllegalArgumentException("files must be >= 1, got " + files);
    }
    if (holdNs < 0) {
      throw new IllegalArgumentException("hold must be >= 0 ms, got " + holdNs / 1e6 + " ms");
    }
    if (failureProbability < 0 || failureProbability >= 1) {
      throw new IllegalArgumentException(
          "failure probability must be in [0, 1), got " + failureProbability);
    }
    if (durationBound.isNegative() || durationBound.isZero()) {
      throw new IllegalArgumentException("duration must be > 0 s, got " + durationBound);
    }
    arrivals = arrivals == null ? Optional.empty() : arrivals;
  }

  /** A closed-loop config of {@code workload}. */
  public BenchConfig(String id, int concurrency, LatencyProfile profile, StrategySpec strategy,
      int files, SqliteSettings sqlite, long holdNs, double failureProbability,
      Duration durationBound, Workload workload) {
    this(id, concurrency, profile, strategy, files, sqlite, holdNs, failureProbability,
        durationBound, workload, Optional.empty());
  }

  /** This config run open-loop at {@code a} (same id). */
  public BenchConfig withArrivals(Arrivals a) {
    return new BenchConfig(id, concurrency, profile, strategy, files, sqlite, holdNs,
        failureProbability, durationBound, workload, Optional.of(a));
  }

  /** This config under another id. */
  public BenchConfig withId(String newId) {
    return new BenchConfig(newId, concurrency, profile, strategy, files, sqlite, holdNs,
        failureProbability, durationBound, workload, arrivals);
  }

  /** A config of the built-in FSM workload. */
  public BenchConfig(String id, int concurrency, LatencyProfile profile, StrategySpec strategy,
      int files, SqliteSettings sqlite, long holdNs, double failureProbability,
      Duration durationBound) {
    this(id, concurrency, profile, strategy, files, sqlite, holdNs, failureProbability,
        durationBound, FsmWorkload.STANDARD);
  }

  /**
   * The standard id: {@code c<concurrency>-<profile>}, plus {@code -<strategy>} if not the
   * baseline, plus {@code -NOT-ATOMIC} for a strategy that breaks per-transition atomicity (so
   * that every table, chart and headline naming the config marks it).
   */
  public static String standardId(int concurrency, String profile, String strategy) {
    String id = "c" + concurrency + "-" + profile;
    String name = StrategySpec.nameOf(strategy);
    if (Strategies.BASELINE.name().equals(name)) {
      return id;
    }
    return id + "-" + name + (Strategies.named(name).atomic() ? "" : "-NOT-ATOMIC");
  }

  /** The state machine of the config's workload. */
  public Flow flow() {
    return workload.flow();
  }

  /** True when the duration bound applies (configs with API latency). */
  public boolean bounded() {
    return !profile.isZero();
  }
}

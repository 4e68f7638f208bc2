package dev.benchbook.workload;

import java.sql.SQLException;
import java.util.List;

/**
 * A connection strategy by name with its knobs; creates the strategy for one database.
 *
 * @param name {@code per-worker}, {@code shared-connection}, {@code writer-queue},
 *     {@code backoff}, or {@code shared-interleaved} (the seed's setup, NOT ATOMIC)
 * @param fair fair lock for {@code shared-connection}
 * @param batchMax most transitions per transaction for {@code writer-queue}
 * @param batchWaitUs how long the writer waits for a batch to fill, µs
 * @param backoffMinUs first backoff sleep for {@code backoff}, µs
 * @param backoffMaxUs largest backoff sleep for {@code backoff}, µs
 * @param seed seed of the backoff jitter
 */
public record StrategySpec(String name, boolean fair, int batchMax, long batchWaitUs,
    long backoffMinUs, long backoffMaxUs, long seed) {

  /** Strategy names this build knows; the first is the baseline. */
  public static final List<String> NAMES =
      List.of("per-worker", "shared-connection", "writer-queue", "backoff", "shared-interleaved");

  /** Validates the name and knobs. */
  public StrategySpec {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "unknown strategy '" + name + "'; expected one of " + String.join(", ", NAMES));
    }
    if (batchMax < 1) {
      throw new IllegalArgumentException("batch max must be >= 1, got " + batchMax);
    }
    if (batchWaitUs < 0) {
      throw new IllegalArgumentException("batch wait must be >= 0 us, got " + batchWaitUs);
    }
  }

  /** A strategy with default knobs (unfair lock, batches of up to 128, no batch wait). */
  public static StrategySpec named(String name) {
    return new StrategySpec(name, false, 128, 0, 20, 2000, 1);
  }

  /** The baseline strategy. */
  public static StrategySpec baseline() {
    return named("per-worker");
  }

  /** False for {@code shared-interleaved}, whose transitions are not individually atomic. */
  public boolean atomic() {
    return !"shared-interleaved".equals(name);
  }

  /**
   * Transitions per transaction this strategy commits together with {@code concurrency}
   * workers, each with one transition in flight: {@code min(batchMax, concurrency)} for
   * {@code writer-queue} (its fitting ceiling is the group-commit probe at that size), 0 for a
   * strategy that commits each transition alone (its ceiling is the per-transaction probe).
   */
  public int commitGroup(int concurrency) {
    return "writer-queue".equals(name) ? Math.min(batchMax, concurrency) : 0;
  }

  /** The knobs that matter for this strategy, as recorded in results. */
  public java.util.Map<String, Object> options() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    switch (name) {
      case "shared-connection":
        m.put("fair", fair);
        break;
      case "writer-queue":
        m.put("batch_max", batchMax);
        m.put("batch_wait_us", batchWaitUs);
        break;
      case "shared-interleaved":
        m.put("atomic", false);
        break;
      case "backoff":
        m.put("busy_handler", "jittered-exponential");
        m.put("backoff_min_us", backoffMinUs);
        m.put("backoff_max_us", backoffMaxUs);
        break;
      default:
        m.put("busy_handler", "sqlite-ladder");
    }
    return m;
  }

  /** Creates this strategy over a database with {@code holdNs} held inside each transaction. */
  public ConnectionStrategy create(Database db, long holdNs) throws SQLException {
    switch (name) {
      case "shared-connection": return new SharedConnectionStrategy(db, holdNs, fair);
      case "writer-queue": return new WriterQueueStrategy(db, holdNs, batchMax, batchWaitUs);
      case "shared-interleaved": return new SharedInterleavedStrategy(db, holdNs);
      case "backoff":
        return PerWorkerStrategy.backoff(db, holdNs, backoffMinUs, backoffMaxUs, seed);
      default: return PerWorkerStrategy.baseline(db, holdNs);
    }
  }
}

package dev.benchbook.workload;

import java.sql.SQLException;
import java.util.List;

/**
 * A connection strategy by name with its knobs; creates the strategy for one database.
 *
 * @param name {@code per-worker}, {@code shared-connection}, ...
 * @param fair fair lock for {@code shared-connection}
 */
public record StrategySpec(String name, boolean fair) {

  /** Strategy names this build knows. */
  public static final List<String> NAMES = List.of("per-worker", "shared-connection");

  /** Validates the name. */
  public StrategySpec {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "unknown strategy '" + name + "'; expected one of " + String.join(", ", NAMES));
    }
  }

  /** The baseline strategy. */
  public static StrategySpec baseline() {
    return new StrategySpec("per-worker", false);
  }

  /** Creates this strategy over a database with {@code holdNs} held inside each transaction. */
  public ConnectionStrategy create(Database db, long holdNs) throws SQLException {
    switch (name) {
      case "shared-connection": return new SharedConnectionStrategy(db, holdNs, fair);
      default: return new PerWorkerStrategy(db, holdNs);
    }
  }
}

package dev.benchbook.workload;

import java.sql.SQLException;

/**
 * A connection strategy as the registry knows it: its name, whether it keeps every transition
 * atomic, its options (a record of its own, with defaults) and how it opens on a database.
 * The built-ins are constants of {@link Strategies}; a strategy of your own implements this
 * interface and is listed in {@code META-INF/services/dev.benchbook.workload.Strategy}.
 */
public interface Strategy {

  /** The name used on the command line and recorded in results, e.g. {@code writer-queue}. */
  String name();

  /** One line for help texts. */
  String description();

  /** False when transitions are not individually atomic (such a strategy is never in "all"). */
  default boolean atomic() {
    return true;
  }

  /**
   * Transitions per transaction this strategy commits together with {@code concurrency}
   * workers, each with one transition in flight (its fitting ceiling is the group-commit probe
   * at that size); 0 for a strategy that commits each transition alone.
   */
  default int commitGroup(StrategyOptions options, int concurrency) {
    return 0;
  }

  /** The strategy's options with their default values. */
  StrategyOptions defaults();

  /**
   * Opens the strategy over a database: {@code holdNs} is held inside each transaction,
   * {@code seed} seeds any randomness, {@code options} is one of this strategy's own options.
   */
  ConnectionStrategy open(Database db, long holdNs, long seed, StrategyOptions options)
      throws SQLException;
}

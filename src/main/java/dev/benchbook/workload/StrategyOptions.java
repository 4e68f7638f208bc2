package dev.benchbook.workload;

import java.util.Map;

/**
 * The options of one strategy (a record per strategy): their values by key, a copy with one
 * key set from text, and the knobs as recorded in results. A key is also a command-line flag:
 * {@code batch-max} is {@code --batch-max N} and {@code --strategy writer-queue:batch-max=N}.
 */
public interface StrategyOptions {

  /** Every option by key, typed, in the strategy's order (empty for a strategy without). */
  Map<String, Object> values();

  /**
   * A copy with each given key set from its text; IllegalArgumentException naming the key,
   * the value and what was expected when a key is unknown or a value out of range.
   */
  StrategyOptions with(Map<String, String> texts);

  /** The knobs as recorded in results ({@code options} of a config). */
  Map<String, Object> recorded();
}

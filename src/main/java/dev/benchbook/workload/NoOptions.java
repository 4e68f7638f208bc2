package dev.benchbook.workload;

import java.util.Map;

/**
 * The options of a strategy that takes none; it records {@code recorded} in results.
 *
 * @param strategy the strategy's name, for errors
 * @param recorded the knobs recorded in results
 */
public record NoOptions(String strategy, Map<String, Object> recorded) implements StrategyOptions {

  /** Copies the map. */
  public NoOptions {
    recorded = Map.copyOf(recorded);
  }

  @Override
  public Map<String, Object> values() {
    return Map.of();
  }

  @Override
  public StrategyOptions with(Map<String, String> texts) {
    OptionText.known(strategy, texts, java.util.Set.of());
    return this;
  }
}

package dev.benchbook.workload;

import java.sql.SQLException;
import java.util.Map;

/**
 * A user's own strategy as a test plugs it in through the registry's service interface:
 * per-worker connections under another name, with one option of its own.
 */
public final class PluggedStrategy implements Strategy {

  @Override
  public String name() {
    return "plugged";
  }

  @Override
  public String description() {
    return "a test's own strategy (per-worker connections)";
  }

  @Override
  public StrategyOptions defaults() {
    return new Options(3);
  }

  @Override
  public ConnectionStrategy open(Database db, long holdNs, long seed, StrategyOptions options)
      throws SQLException {
    return Strategies.BASELINE.open(db, holdNs, seed, Strategies.BASELINE.defaults());
  }

  /**
   * Its options.
   *
   * @param knob a number recorded in results
   */
  public record Options(long knob) implements StrategyOptions {

    @Override
    public Map<String, Object> values() {
      return Map.of("knob", knob);
    }

    @Override
    public StrategyOptions with(Map<String, String> texts) {
      OptionText.known("plugged", texts, values().keySet());
      return new Options(OptionText.whole("knob", OptionText.get(texts, "knob", knob), 0, 9));
    }

    @Override
    public Map<String, Object> recorded() {
      return Map.of("knob", knob);
    }
  }
}

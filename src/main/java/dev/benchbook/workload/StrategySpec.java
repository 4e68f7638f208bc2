package dev.benchbook.workload;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A strategy with its options, as one config runs it. Written as text
 * {@code name[:key=value,key=value]}, e.g. {@code writer-queue:batch-max=64}: that is what
 * {@code --strategy} takes and what a fork's plan carries.
 *
 * @param strategy the strategy
 * @param options its options (the strategy's own record)
 * @param seed seed of the strategy's randomness (backoff jitter)
 */
public record StrategySpec(Strategy strategy, StrategyOptions options, long seed) {

  /** The jitter seed of a strategy given without one. */
  public static final long DEFAULT_SEED = 1;

  /** Checks that the options are the strategy's own kind. */
  public StrategySpec {
    if (options.getClass() != strategy.defaults().getClass()) {
      throw new IllegalArgumentException("strategy " + strategy.name() + " takes "
          + strategy.defaults().getClass().getSimpleName() + ", got "
          + options.getClass().getSimpleName());
    }
  }

  /** A strategy by name with its default options. */
  public static StrategySpec named(String name) {
    Strategy s = Strategies.named(name);
    return new StrategySpec(s, s.defaults(), DEFAULT_SEED);
  }

  /** The baseline with its default options. */
  public static StrategySpec baseline() {
    return named(Strategies.BASELINE.name());
  }

  /**
   * Parses {@code name[:key=value,...]}: {@code flags} first sets the keys this strategy has
   * (the command line's --batch-max and such; other keys are ignored), then the text's own
   * options, which must all be the strategy's; {@code seed} seeds its randomness.
   */
  public static StrategySpec parse(String text, Map<String, String> flags, long seed) {
    int colon = text.indexOf(':');
    String name = nameOf(text);
    Strategy s = Strategies.named(name);
    StrategyOptions defaults = s.defaults();
    Map<String, String> known = new LinkedHashMap<>();
    flags.forEach((k, v) -> {
      if (defaults.values().containsKey(k)) {
        known.put(k, v);
      }
    });
    StrategyOptions options;
    try {
      options = defaults.with(known);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + e.getMessage(), e);
    }
    if (colon >= 0) {
      options = options.with(pairs(name, text.substring(colon + 1)));
    }
    return new StrategySpec(s, options, seed);
  }

  /**
   * Checks command-line flags that set strategy options (e.g. {@code batch-max} -> {@code 0})
   * against every strategy that has them, whichever strategies the run uses.
   */
  public static void checkFlags(Map<String, String> flags) {
    for (Strategy s : Strategies.all()) {
      parse(s.name(), flags, DEFAULT_SEED);
    }
  }

  /** The default value of option {@code key} in the first strategy that has it. */
  public static Object defaultOf(String key) {
    return Strategies.all().stream().map(s -> s.defaults().values()).filter(v -> v.containsKey(key))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no strategy has option '"
            + key + "'")).get(key);
  }

  /** The strategy name of a text {@code name[:key=value,...]}. */
  public static String nameOf(String text) {
    int colon = text.indexOf(':');
    return colon < 0 ? text.trim() : text.substring(0, colon).trim();
  }

  /** Parses {@code name[:key=value,...]} with no flags and the default seed. */
  public static StrategySpec parse(String text) {
    return parse(text, Map.of(), DEFAULT_SEED);
  }

  private static Map<String, String> pairs(String name, String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("strategy " + name + ": options look like key=value, "
            + "got '" + pair + "'");
      }
      out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return out;
  }

  /** The strategy's name. */
  public String name() {
    return strategy.name();
  }

  /** False for a strategy whose transitions are not individually atomic. */
  public boolean atomic() {
    return strategy.atomic();
  }

  /**
   * Transitions per transaction this strategy commits together with {@code concurrency}
   * workers (the writer-queue's group); 0 when each transition commits alone.
   */
  public int commitGroup(int concurrency) {
    return strategy.commitGroup(options, concurrency);
  }

  /** The knobs as recorded in results. */
  public Map<String, Object> recorded() {
    return options.recorded();
  }

  /** The text form with every option, e.g. {@code writer-queue:batch-max=128,batch-wait-us=0}. */
  public String text() {
    Map<String, Object> values = options.values();
    return values.isEmpty() ? name() : name() + ":" + values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  /** Opens this strategy over a database with {@code holdNs} held inside each transaction. */
  public ConnectionStrategy create(Database db, long holdNs) throws SQLException {
    return strategy.open(db, holdNs, seed, options);
  }
}

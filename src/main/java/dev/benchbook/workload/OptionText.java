package dev.benchbook.workload;

/** Parsing of one strategy option's text, with errors naming the option and the range. */
final class OptionText {

  private OptionText() {
  }

  /** A whole number in [{@code min}, {@code max}]. */
  static long whole(String key, String text, long min, long max) {
    try {
      long v = Long.parseLong(text.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " must be a whole number in [" + min + ", " + max
        + "], got '" + text + "'");
  }

  /** {@code true} or {@code false}. */
  static boolean bool(String key, String text) {
    String t = text.trim();
    if ("true".equals(t) || "false".equals(t)) {
      return Boolean.parseBoolean(t);
    }
    throw new IllegalArgumentException(key + " must be true or false, got '" + text + "'");
  }

  /** Fails naming the first key of {@code texts} that is not among {@code keys}. */
  static void known(String strategy, java.util.Map<String, String> texts,
      java.util.Set<String> keys) {
    for (String key : texts.keySet()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException("strategy " + strategy + " has no option '" + key
            + "'; " + (keys.isEmpty() ? "it takes none" : "options: " + String.join(", ", keys)));
      }
    }
  }

  /** The text of {@code key} in {@code texts}, else the current value as text. */
  static String get(java.util.Map<String, String> texts, String key, Object current) {
    return texts.getOrDefault(key, String.valueOf(current));
  }

  /** The options record of {@code type}, or an error naming the strategy. */
  static <T> T as(Class<T> type, String strategy, StrategyOptions options) {
    if (!type.isInstance(options)) {
      throw new IllegalArgumentException("strategy " + strategy + " takes " + type.getSimpleName()
          + ", got " + options.getClass().getSimpleName());
    }
    return type.cast(options);
  }
}

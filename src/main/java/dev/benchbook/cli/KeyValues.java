package dev.benchbook.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repeatable {@code NAME=VALUE} flags ({@code query --param}, {@code notebook run -p}) as
 * given: split at the first {@code =}, the value kept verbatim (quotes included, where picocli's
 * own map splitting would warn about them), each name at most once.
 */
final class KeyValues {

  private KeyValues() {
  }

  /**
   * The values by name, in the order given; fails with one line on a malformed or repeated one,
   * naming {@code flag}.
   */
  static Map<String, String> parse(List<String> given, String flag) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : given) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(flag + " " + p + ": expected NAME=VALUE, e.g. "
            + flag + " segment=lock_wait_ms");
      }
      String name = p.substring(0, eq);
      String value = p.substring(eq + 1);
      String before = out.putIfAbsent(name, value);
      if (before != null) {
        throw new IllegalArgumentException(flag + " " + name + " given twice ('" + before
            + "' and '" + value + "'); give each name once");
      }
    }
    return out;
  }
}

package dev.benchbook.cli;

import dev.benchbook.catalog.QueryParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --param NAME=VALUE} values as given: split at the first {@code =}, the value kept
 * verbatim (quotes included), each name at most once.
 */
final class QueryParams {

  private QueryParams() {
  }

  /** The values by name, in the order given; fails with one line on a malformed or repeated one. */
  static Map<String, String> parse(List<String> given) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : given) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new QueryParameterException("--param " + p + ": expected NAME=VALUE, e.g. "
            + "--param segment=lock_wait_ms");
      }
      String name = p.substring(0, eq);
      String value = p.substring(eq + 1);
      String before = out.putIfAbsent(name, value);
      if (before != null) {
        throw new QueryParameterException("--param " + name + " given twice ('" + before
            + "' and '" + value + "'); give each parameter once");
      }
    }
    return out;
  }
}

package dev.benchbook.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query kept as a {@code .sql} file: its leading comment gives a one-line description and its
 * parameters with their defaults, e.g.
 *
 * <pre>
 * -- P95 of one segment for one config across runs, oldest first.
 * -- @param segment=lock_wait_ms  segment key (lock_wait_ms, db_total_ms, fsm_net_ms...)
 * </pre>
 *
 * @param name the file name without {@code .sql}
 * @param description the first comment line
 * @param params parameter name to its default value
 * @param paramHelp parameter name to its description
 * @param sql the whole file, comments included
 */
public record NamedQuery(String name, String description, Map<String, String> params,
    Map<String, String> paramHelp, String sql) {

  private static final Pattern PARAM = Pattern.compile(
      "--\\s*@param\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=(\\S*)\\s*(.*)");

  /** Copies the maps, keeping their order. */
  public NamedQuery {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    paramHelp = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(paramHelp));
  }

  /** Parses a query file's text. */
  public static NamedQuery parse(String name, String sql) {
    String description = "";
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, String> help = new LinkedHashMap<>();
    for (String line : sql.lines().toList()) {
      String l = line.strip();
      if (!l.startsWith("--")) {
        break;
      }
      Matcher m = PARAM.matcher(l);
      if (m.matches()) {
        params.put(m.group(1), m.group(2));
        help.put(m.group(1), m.group(3).strip());
      } else if (description.isEmpty()) {
        description = l.substring(2).strip();
      }
    }
    if (description.isEmpty()) {
      throw new IllegalArgumentException("query " + name + " has no description: its first "
          + "line must be a comment (-- what it answers)");
    }
    return new NamedQuery(name, description, params, help, sql);
  }

  /** The parameter values: the defaults, overridden by {@code given}; fails on an unknown one. */
  public Map<String, String> bind(Map<String, String> given) {
    Map<String, String> values = new LinkedHashMap<>(params);
    for (Map.Entry<String, String> e : given.entrySet()) {
      if (!params.containsKey(e.getKey())) {
        throw CatalogQueryException.badParameters("query " + name + " has no parameter '" + e.getKey()
            + "'; its parameters: " + (params.isEmpty() ? "none" : String.join(", ",
            params.keySet())));
      }
      values.put(e.getKey(), e.getValue());
    }
    return values;
  }

  /** The usage line of each parameter: {@code name (default: x): description}. */
  public List<String> paramLines() {
    return params.keySet().stream().map(p -> p + " (default: "
        + (params.get(p).isEmpty() ? "empty" : params.get(p)) + "): " + paramHelp.get(p))
        .toList();
  }
}

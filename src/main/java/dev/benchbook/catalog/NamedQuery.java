package dev.benchbook.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query kept as a {@code .sql} file: its leading comment gives a one-line description and its
 * parameters with their defaults, what each accepts (in parentheses, see {@link ParamType}) and
 * a description, e.g.
 *
 * <pre>
 * -- P95 of one segment for one config across runs, oldest first.
 * -- @param segment=lock_wait_ms (db_total_ms|lock_wait_ms|fsm_net_ms)  segment key
 * -- @param last=20 (int &gt;= 1)  how many of the newest runs
 * </pre>
 *
 * <p>A parameter declared without a type takes any text (files written before types existed).
 *
 * @param name the file name without {@code .sql}
 * @param description the first comment line
 * @param params parameter name to its default value
 * @param paramHelp parameter name to its description
 * @param types parameter name to what it accepts
 * @param sql the whole file, comments included, with {@code segment_ns(:param)} written out as
 *     the CASE over the timed raw-row columns and a {@code (segment_ns)} type as their names
 */
public record NamedQuery(String name, String description, Map<String, String> params,
    Map<String, String> paramHelp, Map<String, ParamType> types, String sql) {

  private static final Pattern PARAM = Pattern.compile(
      "--\\s*@param\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=(\\S*)\\s*(?:\\(([^)]*)\\))?\\s*(.*)");

  /** Copies the maps, keeping their order. */
  public NamedQuery {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    paramHelp = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(paramHelp));
    types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
  }

  /** Parses a query file's text; fails when a declared default is not a value of its type. */
  public static NamedQuery parse(String name, String text) {
    String sql = RowsSchema.expandSegmentNs(text);
    String description = "";
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, String> help = new LinkedHashMap<>();
    Map<String, ParamType> types = new LinkedHashMap<>();
    for (String line : sql.lines().toList()) {
      String l = line.strip();
      if (!l.startsWith("--")) {
        break;
      }
      Matcher m = PARAM.matcher(l);
      if (m.matches()) {
        String p = m.group(1);
        Optional<ParamType> type = m.group(3) == null ? Optional.empty()
            : ParamType.parse(m.group(3));
        params.put(p, m.group(2));
        types.put(p, type.orElse(ParamType.TEXT));
        help.put(p, (type.isPresent() || m.group(3) == null ? m.group(4)
            : "(" + m.group(3) + ") " + m.group(4)).strip());
        Optional<String> bad = types.get(p).problem(m.group(2));
        if (bad.isPresent()) {
          throw new IllegalArgumentException("query " + name + ": the default of parameter "
              + p + ": " + bad.get());
        }
      } else if (description.isEmpty()) {
        description = l.substring(2).strip();
      }
    }
    if (description.isEmpty()) {
      throw new IllegalArgumentException("query " + name + " has no description: its first "
          + "line must be a comment (-- what it answers)");
    }
    return new NamedQuery(name, description, params, help, types, sql);
  }

  /**
   * The parameter values: the defaults, overridden by {@code given}; fails with exit-2 kind of
   * error on an unknown name (naming the nearest one) or a value its type does not allow.
   */
  public Map<String, String> bind(Map<String, String> given) {
    Map<String, String> values = new LinkedHashMap<>(params);
    for (Map.Entry<String, String> e : given.entrySet()) {
      String p = e.getKey();
      if (!params.containsKey(p)) {
        String near = Names.nearest(p, params.keySet()).map(n -> "; did you mean " + n + "?")
            .orElse("");
        throw new QueryParameterException("query " + name + " has no parameter '" + p
            + "'; its parameters: " + (params.isEmpty() ? "none" : String.join(", ",
            params.keySet())) + near);
      }
      Optional<String> bad = types.get(p).problem(e.getValue());
      if (bad.isPresent()) {
        throw new QueryParameterException("--param " + p + "=" + e.getValue() + ": " + bad.get()
            + " (query " + name + ")");
      }
      values.put(p, e.getValue());
    }
    return values;
  }

  /** The usage line of each parameter: {@code name (default: x; type): description}. */
  public List<String> paramLines() {
    return params.keySet().stream().map(p -> p + " (default: "
        + (params.get(p).isEmpty() ? "empty" : params.get(p))
        + (types.get(p).kind() == ParamType.Kind.TEXT ? "" : "; " + types.get(p).expected())
        + "): " + paramHelp.get(p)).toList();
  }
}

package dev.benchbook.catalog;

import dev.benchbook.catalog.SqlText.Kind;
import dev.benchbook.catalog.SqlText.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SQL with named parameters ({@code :name}, {@code @name} or {@code $name}) rewritten to
 * positional ones, with the values to bind in order. Values that read as integers or decimals
 * are bound as numbers, everything else as text.
 *
 * @param sql the SQL with {@code ?} in place of each named parameter
 * @param values the value of each {@code ?}, in order
 */
record BoundSql(String sql, List<Object> values) {

  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("-?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

  /** Copies the values. */
  BoundSql {
    values = List.copyOf(values);
  }

  /** Binds {@code params} by name; fails naming a missing or unused parameter. */
  static BoundSql of(String sql, Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    List<Object> values = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    int copied = 0;
    for (Token t : SqlText.tokens(sql)) {
      if (t.kind() != Kind.PARAM) {
        continue;
      }
      if (t.text().startsWith("?")) {
        throw new CatalogQueryException("positional parameter " + t.text() + " in the SQL; "
            + "use named ones (:name) with --param name=value");
      }
      String name = t.text().substring(1);
      if (!params.containsKey(name)) {
        throw CatalogQueryException.badParameters("no value for parameter :" + name
            + "; give it with --param " + name + "=VALUE");
      }
      used.add(name);
      out.append(sql, copied, t.start()).append('?');
      copied = t.end();
      values.add(typed(params.get(name)));
    }
    out.append(sql.substring(copied));
    for (String name : params.keySet()) {
      if (!used.contains(name)) {
        throw CatalogQueryException.badParameters("parameter '" + name + "' is not used by the query"
            + (used.isEmpty() ? " (it has no parameters)" : "; its parameters: " + used));
      }
    }
    return new BoundSql(out.toString(), values);
  }

  /** The value as a Long, a Double or the text itself. */
  static Object typed(String value) {
    if (INTEGER.matcher(value).matches()) {
      return Long.parseLong(value);
    }
    if (DECIMAL.matcher(value).matches()) {
      return Double.parseDouble(value);
    }
    return value;
  }
}

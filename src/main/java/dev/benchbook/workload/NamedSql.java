package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workload file's SQL with named parameters ({@code :file_id}...), prepared once and bound
 * from a {@link TransitionWrite} without allocating: SQLite numbers named parameters in order
 * of first appearance (a repeated name keeps its number), so each number maps to one field.
 */
final class NamedSql {

  /** A named parameter: a colon, then a name, not inside {@code ::}. */
  static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

  private static final int FILE_ID = 0;
  private static final int FROM_STATE = 1;
  private static final int TO_STATE = 2;
  private static final int VERSION = 3;
  private static final int FAILURES = 4;
  private static final int WORKER = 5;
  private static final List<String> FIELDS = List.of("file_id", "from_state", "to_state",
      "version", "failures", "worker");

  private final PreparedStatement statement;
  private final int[] fields;

  private NamedSql(PreparedStatement statement, int[] fields) {
    this.statement = statement;
    this.fields = fields;
  }

  /** Prepares a transition's statement on {@code c}. */
  static NamedSql prepare(Connection c, String sql) throws SQLException {
    List<String> names = names(sql);
    int[] fields = new int[names.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = FIELDS.indexOf(names.get(i));
      if (fields[i] < 0) {
        throw new SQLException("no parameter :" + names.get(i) + " in a transition's SQL");
      }
    }
    return new NamedSql(c.prepareStatement(sql), fields);
  }

  /** The distinct parameter names in order of first appearance. */
  static List<String> names(String sql) {
    List<String> out = new ArrayList<>();
    Matcher m = PARAMETER.matcher(sql);
    while (m.find()) {
      if (!out.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** Binds every parameter from the write. */
  PreparedStatement bind(TransitionWrite w) throws SQLException {
    for (int i = 0; i < fields.length; i++) {
      int p = i + 1;
      switch (fields[i]) {
        case FILE_ID -> statement.setInt(p, w.fileId);
        case FROM_STATE -> statement.setString(p, w.fromState);
        case TO_STATE -> statement.setString(p, w.toState);
        case VERSION -> statement.setInt(p, w.expectedVersion);
        case FAILURES -> statement.setInt(p, w.failures);
        default -> statement.setInt(p, w.worker);
      }
    }
    return statement;
  }

  /** The prepared statement. */
  PreparedStatement statement() {
    return statement;
  }
}

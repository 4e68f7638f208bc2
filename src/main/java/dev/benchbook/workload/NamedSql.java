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
 * from a {@link TransitionWrite}: SQLite numbers named parameters in order of first appearance
 * (a repeated name keeps its number), so each number maps to one field of the write, or to a
 * column of the write's select ({@link TransitionWrite#selected}).
 */
final class NamedSql {

  /** A named parameter: a colon, then a name, not inside {@code ::}. */
  static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");
  /** A name a parameter can have. */
  static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");

  private static final int FILE_ID = 0;
  private static final int FROM_STATE = 1;
  private static final int TO_STATE = 2;
  private static final int VERSION = 3;
  private static final int FAILURES = 4;
  private static final int WORKER = 5;
  private static final int NOW_MS = 6;
  /** Codes from here on are columns of the select, in order. */
  private static final int SELECTED = 100;
  private static final List<String> FIELDS = List.of("file_id", "from_state", "to_state",
      "version", "failures", "worker", "now_ms");

  private final PreparedStatement statement;
  private final int[] fields;

  private NamedSql(PreparedStatement statement, int[] fields) {
    this.statement = statement;
    this.fields = fields;
  }

  /** Prepares a transition's statement on {@code c}. */
  static NamedSql prepare(Connection c, String sql) throws SQLException {
    return prepare(c, sql, List.of());
  }

  /** Prepares a statement whose parameters may also be the {@code selected} columns. */
  static NamedSql prepare(Connection c, String sql, List<String> selected) throws SQLException {
    List<String> names = names(sql);
    int[] fields = new int[names.size()];
    for (int i = 0; i < fields.length; i++) {
      int column = selected.indexOf(names.get(i));
      fields[i] = column >= 0 ? SELECTED + column : FIELDS.indexOf(names.get(i));
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

  /** The names of a prepared statement's result columns; empty when it returns none. */
  static List<String> columns(PreparedStatement p) throws SQLException {
    var meta = p.getMetaData();
    int n;
    try {
      n = meta == null ? 0 : meta.getColumnCount();
    } catch (SQLException noColumns) {
      return List.of(); // sqlite-jdbc refuses to count zero columns
    }
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(meta.getColumnLabel(i));
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
        case WORKER -> statement.setInt(p, w.worker);
        case NOW_MS -> statement.setLong(p, System.currentTimeMillis());
        default -> statement.setObject(p, w.selected[fields[i] - SELECTED]);
      }
    }
    return statement;
  }

  /** The prepared statement. */
  PreparedStatement statement() {
    return statement;
  }
}

package dev.benchbook.catalog;

import java.sql.SQLException;

/** SQLite's own message out of a sqlite-jdbc exception, as one line. */
final class SqlErrors {

  private SqlErrors() {
  }

  /**
   * The exception as {@code SQL error: <SQLite's message>}: sqlite-jdbc writes
   * {@code [SQLITE_ERROR] SQL error or missing database (no such table: x)}; the part in the
   * last parentheses is SQLite's message.
   */
  static CatalogQueryException of(SQLException e) {
    return new CatalogQueryException("SQL error: " + message(e));
  }

  /** SQLite's message of the exception, on one line. */
  static String message(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int open = m.indexOf('(');
    if (m.startsWith("[") && open > 0 && m.endsWith(")")) {
      m = m.substring(open + 1, m.length() - 1);
    }
    return m.replace('\n', ' ').strip();
  }
}

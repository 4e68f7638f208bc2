package dev.benchbook.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * In-process DuckDB connections for the lake: an in-memory database that never installs or
 * loads an extension at run time (Parquet, JSON and ICU are linked into the driver), spilling
 * to a temporary folder of its own when a query needs more memory than it may use.
 */
final class DuckDb {

  private DuckDb() {
  }

  /** A new in-memory database with extension downloads and auto-loading off. */
  static Connection open() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try {
      exec(c, "SET autoinstall_known_extensions = false");
      exec(c, "SET autoload_known_extensions = false");
      exec(c, "SET temp_directory = " + literal(Path.of(System.getProperty("java.io.tmpdir"))
          .resolve("benchbook-duckdb").toString()));
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * Starts loading DuckDB's native library on a thread of its own: its driver copies about 70 MB
   * out of its jar into a temporary file and links it (half a second of CPU), which a command can
   * overlap with its catalog check. Closing the handle waits for the load, so the process never
   * exits halfway through the copy; a failed load is reported by the first connection.
   */
  static Lake.EngineLoad preload() {
    Thread t = new Thread(() -> {
      try {
        Class.forName("org.duckdb.DuckDBNative", true, DuckDb.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError | IllegalStateException e) {
        // the first connection fails with DuckDB's own message
      }
    }, "benchbook-duckdb-load");
    t.setDaemon(true);
    t.start();
    return new Lake.EngineLoad(t);
  }

  /** Runs one statement without results. */
  static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** A SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** DuckDB's message, on one line, without its "Error:" class prefix repeated. */
  static String message(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    String first = (nl < 0 ? m : m.substring(0, nl)).strip();
    return first.isEmpty() ? m.replace('\n', ' ').strip() : first;
  }
}

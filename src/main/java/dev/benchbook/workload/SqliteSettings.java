package dev.benchbook.workload;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PRAGMAs and timeouts applied to every connection of a run.
 *
 * @param synchronous {@code NORMAL} or {@code FULL}
 * @param busyTimeoutMs how long a connection waits for the write lock before SQLITE_BUSY, ms
 */
public record SqliteSettings(String synchronous, long busyTimeoutMs) {

  /** Validates values. */
  public SqliteSettings {
    if (!"NORMAL".equals(synchronous) && !"FULL".equals(synchronous)) {
      throw new IllegalArgumentException("synchronous must be NORMAL or FULL, got " + synchronous);
    }
    if (busyTimeoutMs < 0 || busyTimeoutMs > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "busy_timeout_ms must be in [0, " + Integer.MAX_VALUE + "] ms, got " + busyTimeoutMs);
    }
  }

  /** The defaults: synchronous NORMAL, busy timeout 5000 ms. */
  public static SqliteSettings defaults() {
    return new SqliteSettings("NORMAL", 5000);
  }

  /** Opens a connection in WAL mode with these PRAGMAs, in autocommit mode. */
  public Connection open(Path db) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=" + synchronous);
      s.execute("PRAGMA busy_timeout=" + busyTimeoutMs);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** PRAGMAs as recorded in results manifests. */
  public Map<String, String> pragmas() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("journal_mode", "wal");
    m.put("synchronous", synchronous);
    m.put("busy_timeout", Long.toString(busyTimeoutMs));
    return m;
  }
}

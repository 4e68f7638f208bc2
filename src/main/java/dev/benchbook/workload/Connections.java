package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.SQLException;

/** Small JDBC helpers. */
final class Connections {

  private Connections() {
  }

  /** Closes a connection during cleanup, ignoring errors. */
  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // cleanup path: the database folder is deleted next
    }
  }
}

package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A {@link Transaction} over one connection, caching the statements a DB step prepares. */
final class JavaSql implements Transaction, AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private int worker;

  JavaSql(Connection connection) {
    this.connection = connection;
  }

  /** Sets the worker whose step runs next. */
  JavaSql forWorker(int index) {
    worker = index;
    return this;
  }

  @Override
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement p = statements.get(sql);
    if (p == null) {
      p = connection.prepareStatement(sql);
      statements.put(sql, p);
    }
    return p;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public int worker() {
    return worker;
  }

  @Override
  public void close() {
    for (PreparedStatement p : statements.values()) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // closing during cleanup: the connection is closed next anyway
      }
    }
    statements.clear();
  }
}

package dev.benchbook.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.benchbook.results.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prepared {@code INSERT ... VALUES (?, ...)} statements, one per table, and typed binding:
 * numbers stay numbers, booleans become 0/1, absent values NULL, maps and lists JSON text.
 */
final class Inserts implements AutoCloseable {

  private static final ObjectWriter COMPACT = Json.MAPPER.writer()
      .without(SerializationFeature.INDENT_OUTPUT);

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  Inserts(Connection connection) {
    this.connection = connection;
  }

  /** Inserts one row of values, in the table's column order. */
  void insert(String table, Object... values) throws SQLException {
    PreparedStatement ps = statement(table, values.length);
    for (int i = 0; i < values.length; i++) {
      bind(ps, i + 1, values[i]);
    }
    ps.executeUpdate();
  }

  private PreparedStatement statement(String table, int columns) throws SQLException {
    String key = table + "/" + columns;
    PreparedStatement ps = statements.get(key);
    if (ps == null) {
      StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES (");
      for (int i = 0; i < columns; i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      ps = connection.prepareStatement(sql.append(')').toString());
      statements.put(key, ps);
    }
    return ps;
  }

  /** Binds a value by its Java type. */
  static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (v == null) {
      ps.setNull(index, Types.NULL);
    } else if (v instanceof Boolean b) {
      ps.setInt(index, b ? 1 : 0);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short
        || v instanceof Byte) {
      ps.setLong(index, ((Number) v).longValue());
    } else if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        ps.setDouble(index, d);
      } else {
        ps.setNull(index, Types.NULL);
      }
    } else if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
      ps.setString(index, json(v));
    } else {
      ps.setString(index, v.toString());
    }
  }

  /** Compact JSON text of a map or list. */
  static String json(Object v) {
    try {
      return COMPACT.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + v + " as JSON", e);
    }
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : statements.values()) {
      ps.close();
    }
    statements.clear();
  }
}

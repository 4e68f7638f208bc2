package dev.benchbook.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One read-only query over a lake in an in-process DuckDB: views named as the catalog's tables,
 * SQLite's percentile functions defined with DuckDB's (both the linear method), the statement
 * checked by {@link DuckGuard}, then run with file access limited to the lake and the
 * configuration locked. Values come back as the SQLite catalog gives them (Integer or Long,
 * Double, String; booleans as 0/1 with a BOOLEAN type; timestamps as ISO-8601 UTC text with a
 * TIMESTAMP type), so tables, formats and comparisons treat both engines alike.
 */
final class LakeQuery {

  /**
   * SQLite's functions in DuckDB terms: {@code percentile_cont(x, f)} and {@code percentile(x,
   * p)} (p in 0..100) are both linear interpolation between closest ranks, DuckDB's
   * {@code quantile_cont}; {@code median} is built in with the same definition.
   */
  private static final List<String> MACROS = List.of(
      "CREATE MACRO percentile_cont(x, f) AS quantile_cont(x, f)",
      "CREATE MACRO percentile(x, p) AS quantile_cont(x, p / 100.0)");

  private LakeQuery() {
  }

  /** Runs {@code sql} with {@code params} on the lake; warnings name files left out. */
  static QueryResult run(Path lake, String sql, Map<String, String> params, List<String> warnings) {
    BoundSql bound = BoundSql.of(sql, params);
    try (Connection duck = DuckDb.open()) {
      for (String m : MACROS) {
        DuckDb.exec(duck, m);
      }
      warnings.addAll(LakeViews.create(duck, lake));
      lockDown(duck, lake);
      String statement = DuckGuard.check(duck, bound.sql());
      long t0 = System.nanoTime();
      try (PreparedStatement ps = duck.prepareStatement(statement)) {
        for (int i = 0; i < bound.values().size(); i++) {
          ps.setObject(i + 1, bound.values().get(i));
        }
        return read(ps, t0);
      }
    } catch (SQLException e) {
      throw new CatalogQueryException("SQL error (DuckDB): " + DuckDb.message(e));
    } catch (IOException e) {
      throw new CatalogQueryException("cannot read the lake " + lake + ": " + e.getMessage());
    }
  }

  /** From here on the connection reads only the lake and cannot change its settings. */
  private static void lockDown(Connection duck, Path lake) throws SQLException {
    String dir = lake.toAbsolutePath().normalize().toString();
    DuckDb.exec(duck, "SET allowed_directories = [" + DuckDb.literal(dir + "/") + "]");
    DuckDb.exec(duck, "SET enable_external_access = false");
    DuckDb.exec(duck, "SET lock_configuration = true");
  }

  private static QueryResult read(PreparedStatement ps, long t0) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<String> columns = new ArrayList<>(n);
      List<String> types = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        columns.add(md.getColumnLabel(i));
        types.add(catalogType(md.getColumnTypeName(i)));
      }
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = value(rs.getObject(i + 1));
        }
        rows.add(row);
      }
      return new QueryResult(columns, types, rows, System.nanoTime() - t0);
    }
  }

  /** DuckDB's type name as the catalog declares it (TIMESTAMP, BOOLEAN...). */
  static String catalogType(String duckType) {
    String t = duckType == null ? "" : duckType.toUpperCase(Locale.ROOT);
    if (t.startsWith("TIMESTAMP")) {
      return "TIMESTAMP";
    }
    return t;
  }

  /** A DuckDB value as sqlite-jdbc would give it. */
  static Object value(Object v) {
    if (v == null || v instanceof String || v instanceof Double) {
      return v;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return integral(((Number) v).longValue());
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? integral(b.longValue()) : (Object) b.doubleValue();
    }
    if (v instanceof BigDecimal || v instanceof Float) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof OffsetDateTime t) {
      return Times.format(t.toInstant());
    }
    if (v instanceof java.sql.Timestamp t) {
      return Times.format(t.toInstant());
    }
    if (v instanceof Instant i) {
      return Times.format(i);
    }
    return v.toString();
  }

  private static Object integral(long v) {
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
  }
}

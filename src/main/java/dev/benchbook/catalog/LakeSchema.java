package dev.benchbook.catalog;

import dev.benchbook.catalog.LakeTable.Column;
import dev.benchbook.catalog.LakeTable.Scope;
import dev.benchbook.catalog.LakeTable.Type;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lake's tables, read from the catalog's own schema (so a table or column added to the
 * catalog reaches the lake with no change here): every table but the catalog's bookkeeping
 * ({@code meta}, {@code files}); those with a {@code run_id} or {@code config_key} column are
 * written in batches of runs (a table with {@code config_key} only gains {@code run_id}), the
 * others (states, outcomes) are lookup tables.
 */
final class LakeSchema {

  /** Catalog tables that describe the catalog itself, not runs. */
  private static final Set<String> BOOKKEEPING = Set.of("meta", "files");

  private LakeSchema() {
  }

  /** The lake's tables, in the catalog's order. */
  static List<LakeTable> read(Connection catalog) throws SQLException {
    List<LakeTable> out = new ArrayList<>();
    for (String name : tableNames(catalog)) {
      List<String> key = new ArrayList<>();
      List<Column> columns = columns(catalog, name, key);
      boolean hasRunId = columns.stream().anyMatch(c -> c.name().equals("run_id"));
      boolean perRun = hasRunId || columns.stream().anyMatch(c -> c.name().equals("config_key"));
      if (perRun && !hasRunId) {
        columns.add(new Column("run_id", Type.BIGINT));
      }
      out.add(new LakeTable(name, perRun ? Scope.RUN : Scope.LOOKUP, columns, key,
          perRun && !hasRunId));
    }
    return out;
  }

  private static List<String> tableNames(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' "
            + "AND name NOT LIKE 'sqlite_%' ORDER BY rowid")) {
      while (rs.next()) {
        if (!BOOKKEEPING.contains(rs.getString(1))) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  /**
   * Columns with generated ones (table_xinfo), hidden ones of virtual tables left out; the
   * primary key's columns go to {@code key}, in key order.
   */
  private static List<Column> columns(Connection c, String table, List<String> key)
      throws SQLException {
    List<Column> out = new ArrayList<>();
    java.util.TreeMap<Integer, String> pk = new java.util.TreeMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA table_xinfo(\"" + table.replace("\"", "\"\"")
            + "\")")) {
      while (rs.next()) {
        if (rs.getInt("hidden") != 1) {
          out.add(new Column(rs.getString("name"), Type.of(rs.getString("type"))));
          if (rs.getInt("pk") > 0) {
            pk.put(rs.getInt("pk"), rs.getString("name"));
          }
        }
      }
    }
    key.addAll(pk.values());
    return out;
  }
}

package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog of every run under a data dir: a SQLite file derived from the results files,
 * brought up to date incrementally, and queried read-only.
 *
 * <p>It lives in the data dir as {@value #FILE_NAME} (git-ignored; never read as results,
 * which are {@code results-*.json}), so each data dir has its own and it survives
 * {@code mvn clean}. See docs/CATALOG.md for the schema.
 */
public final class Catalog {

  /** File name of the catalog inside its data dir. */
  public static final String FILE_NAME = ".benchbook-catalog.db";

  private Catalog() {
  }

  /** Where the catalog of a data dir lives by default. */
  public static Path defaultFile(Path dataDir) {
    return dataDir.resolve(FILE_NAME);
  }

  /**
   * Loads SQLite's native library (the first connection of a process does) and returns how
   * long that took, in nanoseconds: a cost of any query, kept apart from the catalog check.
   */
  public static long loadSqlite() {
    long t0 = System.nanoTime();
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
      return System.nanoTime() - t0;
    } catch (SQLException e) {
      throw new CatalogQueryException("cannot load SQLite: " + SqlErrors.message(e));
    }
  }

  /** Brings the data dir's default catalog up to date. */
  public static ImportReport update(Path dataDir) {
    return update(dataDir, defaultFile(dataDir), ImportProgress.NONE);
  }

  /** Brings {@code catalogFile} up to date with {@code dataDir}, reporting progress. */
  public static ImportReport update(Path dataDir, Path catalogFile, ImportProgress progress) {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("no such data folder: " + dataDir);
    }
    try {
      return new CatalogUpdater(dataDir, catalogFile, progress).run();
    } catch (SQLException e) {
      throw new CatalogQueryException("cannot update the catalog " + catalogFile + ": "
          + SqlErrors.message(e));
    } catch (IOException e) {
      throw new CatalogQueryException("cannot update the catalog " + catalogFile + ": "
          + e.getClass().getSimpleName() + " (" + e.getMessage() + ")");
    }
  }

  /**
   * Runs one read-only statement on the catalog, binding {@code params} to its named
   * parameters ({@code :name}); fails with one line when the statement would write, or with
   * SQLite's message when it cannot run.
   */
  public static QueryResult query(Path catalogFile, String sql, Map<String, String> params) {
    if (!Files.isRegularFile(catalogFile)) {
      throw new CatalogQueryException("no catalog at " + catalogFile
          + "; build it with benchbook catalog");
    }
    BoundSql bound = BoundSql.of(sql, params);
    try (Connection c = CatalogDb.openReadOnly(catalogFile)) {
      String statement = ReadOnlyGuard.check(c, bound.sql());
      long t0 = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        for (int i = 0; i < bound.values().size(); i++) {
          Inserts.bind(ps, i + 1, bound.values().get(i));
        }
        return read(ps, t0);
      }
    } catch (SQLException e) {
      throw SqlErrors.of(e);
    }
  }

  private static QueryResult read(PreparedStatement ps, long t0) throws SQLException {
    boolean hasRows = ps.execute();
    if (!hasRows) {
      return new QueryResult(List.of(), List.of(), List.of(), System.nanoTime() - t0);
    }
    try (ResultSet rs = ps.getResultSet()) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<String> columns = new ArrayList<>(n);
      List<String> types = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        columns.add(md.getColumnLabel(i));
        types.add(declaredType(md, i));
      }
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(row);
      }
      return new QueryResult(columns, types, rows, System.nanoTime() - t0);
    }
  }

  private static String declaredType(ResultSetMetaData md, int column) {
    try {
      String t = md.getColumnTypeName(column);
      return t == null ? "" : t;
    } catch (SQLException e) {
      return "";
    }
  }
}

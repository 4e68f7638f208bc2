package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.sqlite.ProgressHandler;

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

  /** The longest a query may run unless told otherwise: generous, but not unbounded. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Where a data dir's catalog is kept.
   *
   * @param file the catalog file
   * @param note why it is not in the data dir, when it is not
   */
  public record Location(Path file, Optional<String> note) {
  }

  /**
   * The data dir's catalog: {@value #FILE_NAME} inside it, or, when the data dir cannot be
   * written (a read-only mount, another user's folder), a file of its own in the user's cache
   * folder ({@code $XDG_CACHE_HOME/benchbook} or {@code ~/.cache/benchbook}), with a note
   * saying so.
   */
  public static Location locate(Path dataDir) {
    return locate(dataDir, Files::isWritable, cacheHome());
  }

  static Location locate(Path dataDir, Predicate<Path> writable, Path cacheHome) {
    if (!Files.isDirectory(dataDir) || writable.test(dataDir)) {
      return new Location(defaultFile(dataDir), Optional.empty());
    }
    Path abs = dataDir.toAbsolutePath().normalize();
    CRC32 crc = new CRC32();
    crc.update(abs.toString().getBytes(StandardCharsets.UTF_8));
    String name = abs.getFileName() == null ? "root" : abs.getFileName().toString();
    Path file = cacheHome.resolve("benchbook").resolve(String.format(Locale.ROOT,
        "catalog-%s-%08x.db", name.replaceAll("[^A-Za-z0-9._-]", "_"), crc.getValue()));
    return new Location(file, Optional.of("the data folder " + dataDir + " is read-only; its "
        + "catalog is kept at " + file + " (give another with --catalog FILE)"));
  }

  private static Path cacheHome() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg);
    }
    return Path.of(System.getProperty("user.home"), ".cache");
  }

  /** Brings the data dir's catalog (see {@link #locate}) up to date. */
  public static ImportReport update(Path dataDir) {
    Location at = locate(dataDir);
    ImportReport report = update(dataDir, at.file(), ImportProgress.NONE);
    return at.note().map(report::withWarning).orElse(report);
  }

  /**
   * Brings {@code catalogFile} up to date with {@code dataDir}, reporting progress. A catalog
   * SQLite cannot read (damaged, or not a database) is moved aside and rebuilt, with a warning
   * in the report: it is derived from the data dir, so nothing is lost.
   */
  public static ImportReport update(Path dataDir, Path catalogFile, ImportProgress progress) {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("no such data folder: " + dataDir);
    }
    try {
      Path parent = catalogFile.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        Files.createDirectories(parent);
      }
      try {
        return new CatalogUpdater(dataDir, catalogFile, progress).run();
      } catch (SQLException e) {
        if (!Damage.isDamage(e)) {
          throw e;
        }
        return heal(dataDir, catalogFile, progress, e);
      }
    } catch (SQLException e) {
      throw new CatalogQueryException("cannot update the catalog " + catalogFile + ": "
          + SqlErrors.message(e));
    } catch (IOException e) {
      throw new CatalogQueryException("cannot update the catalog " + catalogFile + ": "
          + e.getClass().getSimpleName() + " (" + e.getMessage() + ")");
    }
  }

  private static ImportReport heal(Path dataDir, Path catalogFile, ImportProgress progress,
      SQLException why) throws IOException, SQLException {
    Path aside = Damage.moveAside(catalogFile);
    return new CatalogUpdater(dataDir, catalogFile, progress).run()
        .withWarning(Damage.warning(catalogFile, why, aside));
  }

  /**
   * Rebuilds the catalog from nothing: its tables are emptied inside a write transaction, so a
   * process importing or querying at the same time is waited for (up to the busy timeout)
   * instead of losing its file under it; then everything is imported. A damaged catalog is
   * moved aside first.
   */
  public static ImportReport rebuild(Path dataDir, Path catalogFile, ImportProgress progress) {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("no such data folder: " + dataDir);
    }
    if (Files.exists(catalogFile)) {
      try (Connection c = CatalogDb.openWritable(catalogFile)) {
        CatalogDb.clear(c);
      } catch (SQLException e) {
        if (!Damage.isDamage(e)) {
          throw new CatalogQueryException("cannot rebuild the catalog " + catalogFile + ": "
              + SqlErrors.message(e));
        }
      }
    }
    return update(dataDir, catalogFile, progress);
  }

  /** Runs one read-only statement with the {@linkplain #DEFAULT_TIMEOUT default time limit}. */
  public static QueryResult query(Path catalogFile, String sql, Map<String, String> params) {
    return query(catalogFile, sql, params, DEFAULT_TIMEOUT);
  }

  /**
   * Runs one read-only statement on the catalog, binding {@code params} to its named
   * parameters ({@code :name}); fails with one line when the statement would write, when it
   * runs longer than {@code timeout} (SQLite is interrupted), or with SQLite's message when it
   * cannot run.
   */
  public static QueryResult query(Path catalogFile, String sql, Map<String, String> params,
      Duration timeout) {
    if (!Files.isRegularFile(catalogFile)) {
      throw new CatalogQueryException("no catalog at " + catalogFile
          + "; build it with benchbook catalog");
    }
    BoundSql bound = BoundSql.of(sql, params);
    Deadline deadline = new Deadline(timeout);
    try (Connection c = CatalogDb.openReadOnly(catalogFile)) {
      String statement = ReadOnlyGuard.check(c, bound.sql());
      long t0 = System.nanoTime();
      ProgressHandler.setHandler(c, Deadline.EVERY_OPS, deadline);
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        for (int i = 0; i < bound.values().size(); i++) {
          Inserts.bind(ps, i + 1, bound.values().get(i));
        }
        return read(ps, t0);
      }
    } catch (SQLException e) {
      if (deadline.fired()) {
        throw new CatalogQueryException(deadline.message());
      }
      if (Damage.isDamage(e)) {
        throw new DamagedCatalogException(SqlErrors.of(e).getMessage(), e);
      }
      throw SqlErrors.of(e);
    }
  }

  /**
   * Runs one read-only statement as {@link #query(Path, String, Map, Duration)} does; when the
   * catalog turns out damaged while it runs, moves it aside, rebuilds it from {@code dataDir},
   * passes the one-line warning to {@code warn} and runs the statement again.
   */
  public static QueryResult query(Path dataDir, Path catalogFile, String sql,
      Map<String, String> params, Duration timeout, Consumer<String> warn) {
    try {
      return query(catalogFile, sql, params, timeout);
    } catch (DamagedCatalogException e) {
      try {
        ImportReport rebuilt = heal(dataDir, catalogFile, ImportProgress.NONE, e.cause());
        rebuilt.warnings().forEach(warn);
      } catch (SQLException | IOException again) {
        throw new CatalogQueryException("the catalog " + catalogFile + " is damaged ("
            + e.getMessage() + ") and could not be rebuilt: " + again.getMessage()
            + "; delete it and run benchbook catalog");
      }
      return query(catalogFile, sql, params, timeout);
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

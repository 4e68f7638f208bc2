package dev.benchbook.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Connections to the catalog file and its schema.
 *
 * <p>Writers use WAL, a 60 s busy timeout and one {@code BEGIN IMMEDIATE} transaction per
 * results file, so two importing processes take turns instead of failing with "database is
 * locked", and an interrupted import loses at most the file it was on. {@code synchronous=NORMAL}
 * in WAL mode skips the fsync of every commit but never leaves a damaged file after a crash
 * (SQLite's documented guarantee); the catalog is derived, so losing the last transactions to a
 * power cut only means re-importing those files. Readers open the file read-only with
 * {@code PRAGMA query_only=ON}.
 */
final class CatalogDb {

  /** Version of the catalog schema; a catalog made by another version is rebuilt. */
  static final int SCHEMA_VERSION = 9;
  static final int BUSY_TIMEOUT_MS = 60_000;
  private static final int WAL_ATTEMPTS = 200;
  /** Larger pages than SQLite's 4096 default: fewer b-tree pages per bulk insert. */
  private static final int PAGE_SIZE = 16_384;
  private static final String SCHEMA = "schema.sql";
  /**
   * SQLite's page cache for a writer, KiB. The import appends each run's rows to the end of the
   * b-trees and needs only their right-hand edges cached: 4 MiB imports as fast as 32 MiB
   * did, 60 MB below it in peak resident size (docs/PERFORMANCE.md, Step 17).
   */
  static final int CACHE_KIB = 4_096;

  private CatalogDb() {
  }

  /** A writable connection with the schema in place (created or rebuilt when needed). */
  static Connection openWritable(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-CACHE_KIB);
    Connection c = config.createConnection("jdbc:sqlite:" + file);
    try {
      exec(c, "PRAGMA page_size = " + PAGE_SIZE);
      walMode(c);
      ensureSchema(c);
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /**
   * A connection that only checkpoints the WAL of an existing catalog (no schema work), with the
   * writer's {@code synchronous=NORMAL}: a checkpoint syncs the WAL before it copies frames into
   * the file and the file after, so a crash in the middle loses nothing.
   */
  static Connection openCheckpointer(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setCacheSize(-64);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  /** A read-only connection ({@code SQLITE_OPEN_READONLY} and {@code query_only}). */
  static Connection openReadOnly(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    Connection c = config.createConnection("jdbc:sqlite:" + file);
    exec(c, "PRAGMA query_only = ON");
    return c;
  }

  /** Runs one statement without results. */
  static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** Starts a write transaction, waiting (busy timeout) for another writer to finish. */
  static void begin(Connection c) throws SQLException {
    exec(c, "BEGIN IMMEDIATE");
  }

  /** Commits the open transaction. */
  static void commit(Connection c) throws SQLException {
    exec(c, "COMMIT");
  }

  /** Rolls back the open transaction, if any; never throws. */
  static void rollbackQuietly(Connection c) {
    try {
      exec(c, "ROLLBACK");
    } catch (SQLException ignored) {
      // no transaction was open, or it is already gone: nothing was committed
    }
  }

  /**
   * Switches to WAL. Changing the journal mode needs a moment with no other connection, which
   * the busy handler does not wait for, so a busy answer is retried briefly.
   */
  private static void walMode(Connection c) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
        rs.next();
        return;
      } catch (SQLiteException e) {
        if (!isBusy(e) || attempt >= WAL_ATTEMPTS) {
          throw e;
        }
        sleep(10);
      }
    }
  }

  static boolean isBusy(SQLiteException e) {
    SQLiteErrorCode code = e.getResultCode();
    return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
        || code.name().startsWith("SQLITE_BUSY_");
  }

  private static void sleep(long ms) throws SQLException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the catalog", e);
    }
  }

  /** Creates the schema, or drops and recreates it when another version made the file. */
  private static void ensureSchema(Connection c) throws SQLException {
    if (schemaVersion(c) == SCHEMA_VERSION) {
      return;
    }
    begin(c);
    try {
      int found = schemaVersion(c);
      if (found != SCHEMA_VERSION) {
        dropAll(c);
        for (String statement : schemaStatements()) {
          exec(c, statement);
        }
        seed(c);
      }
      commit(c);
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c);
      throw e;
    }
  }

  /**
   * Empties the catalog inside one write transaction ({@code BEGIN IMMEDIATE} waits for another
   * writer), then gives the space back; another process never sees a half-empty catalog or a
   * deleted file under its open connection.
   */
  static void clear(Connection c) throws SQLException {
    begin(c);
    try {
      dropAll(c);
      for (String statement : schemaStatements()) {
        exec(c, statement);
      }
      seed(c);
      commit(c);
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c);
      throw e;
    }
    try {
      exec(c, "VACUUM");
    } catch (SQLException e) {
      // a reader kept the file busy: the emptied pages are reused by the import instead
      return;
    }
  }

  static int schemaVersion(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
            + "AND name = 'meta'")) {
      rs.next();
      if (rs.getInt(1) == 0) {
        return 0;
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
      return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
    }
  }

  private static void dropAll(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT type, name FROM sqlite_schema WHERE type IN "
            + "('view', 'table') AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table'")) {
      while (rs.next()) {
        tables.add("DROP " + rs.getString(1).toUpperCase(java.util.Locale.ROOT) + " \""
            + rs.getString(2).replace("\"", "\"\"") + "\"");
      }
    }
    for (String drop : tables) {
      exec(c, drop);
    }
  }

  private static void seed(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO outcomes VALUES (?, ?)")) {
      for (dev.benchbook.rows.Outcome o : dev.benchbook.rows.Outcome.values()) {
        ps.setInt(1, o.ordinal());
        ps.setString(2, o.label());
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
      ps.setString(1, "schema_version");
      ps.setString(2, Integer.toString(SCHEMA_VERSION));
      ps.executeUpdate();
    }
  }

  /** The schema's statements, from the {@code schema.sql} resource beside this class. */
  static List<String> schemaStatements() {
    String text = schemaText();
    List<String> out = new ArrayList<>();
    for (List<SqlText.Token> statement : SqlText.statements(text)) {
      out.add(SqlText.source(text, statement));
    }
    return out;
  }

  /**
   * The schema as shipped, comments included, with the raw-rows table and view written from
   * the row columns in place of {@link RowsSchema#MARKER} (docs/CATALOG.md quotes it).
   */
  static String schemaText() {
    try (InputStream in = CatalogDb.class.getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("the catalog schema resource " + SCHEMA
            + " is missing from the build");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!text.contains(RowsSchema.MARKER)) {
        throw new IllegalStateException("the catalog schema resource " + SCHEMA
            + " lacks the line " + RowsSchema.MARKER);
      }
      return text.replace(RowsSchema.MARKER, RowsSchema.statements());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the catalog schema", e);
    }
  }
}

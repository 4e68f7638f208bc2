package dev.benchbook.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh SQLite database in its own temporary folder, removed on close.
 *
 * <p>Its tables come from the workload's {@link Schema}; the built-in one's are
 * {@code files(id, name, state, version, failures)} and the audit table
 * {@code transitions(id, file_id, from_state, to_state, version, worker)}.
 */
public final class Database implements AutoCloseable {

  private final Path dir;
  private final Path file;
  private final SqliteSettings settings;
  private final Schema schema;

  private Database(Path dir, SqliteSettings settings, Schema schema) {
    this.dir = dir;
    this.file = dir.resolve("bench.db");
    this.settings = settings;
    this.schema = schema;
  }

  /** Prefix of every temporary database folder; the owner's process id follows it. */
  public static final String PREFIX = "benchbook-db-pid";

  /**
   * Creates the folder (named after this process, see {@link #removeStale}), the schema and
   * {@code files} rows in the flow's initial state.
   */
  public static Database create(Path parent, SqliteSettings settings, Flow flow, int files)
      throws IOException, SQLException {
    return create(parent, settings, Schema.BUILT_IN, flow, files);
  }

  /**
   * The same with {@code workload}'s schema and seed (and, for the strategies, its writes);
   * {@code flow} gives the initial state.
   */
  public static Database create(Path parent, SqliteSettings settings, WorkloadFile workload,
      Flow flow, int files) throws IOException, SQLException {
    return create(parent, settings, Schema.of(workload), flow, files);
  }

  /** As {@link #create(Path, SqliteSettings, Flow, int)} with a workload's own schema. */
  public static Database create(Path parent, SqliteSettings settings, Schema schema, Flow flow,
      int files) throws IOException, SQLException {
    Path dir = Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
    Database db = new Database(dir, settings, schema);
    try {
      db.initialise(flow, files);
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /**
   * Removes the database folders under {@code parent} left by benchbook processes that are gone
   * (killed runs): only folders named {@code benchbook-db-pid<pid>-...} whose process no longer
   * runs. Returns how many were removed; folders it cannot remove are left alone.
   */
  public static int removeStale(Path parent) throws IOException {
    return removeStale(parent, PREFIX);
  }

  /**
   * The same for any temporary folder named {@code <prefix><pid>-...} after the process that
   * made it (e.g. the forks' folders), removed once that process is gone.
   */
  public static int removeStale(Path parent, String prefix) throws IOException {
    if (!Files.isDirectory(parent)) {
      return 0;
    }
    int removed = 0;
    try (java.util.stream.Stream<Path> list = Files.list(parent)) {
      for (Path dir : list.filter(Files::isDirectory).toList()) {
        java.util.OptionalLong owner = owner(dir.getFileName().toString(), prefix);
        if (owner.isPresent() && !alive(owner.getAsLong()) && deleteTree(dir)) {
          removed++;
        }
      }
    }
    return removed;
  }

  /** The owner pid in a folder name made by {@link #create}, when it is one. */
  static java.util.OptionalLong owner(String name) {
    return owner(name, PREFIX);
  }

  private static java.util.OptionalLong owner(String name, String prefix) {
    if (!name.startsWith(prefix)) {
      return java.util.OptionalLong.empty();
    }
    int dash = name.indexOf('-', prefix.length());
    try {
      return dash < 0 ? java.util.OptionalLong.empty()
          : java.util.OptionalLong.of(Long.parseLong(name.substring(prefix.length(), dash)));
    } catch (NumberFormatException e) {
      return java.util.OptionalLong.empty();
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static boolean deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
      return true;
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /** The schema's CREATE statements, then its seed rows of {@code files} items. */
  private void initialise(Flow flow, int files) throws SQLException {
    try (Connection c = settings.open(file); Statement s = c.createStatement()) {
      for (String create : schema.create()) {
        s.execute(create);
      }
      c.setAutoCommit(false);
      schema.seed(c, flow, files);
      c.commit();
      c.setAutoCommit(true);
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  /** Path of the database file. */
  public Path file() {
    return file;
  }

  /** The workload's schema this database was made with. */
  public Schema schema() {
    return schema;
  }

  /** Settings every connection uses. */
  public SqliteSettings settings() {
    return settings;
  }

  /** Opens a new connection with the run's PRAGMAs. */
  public Connection open() throws SQLException {
    return settings.open(file);
  }

  /** Deletes the database, its WAL and shared-memory files, and the folder. */
  @Override
  public void close() {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      try {
        Files.deleteIfExists(dir.resolve("bench.db" + suffix));
      } catch (IOException ignored) {
        // best effort: a leftover temp file must not hide the run's own error
      }
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // best effort, as above
    }
  }
}

package dev.benchbook.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A fresh SQLite database in its own temporary folder, removed on close, with a workload
 * file's schema and seed rows (the built-in file's: {@code files(id, name, state, version,
 * failures)} and the audit table {@code transitions}).
 */
public final class Database implements AutoCloseable {

  private final Path dir;
  private final Path file;
  private final SqliteSettings settings;
  private final WorkloadFile workload;

  private Database(Path dir, SqliteSettings settings, WorkloadFile workload) {
    this.dir = dir;
    this.file = dir.resolve("bench.db");
    this.settings = settings;
    this.workload = workload;
  }

  /** Prefix of every temporary database folder; the owner's process id follows it. */
  public static final String PREFIX = "benchbook-db-pid";

  /**
   * Creates the folder (named after this process, see {@link #removeStale}), the schema and
   * {@code files} rows in the flow's initial state.
   */
  public static Database create(Path parent, SqliteSettings settings, Flow flow, int files)
      throws IOException, SQLException {
    return create(parent, settings, WorkloadFile.builtIn(), flow, files);
  }

  /**
   * The same with {@code workload}'s schema and seed (and, for the strategies, its writes);
   * {@code flow} gives the initial state.
   */
  public static Database create(Path parent, SqliteSettings settings, WorkloadFile workload,
      Flow flow, int files) throws IOException, SQLException {
    Path dir = Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
    Database db = new Database(dir, settings, workload);
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

  /** The workload file's schema, then one seed row per file in the initial state. */
  private void initialise(Flow flow, int files) throws SQLException {
    WorkloadFile w = workload;
    try (Connection c = settings.open(file); Statement s = c.createStatement()) {
      for (String create : w.schema()) {
        s.execute(create);
      }
      c.setAutoCommit(false);
      List<String> names = NamedSql.names(w.seed());
      try (PreparedStatement p = c.prepareStatement(w.seed())) {
        String initial = flow.states().get(flow.initial());
        for (int i = 0; i < files; i++) {
          for (int k = 0; k < names.size(); k++) {
            if ("file_id".equals(names.get(k))) {
              p.setInt(k + 1, i);
            } else {
              p.setString(k + 1, initial);
            }
          }
          p.addBatch();
        }
        p.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  /** The workload file whose schema, seed, writes and integrity checks this database has. */
  public WorkloadFile workload() {
    return workload;
  }

  /** Path of the database file. */
  public Path file() {
    return file;
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

package dev.benchbook.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test helper: copies of the committed data/, one shared catalog of them, catalog dumps. */
public final class CatalogFixture {

  /** The committed data folder of the project. */
  public static final Path DATA = Path.of("data");
  private static Path shared;

  /**
   * The committed results files (relative to data/) the catalog tests are written against: a
   * fixed set, so a run a user adds to data/ (e.g. ./benchbook phase before mvn verify) does not
   * change the expected answers.
   */
  public static final List<String> COMMITTED = List.of(
      "seed-phase-14/results-mitigation-20260222-114707.json",
      "results-20261126-211822.json", "results-20261126-211822.rows.csv.gz",
      "results-mitigation-20261126-211850.json", "results-mitigation-20261126-211850.rows.csv.gz",
      "contention/results-20261126-210527.json", "contention/results-20261126-210527.rows.csv.gz",
      "contention/results-20261126-210804.json", "contention/results-20261126-210804.rows.csv.gz",
      "contention/results-mitigation-20261126-210911.json",
      "contention/results-mitigation-20261126-210911.rows.csv.gz");

  private CatalogFixture() {
  }

  /**
   * A catalog of a copy of the committed data/, built once per test JVM (and deleted when the
   * JVM exits); its data dir.
   */
  public static synchronized Path sharedDataDir() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("benchbook-catalog-shared");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir),
            "benchbook-catalog-shared-cleanup"));
        copySome(dir, COMMITTED.toArray(String[]::new));
        ImportReport report = Catalog.update(dir);
        if (!report.ok()) {
          throw new IllegalStateException("the committed data/ has bad files: "
              + report.problemLines());
        }
        shared = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** Builds the shared catalog and prints its data dir (a child JVM's view, for the leak test). */
  public static void main(String[] args) {
    System.out.println(sharedDataDir());
  }

  /** Deletes a folder tree, deepest first; best effort (the JVM is exiting). */
  public static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }

  /** The shared catalog file. */
  public static Path sharedCatalog() {
    return Catalog.defaultFile(sharedDataDir());
  }

  /** Copies a folder tree (results files only; no catalog). */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().startsWith(".benchbook-catalog")) {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Copies only the named files (paths relative to data/) into {@code to}. */
  public static void copySome(Path to, String... relative) throws IOException {
    for (String rel : relative) {
      Path target = to.resolve(rel);
      Files.createDirectories(target.getParent());
      Files.copy(DATA.resolve(rel), target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Every table as sorted text lines, with surrogate keys (run_id, config_key) replaced by the
   * file and config they stand for, and import times left out: equal dumps mean the same
   * catalog content whatever order files were imported in.
   */
  public static Map<String, List<String>> dump(Path catalog) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalog)) {
      for (String table : tables(c)) {
        out.put(table, lines(c, dumpSql(c, table)));
      }
    }
    return out;
  }

  /** SHA-256 of the catalog file and of its WAL (when there is one): any write changes it. */
  public static String fingerprint(Path catalog) throws Exception {
    java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
    md.update(Files.readAllBytes(catalog));
    Path wal = Path.of(catalog + "-wal");
    if (Files.exists(wal)) {
      md.update(Files.readAllBytes(wal));
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  private static String dumpSql(Connection c, String table) throws SQLException {
    List<String> cols = new ArrayList<>();
    for (String col : columns(c, table)) {
      if (!col.equals("run_id") && !col.equals("config_key") && !col.equals("imported_at")) {
        cols.add("t." + col);
      }
    }
    List<String> cs = columns(c, table);
    String select = String.join(", ", cols);
    if (table.equals("rows")) {
      return "SELECT k.file, k.config, " + select + " FROM rows t JOIN (SELECT c.config_key, "
          + "r.file, c.config FROM configs c JOIN runs r ON r.run_id = c.run_id) k "
          + "ON k.config_key = t.config_key";
    }
    if (cs.contains("run_id") && !table.equals("runs") && !table.equals("files")) {
      return "SELECT r.file, " + select + " FROM " + table + " t JOIN runs r ON r.run_id = t.run_id";
    }
    if (table.equals("files")) {
      return "SELECT " + select + ", t.run_id IS NULL FROM files t";
    }
    return "SELECT " + select + " FROM " + table + " t";
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT name FROM pragma_table_xinfo('" + table + "')")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static List<String> lines(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          sb.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    out.sort(null);
    return out;
  }
}

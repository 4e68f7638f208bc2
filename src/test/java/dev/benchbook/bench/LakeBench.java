package dev.benchbook.bench;

import dev.benchbook.catalog.Catalog;
import dev.benchbook.catalog.ImportProgress;
import dev.benchbook.catalog.ImportReport;
import dev.benchbook.catalog.Lake;
import dev.benchbook.catalog.LakeReport;
import dev.benchbook.catalog.QueryResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The lake benchmark (docs/PERFORMANCE.md, "Lake"): catalog import, lake export, and P95 per
 * config over every raw row on SQLite and on DuckDB, each query repeated and its median printed.
 *
 * <pre>
 * LakeBench all DATA [reps]         import, export, then both engines (DuckDB first)
 * LakeBench export DATA [reps]      the export alone into a fresh lake, repeated (median):
 *                                   rows from the rows files, -Dlakebench.fromCatalog=true
 *                                   from the catalog
 * LakeBench duckdb LAKE [reps]      the query on DuckDB only, over an existing lake
 * LakeBench sqlite CATALOG [reps]   the query on SQLite only
 * LakeBench multiply LAKE OUT K     a lake with every batch copied K times under new run ids
 * LakeBench grow CATALOG OUT K      a copy of a catalog whose rows table holds every row K times
 *                                   (the same config keys, row_no * K + k), in key order
 * </pre>
 */
public final class LakeBench {

  /** P95 of fsm_net per config over every committed raw row. */
  public static final String P95_PER_CONFIG = "SELECT config_key, count(*) AS n, "
      + "percentile_cont(fsm_net_ns, 0.95) / 1e6 AS p95_ms FROM rows WHERE committed "
      + "GROUP BY config_key";

  private LakeBench() {
  }

  /** See the class comment. */
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path path = Path.of(args[1]);
    int reps = args.length > 2 && !mode.equals("multiply") && !mode.equals("grow")
        ? Integer.parseInt(args[2]) : 3;
    switch (mode) {
      case "all" -> all(path, reps);
      case "export" -> export(path, reps);
      case "duckdb" -> duck(path, reps);
      case "sqlite" -> sqlite(path, reps);
      case "multiply" -> multiply(path, Path.of(args[2]), Integer.parseInt(args[3]));
      case "grow" -> grow(path, Path.of(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException(
          "mode: all, export, duckdb, sqlite, multiply or grow");
    }
  }

  private static void all(Path data, int reps) {
    long t0 = System.nanoTime();
    ImportReport imported = Catalog.update(data);
    print("catalog import", System.nanoTime() - t0, imported.rawRows() + " raw rows");
    Path lake = Lake.defaultDir(data);
    Lake.delete(lake);
    t0 = System.nanoTime();
    LakeReport r = Lake.export(imported.catalog(), data, lake, ImportProgress.NONE);
    print("lake export", System.nanoTime() - t0, r.summary());
    duck(lake, reps);
    sqlite(imported.catalog(), reps);
  }

  private static void export(Path data, int reps) {
    ImportReport imported = Catalog.update(data);
    Path lake = Lake.defaultDir(data);
    boolean fromCatalog = Boolean.getBoolean("lakebench.fromCatalog");
    long[] ns = new long[reps];
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < reps; i++) {
      Lake.delete(lake);
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      LakeReport r = fromCatalog ? Lake.export(imported.catalog(), lake, ImportProgress.NONE)
          : Lake.export(imported.catalog(), data, lake, ImportProgress.NONE);
      ns[i] = System.nanoTime() - t0;
      System.out.printf(Locale.ROOT, "export %d: %.2f s wall, %.2f s CPU; %s; %d runs from "
          + "rows files%n", i + 1, ns[i] / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9,
          r.summary(), r.runsFromRowsFiles());
    }
    long[] sorted = ns.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "lake export (%s) median %.2f s of %d%n",
        fromCatalog ? "from the catalog" : "rows from the rows files",
        sorted[sorted.length / 2] / 1e9, reps);
  }

  private static void duck(Path lake, int reps) {
    long[] ns = new long[reps];
    QueryResult last = null;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      last = Lake.query(lake, P95_PER_CONFIG, Map.of(), new ArrayList<>());
      ns[i] = System.nanoTime() - t0;
    }
    report("duckdb p95 per config", ns, last);
  }

  private static void sqlite(Path catalog, int reps) {
    long[] ns = new long[reps];
    QueryResult last = null;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      last = Catalog.query(catalog, P95_PER_CONFIG, Map.of());
      ns[i] = System.nanoTime() - t0;
    }
    report("sqlite p95 per config", ns, last);
  }

  private static void report(String what, long[] ns, QueryResult last) {
    long rows = 0;
    for (Object[] r : last.rows()) {
      rows += ((Number) r[1]).longValue();
    }
    long[] sorted = ns.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%-24s median %.2f s of %d (all: %s); %d configs, %,d "
        + "committed rows%n", what, sorted[sorted.length / 2] / 1e9, ns.length,
        Arrays.stream(ns).mapToObj(n -> String.format(Locale.ROOT, "%.2f", n / 1e9)).toList(),
        last.size(), rows);
  }

  private static void print(String what, long ns, String detail) {
    System.out.printf(Locale.ROOT, "%-24s %.2f s (%s)%n", what, ns / 1e9, detail);
  }

  /**
   * Writes OUT/.benchbook-catalog.db: a copy of the catalog whose rows table holds each row K
   * times (row_no * K + k, the same config key: each config has K times the rows, as in
   * {@link #multiply}), inserted in primary-key order into a new table (appending to the
   * b-tree; inserting copies into the existing table did not finish in 20 min at 90M rows).
   */
  private static void grow(Path catalog, Path out, int k) throws IOException, SQLException {
    Files.createDirectories(out);
    Path db = out.resolve(Catalog.FILE_NAME);
    Files.copy(catalog, db, StandardCopyOption.REPLACE_EXISTING);
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      String ddl = single(st, "SELECT sql FROM sqlite_schema WHERE name = 'rows'");
      String view = single(st, "SELECT sql FROM sqlite_schema WHERE name = 'row_times'");
      List<String> cols = new ArrayList<>();
      try (var rs = st.executeQuery("PRAGMA table_info(rows)")) {
        while (rs.next()) {
          cols.add(rs.getString("name"));
        }
      }
      String names = String.join(", ", cols);
      String select = names.replace("row_no,", "row_no * " + k + " + k,");
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < k; i++) {
        values.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
      }
      for (String sql : List.of("PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF",
          "PRAGMA cache_size = -500000", "DROP VIEW row_times",
          ddl.replaceFirst("CREATE TABLE rows \\(", "CREATE TABLE rows_big ("),
          "INSERT INTO rows_big (" + names + ") WITH k(k) AS (VALUES " + values + ") SELECT "
              + select + " FROM rows CROSS JOIN k",
          "DROP TABLE rows", "ALTER TABLE rows_big RENAME TO rows", view,
          "UPDATE runs SET raw_rows = raw_rows * " + k)) {
        st.execute(sql);
      }
    }
    print("grow x" + k, System.nanoTime() - t0, db.toString());
  }

  private static String single(Statement st, String sql) throws SQLException {
    try (var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * A copy of a batch file with every run id moved by {@code runShift} and, when asked, every
   * config key by {@code keyShift} (distinct configs).
   */
  private static void shifted(Path from, Path to, long runShift, long keyShift)
      throws IOException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      boolean hasKey;
      try (var rs = st.executeQuery("SELECT count(*) FROM (DESCRIBE SELECT * FROM read_parquet('"
          + from + "')) WHERE column_name = 'config_key'")) {
        rs.next();
        hasKey = rs.getLong(1) > 0 && keyShift != 0;
      }
      st.execute("COPY (SELECT * REPLACE ((run_id + " + runShift + ") & " + Long.MAX_VALUE
          + " AS run_id" + (hasKey ? ", config_key + " + keyShift + " AS config_key" : "")
          + ") FROM read_parquet('" + from + "') ORDER BY run_id) TO '" + to
          + "' (FORMAT parquet, COMPRESSION zstd)");
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  /**
   * Copies every batch of a lake K times under new run ids (a larger lake, same shape): each
   * copy is a batch of its own with every run id moved by {@code i * 7919}. The copies keep
   * their config keys (so each config has K times the rows) unless
   * {@code -Dlakebench.shiftConfigKeys=true}, which moves each copy's keys too.
   */
  private static void multiply(Path lake, Path out, int k) throws IOException {
    boolean shift = Boolean.getBoolean("lakebench.shiftConfigKeys");
    Path manifests = lake.resolve("_benchbook").resolve("batches");
    try (Stream<Path> s = Files.walk(lake)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        Path rel = lake.relativize(f);
        boolean batchFile = rel.getNameCount() == 3
            && rel.getName(1).toString().startsWith("batch=");
        if (!batchFile && !f.getParent().equals(manifests)) {
          Path target = out.resolve(rel.toString());
          Files.createDirectories(target.getParent());
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try (Stream<Path> s = Files.list(manifests)) {
      for (Path m : s.filter(p -> p.toString().endsWith(".batch")).toList()) {
        String id = m.getFileName().toString().replace(".batch", "");
        for (int i = 0; i < k; i++) {
          copyBatch(lake, out, id, i, shift);
        }
      }
    }
    System.out.println("wrote " + out + " (" + k + " copies of every batch)");
  }

  private static void copyBatch(Path lake, Path out, String id, int i, boolean shift)
      throws IOException {
    long runShift = i * 7_919L;
    String copy = id.substring(0, id.lastIndexOf('-') + 1)
        + String.format(Locale.ROOT, "%08x", (id.hashCode() + i) & 0xffffffffL);
    List<Path> tables;
    try (Stream<Path> s = Files.list(lake)) {
      tables = s.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("_")).toList();
    }
    for (Path table : tables) {
      Path from = table.resolve("batch=" + id).resolve("part-0.parquet");
      if (!Files.exists(from)) {
        continue;
      }
      Path to = out.resolve(table.getFileName().toString()).resolve("batch=" + copy)
          .resolve("part-0.parquet");
      Files.createDirectories(to.getParent());
      shifted(from, to, runShift, shift ? i : 0);
    }
    StringBuilder manifest = new StringBuilder();
    for (String line : Files.readAllLines(lake.resolve("_benchbook").resolve("batches")
        .resolve(id + ".batch"))) {
      String[] f = line.split(" ");
      manifest.append(f.length == 3 && f[0].equals("run") ? "run " + ((Long.parseLong(f[1])
          + runShift) & Long.MAX_VALUE) + " " + f[2] : line).append('\n');
    }
    Path target = out.resolve("_benchbook").resolve("batches").resolve(copy + ".batch");
    Files.createDirectories(target.getParent());
    Files.writeString(target, manifest.toString());
  }
}

package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet lake: layout, incremental and idempotent export, crashes, damage, merging. */
class LakeTest {

  private static final String MATRIX = "results-20261126-211822";
  private static final String MITIGATION = "results-mitigation-20261126-211850";

  /** A data dir with the two top-level committed runs and its catalog; returns the catalog. */
  private static Path twoRuns(Path dir) throws IOException {
    CatalogFixture.copySome(dir, MATRIX + ".json", MATRIX + ".rows.csv.gz",
        MITIGATION + ".json", MITIGATION + ".rows.csv.gz");
    assertTrue(Catalog.update(dir).ok());
    return Catalog.defaultFile(dir);
  }

  /** Exports the catalog of the data dir that holds it (raw rows read from the rows files). */
  private static LakeReport export(Path catalog, Path lake) {
    return Lake.export(catalog, catalog.getParent(), lake, ImportProgress.NONE);
  }

  /** Every file of a lake (outside _benchbook) with its modification time. */
  private static Map<String, FileTime> files(Path lake) throws IOException {
    Map<String, FileTime> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(lake)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = lake.relativize(p).toString();
        if (!rel.startsWith(LakeLayout.META)) {
          out.put(rel, Files.getLastModifiedTime(p));
        }
      }
    }
    return out;
  }

  @Test
  void eachRunIsOneHivePartitionPerTableAndASecondExportWritesNothing(@TempDir Path dir)
      throws Exception {
    Path catalog = twoRuns(dir.resolve("data"));
    Path lake = dir.resolve("lake");
    LakeReport first = export(catalog, lake);
    assertEquals(2, first.written());
    assertEquals(65_440 + 13_324, first.rows());
    assertEquals(2, first.runsFromRowsFiles(), "both runs' rows read from their rows files");
    List<Long> ids = LakeLayout.runsPresent(lake);
    assertEquals(2, ids.size());
    // tables with rows for both runs (a matrix has no comparisons: no partition for it there)
    for (String table : List.of("runs", "configs", "segment_stats", "repetitions",
        "repetition_stats", "run_params", "rows", "workers")) {
      for (long id : ids) {
        Path part = LakeLayout.partition(lake, table, id).resolve(LakeLayout.PART);
        assertTrue(Files.isRegularFile(part), part.toString());
        assertTrue(LakeLayout.notParquet(part).isEmpty(), part.toString());
      }
    }
    assertTrue(Files.isRegularFile(lake.resolve("states")
        .resolve("part-" + StateCodes.global("INDEXED") + ".parquet")), "states by global code");
    Map<String, FileTime> before = files(lake);
    Thread.sleep(20);
    LakeReport second = export(catalog, lake);
    assertEquals(0, second.written());
    assertEquals(2, second.kept());
    assertFalse(second.changed());
    assertEquals(before, files(lake), "nothing rewritten");
  }

  @Test
  void aRunRemovedFromTheDataDirLeavesTheLakeAndANewOneArrives(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    Path catalog = twoRuns(data);
    Path lake = dir.resolve("lake");
    export(catalog, lake);
    Files.delete(data.resolve(MATRIX + ".json"));
    Files.delete(data.resolve(MATRIX + ".rows.csv.gz"));
    CatalogFixture.copySome(data, "contention/results-20261126-210527.json",
        "contention/results-20261126-210527.rows.csv.gz");
    Catalog.update(data);
    LakeReport r = export(catalog, lake);
    assertEquals(1, r.removed());
    assertEquals(1, r.written());
    assertEquals(1, r.kept());
    assertEquals(2, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertEquals(0, LakeFixture.count(lake, "SELECT count(*) FROM runs WHERE name = '"
        + MATRIX + "'"));
    assertEquals(0, LakeFixture.count(lake, "SELECT count(*) FROM rows r WHERE NOT EXISTS "
        + "(SELECT 1 FROM configs c WHERE c.config_key = r.config_key)"), "orphan rows");
    for (Path t : LakeLayout.tableDirs(lake)) {
      assertTrue(LakeLayout.partitionIds(t).size() <= 2, t + " holds only the two runs");
    }
  }

  @Test
  void anExportKilledBetweenTwoRenamesIsFinishedByTheNextOne(@TempDir Path dir)
      throws Exception {
    Path catalog = twoRuns(dir.resolve("data"));
    Path lake = dir.resolve("lake");
    export(catalog, lake);
    long id = LakeLayout.runsPresent(lake).get(0);
    // as kill -9 leaves it: a run whose runs partition was not renamed yet, one of whose
    // tables is missing too, and a half-written temporary folder
    LakeLayout.deleteTree(LakeLayout.partition(lake, "runs", id));
    LakeLayout.deleteTree(LakeLayout.partition(lake, "rows", id));
    Path half = LakeLayout.tmp(lake).resolve(Long.toString(id)).resolve("rows");
    Files.createDirectories(half);
    Files.write(half.resolve(LakeLayout.PART), new byte[] {'P', 'A', 'R', '1', 0, 1});
    assertEquals(1, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertEquals(1, LakeFixture.count(lake, "SELECT count(DISTINCT run_id) FROM configs"),
        "DuckDB leaves out the partitions of a run whose runs partition is not in place");
    LakeReport r = export(catalog, lake);
    assertEquals(1, r.written());
    assertFalse(Files.exists(LakeLayout.tmp(lake)), "temporary files removed");
    assertEquals(2, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertEquals(65_440 + 13_324, LakeFixture.count(lake, "SELECT count(*) FROM rows"));
  }

  @Test
  void rowsWrittenFromTheRowsFilesEqualTheCatalogsValueByValue() {
    Path lake = LakeFixture.sharedLake();
    // state codes differ by design (the lake's are global): compare the states' names
    List<String> select = new ArrayList<>();
    for (String c : Catalog.query(CatalogFixture.sharedCatalog(), "SELECT * FROM rows LIMIT 0",
        Map.of()).columns()) {
      select.add(StateCodes.isStateColumn(c) ? "(SELECT name FROM states s WHERE s.state = r."
          + c + ") AS " + c : "r." + c);
    }
    String sql = "SELECT " + String.join(", ", select) + " FROM rows r "
        + "ORDER BY config_key, row_no";
    QueryResult lite = Catalog.query(CatalogFixture.sharedCatalog(), sql, Map.of());
    QueryResult duck = LakeFixture.duck(lake, sql, Map.of());
    assertEquals(lite.columns(), duck.columns());
    assertEquals(lite.size(), duck.size());
    assertTrue(lite.size() > 150_000, "raw rows: " + lite.size());
    for (int i = 0; i < lite.size(); i++) {
      Object[] a = lite.rows().get(i);
      Object[] b = duck.rows().get(i);
      for (int j = 0; j < a.length; j++) {
        if (!java.util.Objects.equals(comparable(a[j]), comparable(b[j]))) {
          throw new AssertionError("row " + i + ", " + lite.columns().get(j) + ": SQLite "
              + a[j] + ", lake " + b[j]);
        }
      }
    }
  }

  /** Integers as longs, booleans as 0/1: how the two engines' values compare. */
  private static Object comparable(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    return v instanceof Number n && !(v instanceof Double) ? n.longValue() : v;
  }

  @Test
  void aRunWhoseRowsFileChangedOrDoesNotParseIsWrittenFromTheCatalog(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    Path catalog = twoRuns(data);
    Path changed = data.resolve(MATRIX + ".rows.csv.gz");
    Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed)
        .toMillis() + 5_000));
    Path garbled = data.resolve(MITIGATION + ".rows.csv.gz");
    FileTime mtime = Files.getLastModifiedTime(garbled);
    byte[] bytes = Files.readAllBytes(garbled);
    java.util.Arrays.fill(bytes, bytes.length / 2, bytes.length / 2 + 64, (byte) 7);
    Files.write(garbled, bytes);
    Files.setLastModifiedTime(garbled, mtime);
    Path lake = dir.resolve("lake");
    LakeReport r = export(catalog, lake);
    assertEquals(2, r.written());
    assertEquals(0, r.runsFromRowsFiles(), "neither file is the one imported, as read");
    assertEquals(65_440 + 13_324, LakeFixture.count(lake, "SELECT count(*) FROM rows"));
    assertFalse(Files.exists(LakeLayout.tmp(lake)), "temporary files removed");
    Path fromCatalog = dir.resolve("lake-catalog");
    assertEquals(0, Lake.export(catalog, fromCatalog, ImportProgress.NONE).runsFromRowsFiles());
    String sum = "SELECT sum(hash(config_key, row_no, rep, worker, file_id, from_state, "
        + "to_state, start_ns, fsm_net_ns, outcome)) FROM rows";
    assertEquals(LakeFixture.duck(fromCatalog, sum, Map.of()).value(0, 0),
        LakeFixture.duck(lake, sum, Map.of()).value(0, 0));
  }

  @Test
  void aLakeWriterKilledMidWriteLeavesNoHalfPartitionAndTheNextExportFinishes(
      @TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    int runs = 6;
    dev.benchbook.bench.CatalogBenchData.main(new String[] {data.toString(),
        CatalogFixture.DATA.toString(), Integer.toString(runs)});
    assertTrue(Catalog.update(data).ok());
    Path lake = dir.resolve("lake");
    Process child = ChildJvm.start(dir, "lake", "lake", "--data-dir", data.toString(),
        "--lake", lake.toString(), "-q");
    Path writing = LakeLayout.tmp(lake).resolve("batch").resolve("rows");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (child.isAlive() && LakeLayout.partitionIds(writing).size() < 2
        && LakeLayout.runsPresent(lake).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertTrue(child.isAlive(), "the export ended before it could be killed: "
        + ChildJvm.err(dir, "lake"));
    child.destroyForcibly();
    assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
    assertTrue(Files.isDirectory(LakeLayout.tmp(lake)), "killed while writing");
    // a reader sees whole runs only: every file is Parquet, every run has all its rows
    List<String> warnings = new ArrayList<>();
    QueryResult present = Lake.query(lake, "SELECT r.run_id, r.raw_rows, (SELECT count(*) "
        + "FROM rows w WHERE w.run_id = r.run_id) FROM runs r", Map.of(), warnings);
    assertEquals(List.of(), warnings);
    for (Object[] run : present.rows()) {
      assertEquals(((Number) run[1]).longValue(), ((Number) run[2]).longValue(),
          "rows of run " + run[0]);
    }
    try (Stream<Path> s = Files.walk(lake)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        if (!lake.relativize(f).startsWith(LakeLayout.META)) {
          assertEquals(java.util.Optional.empty(), LakeLayout.notParquet(f), f.toString());
        }
      }
    }
    LakeReport next = export(Catalog.defaultFile(data), lake);
    assertEquals(runs - present.size(), next.written());
    assertFalse(Files.exists(LakeLayout.tmp(lake)), "temporary files removed");
    assertEquals(runs, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertEquals(runs * 13_324L, LakeFixture.count(lake, "SELECT count(*) FROM rows"));
  }

  @Test
  void aCorruptParquetFileIsNamedTheRestAnswersAndTheNextExportRewritesIt(@TempDir Path dir)
      throws Exception {
    Path catalog = twoRuns(dir.resolve("data"));
    Path lake = dir.resolve("lake");
    export(catalog, lake);
    long bad = ((Number) LakeFixture.duck(lake, "SELECT run_id FROM runs WHERE name = '"
        + MATRIX + "'", Map.of()).value(0, 0)).longValue();
    Path rows = LakeLayout.partition(lake, "rows", bad).resolve(LakeLayout.PART);
    byte[] bytes = Files.readAllBytes(rows);
    Files.write(rows, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    List<String> warnings = new ArrayList<>();
    QueryResult r = Lake.query(lake, "SELECT name FROM runs", Map.of(), warnings);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith(rows.toString() + ": "), warnings.get(0));
    assertTrue(warnings.get(0).contains("truncated"), warnings.get(0));
    assertEquals(1, r.size(), "the damaged run is left out of every table");
    assertEquals(MITIGATION, r.value(0, 0));
    Files.writeString(LakeLayout.partition(lake, "configs", bad).resolve(LakeLayout.PART),
        "not parquet at all");
    LakeReport again = export(catalog, lake);
    assertEquals(1, again.written());
    assertEquals(2, again.repaired().size(), again.repaired().toString());
    assertEquals(2, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
  }

  @Test
  void twoRunnersLakesCopiedIntoOneFolderFormOneLake(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a");
    CatalogFixture.copySome(a, MATRIX + ".json", MATRIX + ".rows.csv.gz");
    Catalog.update(a);
    Path b = dir.resolve("b");
    CatalogFixture.copySome(b, MITIGATION + ".json", MITIGATION + ".rows.csv.gz",
        "contention/results-20261126-210527.json",
        "contention/results-20261126-210527.rows.csv.gz");
    Catalog.update(b);
    export(Catalog.defaultFile(a), a.resolve("lake"));
    export(Catalog.defaultFile(b), b.resolve("lake"));
    Path merged = dir.resolve("merged");
    List<String> clashes = new ArrayList<>();
    for (Path lake : List.of(a.resolve("lake"), b.resolve("lake"))) {
      try (Stream<Path> s = Files.walk(lake)) {
        for (Path f : s.filter(Files::isRegularFile).toList()) {
          Path target = merged.resolve(lake.relativize(f).toString());
          if (Files.exists(target) && !java.util.Arrays.equals(Files.readAllBytes(target),
              Files.readAllBytes(f)) && !lake.relativize(f).startsWith(LakeLayout.META)) {
            clashes.add(lake.relativize(f).toString());
          }
          Files.createDirectories(target.getParent());
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    assertEquals(List.of(), clashes, "no file of one lake replaces a different one");
    assertEquals(3, LakeFixture.count(merged, "SELECT count(DISTINCT run_id) FROM runs"));
    assertEquals(13_324 + 65_440 + 8_000, LakeFixture.count(merged,
        "SELECT count(*) FROM rows"));
    assertEquals(0, LakeFixture.count(merged, "SELECT count(*) FROM rows r "
        + "LEFT JOIN states s ON s.state = r.from_state WHERE s.name IS NULL"),
        "every row's state has one name in the merged lake");
    String p95 = "SELECT config_key, percentile_cont(fsm_net_ns, 0.95) AS p FROM rows "
        + "WHERE committed GROUP BY config_key ORDER BY 1";
    QueryResult fromA = LakeFixture.duck(a.resolve("lake"), p95, Map.of());
    QueryResult all = LakeFixture.duck(merged, p95, Map.of());
    for (int i = 0; i < fromA.size(); i++) {
      int row = all.rows().stream().map(x -> x[0]).toList().indexOf(fromA.value(i, 0));
      assertEquals(fromA.value(i, 1), all.value(row, 1), "P95 of " + fromA.value(i, 0));
    }
    assertEquals(6 + 4 + 5, all.size(), "configs with rows of the three runs");
  }

  @Test
  void statementsThatWriteOrReachOutsideTheLakeAreRefused() {
    Path lake = LakeFixture.sharedLake();
    for (String sql : List.of(
        "COPY (SELECT * FROM runs) TO '/tmp/benchbook-escape.parquet'",
        "COPY runs TO '/tmp/benchbook-escape.csv'",
        "ATTACH '/tmp/benchbook-x.duckdb' AS x",
        "INSTALL httpfs", "LOAD httpfs", "SET threads = 1", "PRAGMA version",
        "CREATE TABLE t AS SELECT 1", "DROP VIEW runs",
        "SELECT 1; SELECT 2",
        "WITH x AS (SELECT 1) INSERT INTO runs SELECT * FROM runs",
        "SELECT * FROM read_csv('/etc/hostname')",
        "SELECT * FROM read_parquet('/tmp/*.parquet')")) {
      CatalogQueryException e = assertThrows(CatalogQueryException.class,
          () -> Lake.query(lake, sql, Map.of(), new ArrayList<>()), sql);
      assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
    assertFalse(Files.exists(Path.of("/tmp/benchbook-escape.parquet")));
    assertEquals(1, LakeFixture.duck(lake, "FROM (SELECT 1 AS x)", Map.of()).size());
  }

  @Test
  void duckDbUsesOnlyExtensionsLinkedIntoTheDriver() throws Exception {
    Path lake = LakeFixture.sharedLake();
    try (var c = DuckDb.open(); var st = c.createStatement()) {
      st.executeQuery("SELECT count(*) FROM read_parquet('" + lake + "/runs/*/*.parquet')")
          .close();
      try (var rs = st.executeQuery("SELECT extension_name, install_mode FROM "
          + "duckdb_extensions() WHERE loaded ORDER BY 1")) {
        List<String> loaded = new ArrayList<>();
        while (rs.next()) {
          loaded.add(rs.getString(1) + " " + rs.getString(2));
        }
        assertTrue(loaded.contains("parquet STATICALLY_LINKED"), loaded.toString());
        assertTrue(loaded.stream().allMatch(l -> l.endsWith("STATICALLY_LINKED")),
            "nothing downloaded or loaded from disk: " + loaded);
      }
      try (var rs = st.executeQuery("SELECT current_setting('autoinstall_known_extensions'), "
          + "current_setting('autoload_known_extensions')")) {
        rs.next();
        assertFalse(rs.getBoolean(1));
        assertFalse(rs.getBoolean(2));
      }
    }
  }
}

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

  /** As {@link #export(Path, Path)} with other batch limits. */
  private static LakeReport export(Path catalog, Path lake, LakeLimits limits) {
    return Lake.export(catalog, java.util.Optional.of(catalog.getParent()), lake,
        ImportProgress.NONE, false, limits);
  }

  /** A data dir whose matrix run was exported first, the mitigation run after: two batches. */
  private static Path twoBatches(Path dir, Path lake) throws IOException {
    CatalogFixture.copySome(dir, MATRIX + ".json", MATRIX + ".rows.csv.gz");
    assertTrue(Catalog.update(dir).ok());
    Path catalog = Catalog.defaultFile(dir);
    assertEquals(1, export(catalog, lake).batches());
    CatalogFixture.copySome(dir, MITIGATION + ".json", MITIGATION + ".rows.csv.gz");
    assertTrue(Catalog.update(dir).ok());
    assertEquals(1, export(catalog, lake).batches());
    assertEquals(2, LakeState.read(lake).committed().size());
    return catalog;
  }

  /** The id of the one committed batch that lists the run named {@code name}. */
  private static String batchOf(Path lake, String name) throws IOException {
    long run = ((Number) LakeFixture.duck(lake, "SELECT run_id FROM runs WHERE name = '" + name
        + "'", Map.of()).value(0, 0)).longValue();
    return LakeState.read(lake).committed().stream().filter(b -> b.runs().containsKey(run))
        .map(LakeBatch::id).findFirst().orElseThrow();
  }

  /** Every batch folder of every table is a committed batch's; no run is listed twice. */
  private static void assertTidy(Path lake) throws IOException {
    LakeState state = LakeState.read(lake);
    assertEquals(java.util.Set.of(), state.uncommitted(), "batch folders without a manifest");
    List<Long> listed = state.committed().stream().flatMap(b -> b.runs().keySet().stream())
        .toList();
    assertEquals(listed.size(), new java.util.HashSet<>(listed).size(), "a run in two batches");
    assertFalse(Files.exists(LakeLayout.tmp(lake)), "temporary files removed");
  }

  /** Row counts of every per-run table, lake against catalog. */
  private static void assertSameCounts(Path catalog, Path lake) {
    for (String t : List.of("runs", "run_params", "configs", "segment_stats", "repetitions",
        "repetition_stats", "workers", "comparisons", "comparison_segments", "rows")) {
      long lite = ((Number) Catalog.query(catalog, "SELECT count(*) FROM " + t, Map.of())
          .value(0, 0)).longValue();
      assertEquals(lite, LakeFixture.count(lake, "SELECT count(*) FROM " + t), t);
    }
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
  void oneExportWritesOneBatchOfOneFilePerTableSortedByRunAndASecondWritesNothing(
      @TempDir Path dir) throws Exception {
    Path catalog = twoRuns(dir.resolve("data"));
    Path lake = dir.resolve("lake");
    LakeReport first = export(catalog, lake);
    assertEquals(2, first.written());
    assertEquals(1, first.batches());
    assertEquals(65_440 + 13_324, first.rows());
    assertEquals(2, first.runsFromRowsFiles(), "both runs' rows read from their rows files");
    List<LakeBatch> batches = LakeState.read(lake).committed();
    assertEquals(1, batches.size());
    LakeBatch batch = batches.get(0);
    assertEquals(2, batch.runs().size());
    assertEquals(65_440 + 13_324, batch.rows());
    // one file per table with rows (a matrix has no comparisons, the mitigation has)
    for (String table : List.of("runs", "configs", "segment_stats", "repetitions",
        "repetition_stats", "run_params", "rows", "workers", "comparisons")) {
      Path part = LakeLayout.batchDir(lake, table, batch.id()).resolve(LakeLayout.PART);
      assertTrue(Files.isRegularFile(part), part.toString());
      assertTrue(LakeLayout.notParquet(part).isEmpty(), part.toString());
      assertTrue(batch.tables().contains(table), table);
    }
    assertTrue(Files.isRegularFile(lake.resolve("states")
        .resolve("part-" + StateCodes.global("INDEXED") + ".parquet")), "states by global code");
    Path rows = LakeLayout.batchDir(lake, "rows", batch.id()).resolve(LakeLayout.PART);
    try (var c = DuckDb.open(); var st = c.createStatement()) {
      String file = DuckDb.literal(rows.toString());
      try (var rs = st.executeQuery("SELECT count(*) FILTER (WHERE (run_id, row_no) <= prev), "
          + "count(DISTINCT run_id) FROM (SELECT run_id, row_no, lag((run_id, row_no)) OVER "
          + "(ORDER BY file_row_number) AS prev FROM read_parquet(" + file
          + ", file_row_number = true))")) {
        rs.next();
        assertEquals(0, rs.getLong(1), "rows sorted by run_id, then row_no");
        assertEquals(2, rs.getLong(2), "run_id is a column of the file");
      }
      try (var rs = st.executeQuery("SELECT count(*) FROM parquet_metadata(" + file + ") "
          + "WHERE path_in_schema = 'run_id' AND stats_min_value IS NOT NULL")) {
        rs.next();
        assertTrue(rs.getLong(1) >= 1, "run_id min/max in the row groups' statistics");
      }
    }
    Map<String, FileTime> before = files(lake);
    Thread.sleep(20);
    LakeReport second = export(catalog, lake);
    assertEquals(0, second.written());
    assertEquals(2, second.kept());
    assertFalse(second.changed());
    assertEquals(before, files(lake), "nothing rewritten");
    assertTidy(lake);
  }

  @Test
  void oneExportSplitsItsRunsIntoBatchesWithinTheRowCap(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    CatalogFixture.copySome(data, MATRIX + ".json", MATRIX + ".rows.csv.gz", MITIGATION
        + ".json", MITIGATION + ".rows.csv.gz", "contention/results-20261126-210527.json",
        "contention/results-20261126-210527.rows.csv.gz");
    assertTrue(Catalog.update(data).ok());
    Path catalog = Catalog.defaultFile(data);
    Path lake = dir.resolve("lake");
    // 13,324 + 8,000 rows exceed 20,000: every run is a batch of its own
    LakeReport r = export(catalog, lake, new LakeLimits(20_000, 500, 16));
    assertEquals(3, r.written());
    assertEquals(3, r.batches());
    for (LakeBatch b : LakeState.read(lake).committed()) {
      assertEquals(1, b.runs().size(), b.toString());
    }
    assertSameCounts(catalog, lake);
    assertTidy(lake);
  }

  @Test
  void exportingOneRunAtATimeMergesSmallBatchesPastTheThreshold(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    Path catalog = Catalog.defaultFile(data);
    Path lake = dir.resolve("lake");
    LakeLimits limits = new LakeLimits(2_000_000, 500, 2);
    List<String[]> runs = List.of(new String[] {MATRIX + ".json", MATRIX + ".rows.csv.gz"},
        new String[] {"contention/results-20261126-210527.json",
            "contention/results-20261126-210527.rows.csv.gz"},
        new String[] {MITIGATION + ".json", MITIGATION + ".rows.csv.gz"});
    List<LakeReport> reports = new ArrayList<>();
    List<Integer> batches = new ArrayList<>();
    for (String[] run : runs) {
      CatalogFixture.copySome(data, run);
      assertTrue(Catalog.update(data).ok());
      reports.add(export(catalog, lake, limits));
      batches.add(LakeState.read(lake).committed().size());
    }
    assertEquals(List.of(1, 2, 1), batches, "two small batches are not more than 2; three are");
    assertEquals(0, reports.get(1).merged());
    assertEquals(3, reports.get(2).merged(), "three small batches merged into one");
    assertTrue(reports.get(2).summary().contains("3 small batches merged"),
        reports.get(2).summary());
    LakeBatch merged = LakeState.read(lake).committed().get(0);
    assertEquals(3, merged.runs().size());
    assertEquals(13_324 + 8_000 + 65_440, merged.rows());
    assertSameCounts(catalog, lake);
    String p95 = "SELECT config_key, percentile_cont(fsm_net_ns, 0.95) AS p FROM rows "
        + "WHERE committed GROUP BY config_key ORDER BY 1";
    EngineEquivalenceTest.assertSameAnswers("P95 per config after a merge",
        Catalog.query(catalog, p95, Map.of()), LakeFixture.duck(lake, p95, Map.of()));
    assertTidy(lake);
    assertFalse(export(catalog, lake, limits).changed(), "one batch: nothing to merge");
  }

  @Test
  void aRunRemovedFromTheDataDirIsRewrittenOutOfItsBatchAndANewOneArrives(@TempDir Path dir)
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
    assertEquals(2, r.batches(), "the new run's batch, and the old batch without the removed run");
    assertEquals(2, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertEquals(0, LakeFixture.count(lake, "SELECT count(*) FROM runs WHERE name = '"
        + MATRIX + "'"));
    assertEquals(0, LakeFixture.count(lake, "SELECT count(*) FROM rows r WHERE NOT EXISTS "
        + "(SELECT 1 FROM configs c WHERE c.config_key = r.config_key)"), "orphan rows");
    assertEquals(2, LakeState.read(lake).committed().size());
    assertSameCounts(catalog, lake);
    assertTidy(lake);
  }

  @Test
  void aBatchKilledBeforeItsManifestIsNotReadAndTheNextExportWritesItsRunsAgain(
      @TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path lake = dir.resolve("lake");
    Path catalog = twoBatches(data, lake);
    // as kill -9 leaves it: the second batch's folders in place, its manifest not written yet,
    // and a half-written batch in the temporary folder
    String second = batchOf(lake, MITIGATION);
    Files.delete(LakeLayout.manifest(lake, second));
    Path half = LakeLayout.tmp(lake).resolve("20270101T000000000Z-x-y").resolve("rows");
    Files.createDirectories(half);
    Files.write(half.resolve(LakeLayout.PART), new byte[] {'P', 'A', 'R', '1', 0, 1});
    assertEquals(1, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertEquals(13_324, LakeFixture.count(lake, "SELECT count(*) FROM rows"),
        "the folders of a batch without its manifest are not read");
    LakeReport r = export(catalog, lake);
    assertEquals(1, r.written());
    assertEquals(1, r.kept());
    assertFalse(Files.exists(LakeLayout.batchDir(lake, "rows", second)), "left-overs deleted");
    assertEquals(2, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertEquals(65_440 + 13_324, LakeFixture.count(lake, "SELECT count(*) FROM rows"));
    assertTidy(lake);
  }

  @Test
  void aRewriteKilledBeforeTheOldBatchWentCountsNoRunTwiceAndTheNextExportFinishesIt(
      @TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path catalog = twoRuns(data);
    Path lake = dir.resolve("lake");
    export(catalog, lake);
    String old = LakeState.read(lake).committed().get(0).id();
    Path saved = dir.resolve("saved");
    CatalogFixture.copy(lake, saved);
    Files.delete(data.resolve(MATRIX + ".json"));
    Catalog.update(data);
    LakeReport rewrite = export(catalog, lake);
    assertEquals(1, rewrite.removed());
    // as kill -9 between the two steps leaves it: the new batch (mitigation only) committed,
    // the old one (matrix and mitigation) not deleted yet
    for (Path t : LakeLayout.tableDirs(saved)) {
      Path from = LakeLayout.batchDir(saved, t.getFileName().toString(), old);
      if (Files.isDirectory(from)) {
        CatalogFixture.copy(from, LakeLayout.batchDir(lake, t.getFileName().toString(), old));
      }
    }
    Files.copy(LakeLayout.manifest(saved, old), LakeLayout.manifest(lake, old));
    assertEquals(2, LakeState.read(lake).committed().size());
    // a reader sees the removed run still (its removal is not finished), and each run once
    assertEquals(2, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertEquals(65_440 + 13_324, LakeFixture.count(lake, "SELECT count(*) FROM rows"));
    assertEquals(LakeFixture.count(lake, "SELECT count(DISTINCT config_key) FROM configs"),
        LakeFixture.count(lake, "SELECT count(*) FROM configs"), "each config once");
    LakeReport next = export(catalog, lake);
    assertTrue(next.changed());
    assertEquals(1, LakeState.read(lake).committed().size());
    assertEquals(1, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertSameCounts(catalog, lake);
    assertTidy(lake);
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
    garbleKeepingSizeAndTime(data.resolve(MITIGATION + ".rows.csv.gz"));
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
  void oneStreamWritesABatchsRowsFilesCheckedAndGivesUpOnAFileThatDoesNotRead(
      @TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path catalog = twoRuns(data);
    try (java.sql.Connection c = CatalogDb.openReadOnly(catalog);
        LakeWriter writer = new LakeWriter(c)) {
      LakeTable rows = LakeSchema.read(c).stream().filter(t -> t.name().equals("rows"))
          .findFirst().orElseThrow();
      List<Long> runs = new ArrayList<>();
      try (var st = c.createStatement(); var rs = st.executeQuery("SELECT run_id FROM runs")) {
        while (rs.next()) {
          runs.add(rs.getLong(1));
        }
      }
      try (RowsFileWriter files = new RowsFileWriter(c, data, rows, writer.duck())) {
        Path out = dir.resolve("stream.parquet");
        Map<Long, Long> written = files.stream(runs, out).get();
        assertEquals(List.of(13_324L, 65_440L), written.values().stream().sorted().toList());
        assertTrue(Files.isRegularFile(out));
        // one file garbled inside (its size and time kept): the scan fails, nothing is left
        garbleKeepingSizeAndTime(data.resolve(MITIGATION + ".rows.csv.gz"));
        Path again = dir.resolve("again.parquet");
        assertEquals(Map.of(), files.stream(runs, again).get());
        assertFalse(Files.exists(again), "no file left when the check fails");
      }
    }
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
    // one run per batch, so the child is killed between batches or inside one
    Process child = ChildJvm.start(dir, "lake", List.of("-Dbenchbook.lake.batchRows=13324"),
        "lake", "--data-dir", data.toString(), "--lake", lake.toString(), "-q");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (child.isAlive() && !(committed(lake) >= 1 && writing(lake))
        && System.nanoTime() < deadline) {
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
    assertTrue(present.size() >= 1 && present.size() < runs, "runs committed: "
        + present.size());
    LakeReport next = export(Catalog.defaultFile(data), lake);
    assertEquals(runs - present.size(), next.written());
    assertEquals(runs, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertEquals(runs * 13_324L, LakeFixture.count(lake, "SELECT count(*) FROM rows"));
    assertTidy(lake);
  }

  /** Manifests in place. */
  private static int committed(Path lake) throws IOException {
    Path dir = LakeLayout.manifests(lake);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return (int) s.filter(p -> LakeLayout.manifestId(p).isPresent()).count();
    }
  }

  /** True while a batch is being written in the temporary folder. */
  private static boolean writing(Path lake) throws IOException {
    try (Stream<Path> s = Files.list(LakeLayout.tmp(lake))) {
      return s.anyMatch(Files::isDirectory);
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
  }

  @Test
  void aCorruptParquetFileIsNamedTheRestAnswersAndTheNextExportRewritesIt(@TempDir Path dir)
      throws Exception {
    Path lake = dir.resolve("lake");
    Path catalog = twoBatches(dir.resolve("data"), lake);
    String bad = batchOf(lake, MATRIX);
    Path rows = LakeLayout.batchDir(lake, "rows", bad).resolve(LakeLayout.PART);
    byte[] bytes = Files.readAllBytes(rows);
    Files.write(rows, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    List<String> warnings = new ArrayList<>();
    QueryResult r = Lake.query(lake, "SELECT name FROM runs", Map.of(), warnings);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith(rows.toString() + ": "), warnings.get(0));
    assertTrue(warnings.get(0).contains("truncated"), warnings.get(0));
    assertTrue(warnings.get(0).contains("the 1 run of batch " + bad + " left out of every "
        + "table"), warnings.get(0));
    assertEquals(1, r.size(), "the damaged batch's run is left out of every table");
    assertEquals(MITIGATION, r.value(0, 0));
    Files.writeString(LakeLayout.batchDir(lake, "configs", bad).resolve(LakeLayout.PART),
        "not parquet at all");
    LakeReport again = export(catalog, lake);
    assertEquals(1, again.written());
    assertEquals(2, again.repaired().size(), again.repaired().toString());
    assertEquals(2, LakeFixture.count(lake, "SELECT count(*) FROM runs"));
    assertSameCounts(catalog, lake);
    assertTidy(lake);
  }

  @Test
  void twoRunnersLakesCopiedIntoOneFolderFormOneLake(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a");
    CatalogFixture.copySome(a, MATRIX + ".json", MATRIX + ".rows.csv.gz");
    Catalog.update(a);
    Path b = dir.resolve("b");
    // the matrix run on both runners (the same results file): read once from the merged lake
    CatalogFixture.copySome(b, MITIGATION + ".json", MITIGATION + ".rows.csv.gz",
        "contention/results-20261126-210527.json",
        "contention/results-20261126-210527.rows.csv.gz", MATRIX + ".json",
        MATRIX + ".rows.csv.gz");
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
    assertEquals(2, LakeState.read(merged).committed().size(), "one batch of each runner");
    assertEquals(3, LakeFixture.count(merged, "SELECT count(*) FROM runs"));
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

  /** Overwrites 64 bytes in the middle of {@code file}, keeping its size and modified time. */
  private static void garbleKeepingSizeAndTime(Path file) throws java.io.IOException {
    FileTime mtime = Files.getLastModifiedTime(file);
    byte[] bytes = Files.readAllBytes(file);
    java.util.Arrays.fill(bytes, bytes.length / 2, bytes.length / 2 + 64, (byte) 7);
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, mtime);
  }
}

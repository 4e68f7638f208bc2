package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.analysis.Fairness;
import dev.benchbook.cli.Cli;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Json;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.RepResult;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.WorkerFairness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental, idempotent import: twice, changed, touched, removed, bad and interrupted files. */
class CatalogImportTest {

  static final String MATRIX = "results-20261126-211822.json";
  static final String MATRIX_ROWS = "results-20261126-211822.rows.csv.gz";
  static final String SEED = "seed-phase-14/results-mitigation-20260222-114707.json";
  /** Four results files, three with raw rows (53,324 rows): enough for a child process to be mid-way. */
  static final String[] SUBSET = {MATRIX, MATRIX_ROWS, SEED,
      "contention/results-20261126-210527.json", "contention/results-20261126-210527.rows.csv.gz",
      "contention/results-mitigation-20261126-210911.json",
      "contention/results-mitigation-20261126-210911.rows.csv.gz"};

  @TempDir
  Path dir;

  private Path small() throws Exception {
    CatalogFixture.copySome(dir, MATRIX, MATRIX_ROWS, SEED);
    return dir;
  }

  @Test
  void importingTwiceChangesNothingAndSaysSo() throws Exception {
    ImportReport first = Catalog.update(small());
    assertEquals(2, first.imported());
    assertEquals(13_324, first.rowsImported());
    Map<String, List<String>> before = CatalogFixture.dump(first.catalog());
    ImportReport second = Catalog.update(dir);
    assertFalse(second.changed());
    assertEquals(2, second.unchanged());
    assertEquals(0, second.rowsImported());
    assertTrue(second.summary().contains("is up to date: 2 runs, 13,324 raw rows"),
        second.summary());
    assertEquals(before, CatalogFixture.dump(first.catalog()));
  }

  @Test
  void aChangedFileIsReimportedATouchedOneIsNotAndARemovedOneVanishes() throws Exception {
    Path catalog = Catalog.update(small()).catalog();
    Path seed = dir.resolve(SEED);
    Files.setLastModifiedTime(seed, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    ImportReport touched = Catalog.update(dir);
    assertEquals(1, touched.touched());
    assertFalse(touched.changed());

    Files.writeString(seed, Files.readString(seed).replace("Reconstructed from", "Rebuilt from"));
    Files.delete(dir.resolve(MATRIX));
    Files.delete(dir.resolve(MATRIX_ROWS));
    ImportReport changed = Catalog.update(dir);
    assertEquals(1, changed.reimported());
    assertEquals(1, changed.removed());
    assertEquals(1, changed.runs());
    assertEquals(0, changed.rawRows());
    assertEquals(List.of(SEED), column(catalog, "SELECT file FROM runs"));
    assertTrue(column(catalog, "SELECT note FROM runs").get(0).contains("Rebuilt"));
    for (String table : List.of("configs", "segment_stats", "repetitions", "repetition_stats",
        "comparisons", "comparison_segments", "run_params")) {
      assertEquals(List.of("0"), column(catalog, "SELECT count(*) FROM " + table
          + " WHERE run_id NOT IN (SELECT run_id FROM runs)"), table + " rows of a removed run");
    }
    assertEquals(List.of("0"), column(catalog, "SELECT count(*) FROM rows"));
    assertEquals(List.of(SEED), column(catalog, "SELECT path FROM files"));
  }

  @Test
  void aCorruptFileIsReportedOnOneLineAndTheGoodOnesAreImportedExit3() throws Exception {
    small();
    Files.writeString(dir.resolve("results-20990101-000000.json"), "{\"schema_version\": 1,");
    Cli.Result r = Cli.run("catalog", "--data-dir", dir.toString());
    r.assertCode(3).assertNoStackTrace();
    List<String> bad = r.errLines();
    assertEquals(1, bad.size(), r::describe);
    assertTrue(bad.get(0).startsWith("benchbook: ") && bad.get(0).contains(
        "results-20990101-000000.json") && bad.get(0).contains("expected"), bad.get(0));
    assertTrue(r.out().contains("2 imported") && r.out().contains("1 bad file(s) skipped"),
        r.describe());
    Path catalog = Catalog.defaultFile(dir);
    assertEquals(List.of(MATRIX, SEED), column(catalog, "SELECT file FROM runs ORDER BY file"));

    Cli.Result again = Cli.run("catalog", "--data-dir", dir.toString());
    again.assertCode(3);
    assertEquals(bad, again.errLines(), "the bad file is reported again without being re-read");
    Files.delete(dir.resolve("results-20990101-000000.json"));
    Cli.run("catalog", "--data-dir", dir.toString()).assertCode(0);
  }

  @Test
  void aKilledImportLeavesAConsistentCatalogThatTheNextCallFinishes() throws Exception {
    CatalogFixture.copySome(dir, SUBSET);
    Process child = ChildJvm.start(dir, "killed", "catalog", "--data-dir", dir.toString(), "-q");
    Thread.sleep(900);
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    Path catalog = Catalog.defaultFile(dir);
    if (Files.exists(catalog)) {
      assertEquals(List.of("ok"), column(catalog, "PRAGMA integrity_check"));
      // The schema is created in one transaction: a kill before its commit leaves a file
      // with no tables, which is consistent too (the next call creates the schema).
      List<String> tables = column(catalog, "SELECT name FROM sqlite_schema WHERE type = "
          + "'table' AND name IN ('files', 'runs') ORDER BY name");
      assertTrue(tables.isEmpty() || tables.equals(List.of("files", "runs")),
          "partial schema after a kill: " + tables);
      if (!tables.isEmpty()) {
        assertEquals(List.of("0"), column(catalog, "SELECT count(*) FROM files f WHERE "
            + "f.run_id IS NOT NULL AND f.run_id NOT IN (SELECT run_id FROM runs)"));
      }
    }
    Catalog.update(dir);
    Path fresh = dir.resolve("fresh.db");
    Catalog.update(dir, fresh, ImportProgress.NONE);
    assertEquals(CatalogFixture.dump(fresh), CatalogFixture.dump(catalog));
  }

  static final String MITIGATION = "contention/results-mitigation-20261126-210911.json";

  /**
   * The committed mitigation file in today's format: clock cost in the manifest, a fork per
   * repetition, a noise floor and setup differences per comparison (fairness from its rows).
   */
  private Path newFormatMitigation() throws Exception {
    CatalogFixture.copySome(dir, MITIGATION, MITIGATION.replace(".json", ".rows.csv.gz"));
    Path json = dir.resolve(MITIGATION);
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(json.toFile());
    ((ObjectNode) root.get("manifest")).put("clock_read_ns", 21.75);
    int fork = 0;
    for (JsonNode rep : root.get("baseline").get("repetitions")) {
      ((ObjectNode) rep).put("fork", fork++);
    }
    for (JsonNode c : root.get("comparisons")) {
      ((ObjectNode) c).put("noise_floor_ms", 0.00125);
      ((ObjectNode) c).putArray("setup_differences").add("jvm: 17.0.9 vs 17.0.10");
    }
    Files.write(json, Json.MAPPER.writeValueAsBytes(root));
    return json;
  }

  @Test
  void fairnessForkClockAndNoiseFloorAreImportedExactlyAsTheReaderLoadsThem() throws Exception {
    Path json = newFormatMitigation();
    Path catalog = Catalog.update(dir).catalog();
    LoadedRun run = Fairness.fill(ResultsReader.load(json, ResultsReader.RowsMode.LOAD)
        .runsOrThrow().get(0));
    assertEquals(List.of("21.75"), column(catalog, "SELECT clock_read_ns FROM runs"));
    int checked = 0;
    for (ConfigResult c : run.run().allConfigs()) {
      assertEquals(fairness(c.fairness().orElseThrow()), fairnessRow(catalog, "configs",
          "config = '" + c.id() + "'"), c.id());
      for (RepResult r : c.repetitions()) {
        String where = "config = '" + c.id() + "' AND rep = " + r.rep();
        assertEquals(fairness(r.fairness().orElseThrow()),
            fairnessRow(catalog, "repetitions", where), where);
        assertEquals(List.of(r.fork().map(String::valueOf).orElse("null")).toString(),
            column(catalog, "SELECT ifnull(fork, 'null') FROM repetitions WHERE " + where)
                .toString(), where);
        checked++;
      }
    }
    assertTrue(checked >= 8, "repetitions checked: " + checked);
    ConfigResult baseline = run.run().baseline().orElseThrow();
    assertEquals(java.util.stream.IntStream.range(0, baseline.repetitions().size())
        .mapToObj(String::valueOf).toList(), column(catalog, "SELECT fork FROM repetitions "
        + "WHERE config = '" + baseline.id() + "' ORDER BY rep"));
    assertEquals(List.of("0"), column(catalog, "SELECT count(fork) FROM repetitions "
        + "WHERE config <> '" + baseline.id() + "'"));
    Comparison first = run.run().allComparisons().get(0);
    assertEquals(List.of("0.00125|[\"jvm: 17.0.9 vs 17.0.10\"]|"
        + first.throughput().ci().orElseThrow().method()), column(catalog, "SELECT "
        + "noise_floor_ms || '|' || setup_differences || '|' || ratio_ci_method "
        + "FROM comparisons WHERE comparison = 0"));
  }

  /** The figures in the catalog's column order, for an exact comparison. */
  private static List<Object> fairness(WorkerFairness f) {
    return List.of(f.minPerWorker(), f.medianPerWorker(), f.maxPerWorker(), f.jainIndex(),
        (long) f.starvedWorkers());
  }

  /** The fairness columns of one row, read with their Java types (no text conversion). */
  private static List<Object> fairnessRow(Path catalog, String table, String where)
      throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalog);
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT "
            + "min_per_worker, median_per_worker, max_per_worker, jain_index, starved_workers "
            + "FROM " + table + " WHERE " + where)) {
      assertTrue(rs.next(), table + " " + where);
      List<Object> row = List.of(rs.getLong(1), rs.getDouble(2), rs.getLong(3),
          rs.getDouble(4), rs.getLong(5));
      assertFalse(rs.next(), table + " " + where);
      return row;
    }
  }

  @Test
  void anOlderFileWithoutTheNewFieldsImportsThemAsNull() throws Exception {
    CatalogFixture.copySome(dir, SEED);
    Path catalog = Catalog.update(dir).catalog();
    assertEquals(List.of("1|0"), column(catalog, "SELECT count(*) || '|' || "
        + "count(clock_read_ns) FROM runs"));
    assertEquals(List.of("2|0|0|0"), column(catalog, "SELECT count(*) || '|' || "
        + "count(jain_index) || '|' || count(starved_workers) || '|' || count(min_per_worker) "
        + "FROM configs"));
    assertEquals(List.of("0|0"), column(catalog, "SELECT count(fork) || '|' || "
        + "count(jain_index) FROM repetitions"));
    assertEquals(List.of("1|0|0"), column(catalog, "SELECT count(*) || '|' || "
        + "count(noise_floor_ms) || '|' || count(ratio_ci_method) FROM comparisons"));
  }

  @Test
  void aCatalogMadeByAnotherSchemaVersionIsRebuiltWithTheNewColumns() throws Exception {
    CatalogFixture.copySome(dir, SEED);
    Path catalog = Catalog.update(dir).catalog();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalog);
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE configs DROP COLUMN jain_index");
      st.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    }
    ImportReport again = Catalog.update(dir);
    assertEquals(1, again.imported(), again.summary());
    assertEquals(List.of(Integer.toString(CatalogDb.SCHEMA_VERSION)), column(catalog,
        "SELECT value FROM meta WHERE key = 'schema_version'"));
    assertEquals(List.of("1"), column(catalog, "SELECT count(*) FROM pragma_table_info('configs') "
        + "WHERE name = 'jain_index'"));
  }

  static List<String> column(Path catalog, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalog);
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}

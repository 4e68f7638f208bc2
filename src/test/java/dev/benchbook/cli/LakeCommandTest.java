package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.catalog.CatalogFixture;
import dev.benchbook.catalog.ImportReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchbook lake} and {@code query --engine duckdb} as a user runs them. */
class LakeCommandTest {

  private static Path data(Path dir) throws Exception {
    Path data = dir.resolve("data");
    CatalogFixture.copySome(data, "results-20261126-211822.json",
        "results-20261126-211822.rows.csv.gz",
        "seed-phase-14/results-mitigation-20260222-114707.json");
    return data;
  }

  @Test
  void lakeWritesThenReportsUpToDateAndDuckDbAnswersAsSqliteDoes(@TempDir Path dir)
      throws Exception {
    Path data = data(dir);
    Cli.Result first = Cli.run("lake", "--data-dir", data.toString()).assertCode(0);
    assertTrue(first.out().contains("2 runs written (13,324 raw rows)"), first.describe());
    assertTrue(Files.isDirectory(data.resolve(".benchbook-lake/rows")));
    Cli.Result second = Cli.run("lake", "--data-dir", data.toString()).assertCode(0);
    assertTrue(second.out().contains("is up to date (2 runs"), second.describe());
    for (String named : List.of("runs", "p95-from-rows", "starvation", "p95-trend")) {
      // markdown rounds reals to 6 digits: the engines may differ in the 16th (the
      // equivalence test compares to 1e-9)
      Cli.Result lite = Cli.run("query", "--data-dir", data.toString(), "--named", named,
          "--format", "markdown").assertCode(0);
      Cli.Result duck = Cli.run("query", "--data-dir", data.toString(), "--engine", "duckdb",
          "--named", named, "--format", "markdown").assertCode(0);
      assertEquals(lite.out(), duck.out(), named);
      assertEquals("", duck.err(), named);
    }
  }

  @Test
  void aNewRunIsInTheLakeOnTheNextDuckDbQuery(@TempDir Path dir) throws Exception {
    Path data = data(dir);
    Cli.run("lake", "--data-dir", data.toString(), "-q").assertCode(0);
    CatalogFixture.copySome(data, "contention/results-20261126-210527.json",
        "contention/results-20261126-210527.rows.csv.gz");
    Cli.Result r = Cli.run("query", "--data-dir", data.toString(), "--engine", "duckdb",
        "--format", "csv", "SELECT count(*) AS runs FROM runs").assertCode(0);
    assertEquals(List.of("runs", "3"), r.out().lines().toList());
  }

  @Test
  void lakeCompactMergesTheSmallBatchesOfOneRunAtATimeExports(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    CatalogFixture.copySome(data, "results-20261126-211822.json",
        "results-20261126-211822.rows.csv.gz");
    Cli.run("lake", "--data-dir", data.toString(), "-q").assertCode(0);
    CatalogFixture.copySome(data, "contention/results-20261126-210527.json",
        "contention/results-20261126-210527.rows.csv.gz");
    Cli.Result second = Cli.run("lake", "--data-dir", data.toString()).assertCode(0);
    assertTrue(second.out().contains("1 runs written (8,000 raw rows)"), second.describe());
    assertEquals(2, batches(data, "rows"));
    Cli.Result compact = Cli.run("lake", "--data-dir", data.toString(), "--compact")
        .assertCode(0);
    assertTrue(compact.out().contains("2 small batches merged; 1 batch written"),
        compact.describe());
    assertEquals(1, batches(data, "rows"));
    assertEquals(1, batches(data, "configs"));
    Cli.Result r = Cli.run("query", "--data-dir", data.toString(), "--engine", "duckdb",
        "--format", "csv", "SELECT count(*) AS runs, (SELECT count(*) FROM rows) AS n FROM runs")
        .assertCode(0);
    assertEquals(List.of("runs,n", "2,21324"), r.out().lines().toList());
    Cli.Result again = Cli.run("lake", "--data-dir", data.toString(), "--compact")
        .assertCode(0);
    assertTrue(again.out().contains("is up to date"), again.describe());
  }

  /** The number of batch folders of a table in the data dir's lake. */
  private static long batches(Path data, String table) throws Exception {
    try (Stream<Path> s = Files.list(data.resolve(".benchbook-lake").resolve(table))) {
      return s.filter(p -> p.getFileName().toString().startsWith("batch=")).count();
    }
  }

  @Test
  void badEngineWriteAndDamageGiveOneLineEach(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    // two exports, two batches: the damage below leaves the second one's run
    CatalogFixture.copySome(data, "results-20261126-211822.json",
        "results-20261126-211822.rows.csv.gz");
    Cli.run("lake", "--data-dir", data.toString(), "-q").assertCode(0);
    CatalogFixture.copySome(data, "seed-phase-14/results-mitigation-20260222-114707.json");
    Cli.run("query", "--data-dir", data.toString(), "--engine", "spark", "SELECT 1")
        .assertCode(2).assertOneErrorLine("--engine must be one of sqlite, duckdb", "spark")
        .assertNoStackTrace();
    Cli.run("query", "--data-dir", data.toString(), "--engine", "duckdb",
        "COPY runs TO '/tmp/x.csv'").assertCode(1)
        .assertOneErrorLine("refused", "COPY").assertNoStackTrace();
    Cli.run("query", "--data-dir", data.toString(), "--engine", "duckdb",
        "SELECT nope FROM runs").assertCode(1).assertOneErrorLine("SQL error (DuckDB)", "nope")
        .assertNoStackTrace();
    Path lake = data.resolve(".benchbook-lake");
    Path victim;
    try (Stream<Path> s = Files.walk(lake.resolve("configs"))) {
      // the older batch: the matrix run's
      victim = s.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst()
          .orElseThrow();
    }
    Files.writeString(victim, "garbage");
    Cli.Result r = Cli.run("query", "--lake", lake.toString(), "--data-dir",
        dir.resolve("elsewhere").toString(), "--engine", "duckdb", "--format", "csv",
        "SELECT count(*) AS n FROM runs").assertCode(0);
    assertEquals(List.of("n", "1"), r.out().lines().toList());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.firstErrLine().startsWith("benchbook: warning: " + victim + ": not Parquet"),
        r.firstErrLine());
    Cli.Result fixed = Cli.run("lake", "--data-dir", data.toString()).assertCode(0);
    assertTrue(fixed.err().contains("rewrote the runs of a damaged batch: " + victim
        + ": not Parquet"), fixed.describe());
    Cli.Result whole = Cli.run("query", "--data-dir", data.toString(), "--engine", "duckdb",
        "--format", "csv", "SELECT count(*) AS n FROM runs").assertCode(0);
    assertEquals(List.of("n", "2"), whole.out().lines().toList());
    assertEquals("", whole.err());
  }

  @Test
  void aLargeSqliteCatalogSuggestsDuckDbInOneLine() {
    StringWriter err = new StringWriter();
    LakeAccess.hintWhenSlow(report(25_000_000L), new PrintWriter(err, true));
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).contains("25,000,000 raw rows") && lines.get(0)
        .contains("--engine duckdb"), lines.get(0));
    StringWriter quiet = new StringWriter();
    LakeAccess.hintWhenSlow(report(1_000_000L), new PrintWriter(quiet, true));
    assertEquals("", quiet.toString());
  }

  private static ImportReport report(long rawRows) {
    return new ImportReport(Path.of("c.db"), 1, 0, 0, 0, 1, 0, 0, 1, rawRows, List.of(), 0, 0,
        0, 0);
  }
}

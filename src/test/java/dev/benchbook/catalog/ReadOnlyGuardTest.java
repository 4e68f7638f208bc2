package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.cli.Cli;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statements that would write are refused before they run; reads run. */
class ReadOnlyGuardTest {

  private static Path catalog() {
    return CatalogFixture.sharedCatalog();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO runs (run_id) VALUES (99)",
      "UPDATE runs SET kind = 'x'",
      "DELETE FROM rows",
      "DROP TABLE runs",
      "ATTACH DATABASE '/tmp/benchbook-attached.db' AS other",
      "DETACH DATABASE other",
      "PRAGMA user_version = 7",
      "PRAGMA query_only = OFF",
      "PRAGMA journal_mode = DELETE",
      "PRAGMA wal_checkpoint",
      "WITH doomed AS (SELECT run_id FROM runs) DELETE FROM runs WHERE run_id IN (SELECT run_id FROM doomed)",
      "WITH x AS (SELECT 1) INSERT INTO meta SELECT 'a', 'b' FROM x",
      "/* SELECT */ DELETE FROM runs",
      "SELECT 1; DELETE FROM runs",
      "REPLACE INTO meta VALUES ('a', 'b')",
      "CREATE TABLE t (x)",
      "CREATE TEMP TABLE t (x)",
      "VACUUM",
      "BEGIN",
      "ANALYZE",
      "REINDEX"})
  void aWritingStatementIsRefusedBeforeItRuns(String sql) throws Exception {
    String before = CatalogFixture.fingerprint(catalog());
    CatalogQueryException e = assertThrows(CatalogQueryException.class,
        () -> Catalog.query(catalog(), sql, Map.of()));
    assertTrue(e.getMessage().startsWith("refused: ") || e.getMessage().startsWith("one statement"),
        e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertEquals(before, CatalogFixture.fingerprint(catalog()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO runs (run_id) VALUES (99)",
      "DELETE FROM rows",
      "DROP TABLE runs",
      "CREATE TEMP TABLE t (x)",
      "ATTACH DATABASE '/tmp/benchbook-attached.db' AS other",
      "PRAGMA user_version = 7"})
  void theCompiledProgramAloneSeesTheWrite(String sql) throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
      CatalogDb.exec(c, "CREATE TABLE runs (run_id INTEGER PRIMARY KEY)");
      CatalogDb.exec(c, "CREATE TABLE rows (x)");
      assertTrue(ReadOnlyGuard.programWrites(c, sql).isPresent(), sql);
      assertTrue(ReadOnlyGuard.programWrites(c, "SELECT * FROM runs ORDER BY run_id DESC")
          .isEmpty());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT count(*) FROM runs",
      "  -- a comment\n select count(*) from runs ; ",
      "WITH n AS (SELECT count(*) AS k FROM runs) SELECT k FROM n",
      "VALUES (1), (2)",
      "EXPLAIN QUERY PLAN SELECT * FROM runs",
      "PRAGMA table_info(runs)",
      "SELECT name FROM pragma_table_info('runs')",
      "SELECT 'DELETE FROM runs; DROP TABLE x' AS text"})
  void aReadRuns(String sql) {
    assertTrue(Catalog.query(catalog(), sql, Map.of()).size() > 0, sql);
  }

  @Test
  void theCliRefusesAWriteWithOneLineAndExit1() {
    Cli.Result r = Cli.run("query", "--data-dir", CatalogFixture.sharedDataDir().toString(),
        "DELETE FROM runs");
    r.assertCode(1).assertNoStackTrace().assertOneErrorLine("refused: DELETE");
    assertEquals("", r.out());
  }

  @Test
  void anSqlErrorIsOneLineWithSqlitesMessage() {
    Cli.Result r = Cli.run("query", "--data-dir", CatalogFixture.sharedDataDir().toString(),
        "SELECT p95 FROM runs");
    r.assertCode(1).assertNoStackTrace()
        .assertOneErrorLine("benchbook: SQL error: no such column: p95");
    Cli.run("query", "--data-dir", CatalogFixture.sharedDataDir().toString(), "SELEC 1")
        .assertCode(1).assertNoStackTrace().assertOneErrorLine("SQL error: near \"SELEC\": "
            + "syntax error");
  }
}

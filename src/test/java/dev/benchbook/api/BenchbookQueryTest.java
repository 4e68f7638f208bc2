package dev.benchbook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.catalog.CatalogFixture;
import dev.benchbook.catalog.ImportReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** The facade's catalog one-liners, as a notebook calls them. */
class BenchbookQueryTest {

  @Test
  void queryReturnsATypedTableOfEveryRun() {
    String dir = CatalogFixture.sharedDataDir().toString();
    Table t = Benchbook.query(dir, "SELECT name, created_at, raw_rows, ceiling_tx_per_s "
        + "FROM runs ORDER BY created_at");
    assertEquals(6, t.rowCount());
    assertEquals(List.of(ColumnType.STRING, ColumnType.INSTANT, ColumnType.INTEGER,
        ColumnType.DOUBLE), t.columns().stream().map(c -> c.type()).toList());
    assertEquals("results-mitigation-20260222-114707", t.stringColumn("name").get(0));
  }

  @Test
  void namedParametersBindByName() {
    Table t = Benchbook.query(CatalogFixture.sharedDataDir().toString(),
        "SELECT config FROM configs JOIN runs USING (run_id) WHERE name = :run ORDER BY position",
        Map.of("run", "results-20261126-211822"));
    assertEquals(List.of("c1-zero", "c1-fast", "c1-realistic", "c10-zero", "c10-fast",
        "c10-realistic"), t.stringColumn("config").asList());
  }

  @Test
  void catalogReportsAnUpToDateCatalog() {
    ImportReport r = Benchbook.catalog(CatalogFixture.sharedDataDir().toString());
    assertTrue(r.ok());
    assertEquals(6, r.runs());
    assertEquals(157_164, r.rawRows());
  }
}

package dev.benchbook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.catalog.CatalogFixture;
import dev.benchbook.catalog.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** {@code Benchbook.query(..., Engine.DUCKDB)} returns the table the SQLite catalog does. */
class BenchbookLakeQueryTest {

  @Test
  void duckDbGivesTheSameTypedTableAsSqlite(@TempDir Path dir) throws Exception {
    CatalogFixture.copySome(dir, "results-20261126-211822.json",
        "results-20261126-211822.rows.csv.gz",
        "seed-phase-14/results-mitigation-20260222-114707.json");
    String sql = "SELECT r.name, r.created_at, r.reconstructed, r.run_id, c.config, "
        + "c.concurrency, s.p95_ms FROM runs r JOIN configs c ON c.run_id = r.run_id "
        + "JOIN segment_stats s ON s.run_id = c.run_id AND s.config = c.config "
        + "WHERE s.segment = :segment ORDER BY r.created_at, c.position";
    Map<String, String> params = Map.of("segment", "lock_wait_ms");
    Table lite = Benchbook.query(dir.toString(), sql, params, Engine.SQLITE);
    Table duck = Benchbook.query(dir.toString(), sql, params, Engine.DUCKDB);
    assertTrue(Files.isDirectory(dir.resolve(".benchbook-lake").resolve("runs")),
        "the lake was written first");
    assertEquals(8, lite.rowCount(), lite.print());
    assertEquals(lite.columnNames(), duck.columnNames());
    assertEquals(types(lite), types(duck));
    assertEquals(List.of("STRING", "INSTANT", "BOOLEAN", "LONG", "STRING", "INTEGER", "DOUBLE"),
        types(lite));
    for (int c = 0; c < lite.columnCount(); c++) {
      for (int r = 0; r < lite.rowCount(); r++) {
        assertEquals(lite.column(c).get(r), duck.column(c).get(r),
            lite.column(c).name() + " row " + r);
      }
    }
  }

  private static List<String> types(Table t) {
    return t.columns().stream().map(c -> c.type().name()).toList();
  }
}

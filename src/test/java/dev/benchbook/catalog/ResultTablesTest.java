package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Query results become Tablesaw tables with one column type per column, from the values. */
class ResultTablesTest {

  private static Table table(String sql) {
    return ResultTables.toTable(Catalog.query(CatalogFixture.sharedCatalog(), sql, Map.of()), "q");
  }

  @Test
  void columnsAreTypedFromTheirValues() {
    Table t = table("SELECT run_id, created_at, kind, raw_rows, ceiling_tx_per_s, reconstructed, "
        + "(SELECT sum(fsm_net_ns) FROM rows) AS total_ns FROM runs ORDER BY created_at");
    // run ids are 63-bit (RunIds), so a LongColumn; raw_rows fit an int
    assertEquals(List.of(ColumnType.LONG, ColumnType.INSTANT, ColumnType.STRING,
        ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.LONG),
        t.columns().stream().map(c -> c.type()).toList());
    assertEquals(6, t.rowCount());
    assertEquals(Instant.parse("2026-02-22T11:45:52Z"), t.instantColumn("created_at").get(0));
    assertEquals(true, t.booleanColumn("reconstructed").get(0));
    assertEquals(1, t.doubleColumn("ceiling_tx_per_s").countMissing(), "the seed has no probe");
  }

  @Test
  void anEmptyResultTakesItsTypesFromTheDeclarations() {
    Table t = table("SELECT run_id, created_at, kind, hold_ms, complete FROM runs WHERE 0");
    assertEquals(List.of(ColumnType.LONG, ColumnType.INSTANT, ColumnType.STRING,
        ColumnType.DOUBLE, ColumnType.BOOLEAN), t.columns().stream().map(c -> c.type()).toList());
  }

  @Test
  void integersMixedWithRealsAreDoublesAndRepeatedLabelsStayDistinct() {
    Table t = table("VALUES (1, 'a', 'a'), (2.5, 'b', 'b')");
    assertEquals(ColumnType.DOUBLE, t.column(0).type());
    assertEquals(List.of("column1", "column2", "column3"), t.columnNames());
    Table same = table("SELECT 1 AS x, 2 AS x");
    assertEquals(List.of("x", "x_2"), same.columnNames());
  }
}

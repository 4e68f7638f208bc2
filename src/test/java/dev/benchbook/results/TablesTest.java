package dev.benchbook.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.bench.SyntheticRows;
import dev.benchbook.rows.Column;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.TestRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class TablesTest {

  @TempDir
  Path dir;

  @Test
  void rowsSurviveTableRoundTripExactly() {
    RawRows rows = Fixtures.rows();
    Table t = RowsTable.toTable(rows, "rows");
    Fixtures.assertSameRows(rows, RowsTable.toRawRows(t));
    RawRows many = SyntheticRows.generate(20_000, 3);
    Fixtures.assertSameRows(many, RowsTable.toRawRows(RowsTable.toTable(many, "many")));
  }

  @Test
  void tableHasTypedColumnsAndMillisecondTwins() {
    Table t = RowsTable.toTable(Fixtures.rows(), "rows");
    assertEquals(8, t.rowCount());
    assertEquals(ColumnType.STRING, t.column("config").type());
    assertEquals(ColumnType.INTEGER, t.column("rep").type());
    assertEquals(ColumnType.LONG, t.column("db_total_ns").type());
    assertEquals(ColumnType.STRING, t.column("outcome").type());
    assertEquals(ColumnType.DOUBLE, t.column("db_total_ms").type());
    assertEquals(41.0, t.doubleColumn("db_total_ms").get(2));
    assertEquals(5.086, t.doubleColumn("total_ms").get(1));
    assertEquals("busy", t.stringColumn("outcome").get(2));
    assertEquals("UPLOADED", t.stringColumn("from_state").get(4));
    assertEquals(Long.MAX_VALUE, t.longColumn("start_ns").get(4));
  }

  @Test
  void tablesawsOwnCsvReaderReadsTheRowsFile() throws IOException {
    Path file = dir.resolve("r.rows.csv.gz");
    RowsCsv.write(Fixtures.rows(), file);
    Table read;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      read = Table.read().csv(CsvReadOptions.builder(in)
          .columnTypes(RowsTable.csvColumnTypes()));
    }
    assertEquals(TestRows.COLUMNS, read.columnNames());
    Table ours = RowsTable.toTable(Fixtures.rows(), "rows");
    for (String c : TestRows.COLUMNS) {
      assertEquals(ours.column(c).type(), read.column(c).type(), c);
      assertEquals(ours.column(c).asList(), read.column(c).asList(), c);
    }
    Fixtures.assertSameRows(Fixtures.rows(), RowsTable.toRawRows(read));
  }

  @Test
  void tablesawReadsTheFileWithTypesItGuesses() throws IOException {
    Path file = dir.resolve("g.rows.csv.gz");
    RowsCsv.write(SyntheticRows.generate(2_000, 5), file);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      Table read = Table.read().csv(CsvReadOptions.builder(in));
      assertEquals(2_000, read.rowCount());
      Fixtures.assertSameRows(RowsCsv.read(file), RowsTable.toRawRows(read));
    }
  }

  @Test
  void tableWithoutARawRowsColumnIsRefusedByName() {
    Table t = RowsTable.toTable(Fixtures.rows(), "rows").removeColumns("worker");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RowsTable.toRawRows(t));
    assertTrue(e.getMessage().startsWith("table rows has no column worker"),
        e.getMessage());
  }

  @Test
  void tableWithoutATimedColumnGivesRowsWithoutIt() {
    Table t = RowsTable.toTable(Fixtures.rows(), "rows").removeColumns("lock_wait_ns");
    RawRows rows = RowsTable.toRawRows(t);
    assertFalse(rows.has(Column.LOCK_WAIT_NS));
    assertEquals(Fixtures.rows().longs(Column.DB_TOTAL_NS)[2],
        rows.longs(Column.DB_TOTAL_NS)[2]);
    Table back = RowsTable.toTable(rows, "back");
    assertFalse(back.columnNames().contains("lock_wait_ns"));
    assertFalse(back.columnNames().contains("lock_wait_ms"));
    assertTrue(back.columnNames().contains("db_total_ms"));
  }

  @Test
  void statsTableHasARowPerRunConfigAndSegment() {
    LoadedRun matrix = new LoadedRun(Path.of("data/results-20260222-114707.json"),
        Fixtures.matrix(), Optional.empty());
    LoadedRun seed = new LoadedRun(Path.of("data/results-mitigation-20260222-114707.json"),
        Fixtures.reconstructedMitigation(), Optional.empty());
    Table t = StatsTable.of(List.of(matrix, seed));
    assertEquals(StatsTable.COLUMNS, t.columnNames());
    assertEquals(2 * 5 + 2, t.rowCount());
    assertEquals("results-20260222-114707", t.stringColumn("run").get(0));
    assertEquals("db_total_ms", t.stringColumn("segment").get(0));
    assertEquals(25.0, t.doubleColumn("p95_ms").get(0));
    assertEquals(2.4, t.doubleColumn("transitions_per_s").get(0));
    assertEquals(10, t.intColumn("concurrency").get(5));
    int seedRow = 10;
    assertEquals("results-mitigation-20260222-114707", t.stringColumn("run").get(seedRow));
    assertEquals("shared-connection", t.stringColumn("strategy").get(seedRow + 1));
    assertEquals(1.27, t.doubleColumn("p95_ms").get(seedRow + 1));
    assertTrue(t.doubleColumn("p50_ms").isMissing(seedRow));
    assertTrue(t.longColumn("count").isMissing(seedRow));
    assertEquals(28638.0, t.doubleColumn("transitions_per_s").get(seedRow + 1));
  }
}

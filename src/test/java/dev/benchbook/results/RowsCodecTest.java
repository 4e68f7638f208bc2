package dev.benchbook.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.analysis.SegmentStatsCalculator;
import dev.benchbook.rows.Column;
import dev.benchbook.rows.RawRows;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The rows codec follows the file's header: fewer timed columns (absent, not zero), columns it
 * does not know (ignored), another column order; and refuses a header without a required
 * column or with a column twice.
 */
class RowsCodecTest {

  @TempDir
  Path dir;

  @Test
  void aFileWithoutSomeTimedColumnsLoadsWithThemAbsent() throws IOException {
    Path file = gz("old.rows.csv.gz",
        "config,rep,worker,file_id,from_state,to_state,start_ns,lock_wait_ns,db_total_ns,"
            + "fsm_net_ns,retries,outcome\n"
            + "c1-zero,0,0,1,PENDING,UPLOADING,0,5000,90000,95000,0,committed\n"
            + "c1-zero,0,1,2,PENDING,UPLOADING,7,1000,3000,4000,2,busy\n");
    RawRows rows = RowsCsv.read(file);
    assertEquals(2, rows.size());
    assertFalse(rows.has(Column.API_NS));
    assertFalse(rows.has(Column.FSM_DISPATCH_NS));
    assertFalse(rows.has(Column.TOTAL_NS));
    assertThrows(IllegalStateException.class, () -> rows.longs(Column.API_NS));
    assertEquals(3000, rows.longs(Column.DB_TOTAL_NS)[1]);
    assertEquals(2, rows.retries()[1]);
    Map<String, SegmentStats> stats = SegmentStatsCalculator.compute(rows, 0);
    assertEquals(java.util.List.of("db_total_ms", "lock_wait_ms", "fsm_net_ms"),
        java.util.List.copyOf(stats.keySet()), "absent segments have no stats, not zeros");
    Table t = RowsTable.toTable(rows, "old");
    assertFalse(t.columnNames().contains("api_ns"));
    assertFalse(t.columnNames().contains("api_ms"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowsCsv.writeTo(rows, out);
    assertEquals("config,rep,worker,file_id,from_state,to_state,start_ns,lock_wait_ns,"
        + "db_total_ns,fsm_net_ns,retries,outcome", gunzip(out.toByteArray()).lines()
        .findFirst().orElseThrow(), "written back with the columns it has");
  }

  @Test
  void unknownColumnsAreIgnoredAndOrderFollowsTheHeader() throws IOException {
    Path file = gz("new.rows.csv.gz",
        "outcome,note,config,rep,worker,file_id,from_state,to_state,start_ns,fsm_dispatch_ns,"
            + "api_ns,lock_wait_ns,db_total_ns,fsm_net_ns,total_ns,retries,gc_pause_ns\n"
            + "committed,any text,c1-zero,0,0,1,PENDING,UPLOADING,0,1200,0,5000,90000,95000,"
            + "95000,0,17\n");
    RawRows rows = RowsCsv.read(file);
    RawRows expected = Fixtures.rows();
    assertEquals(1, rows.size());
    for (Column c : Column.closedLoop()) {
      if (c != Column.ERROR) {
        assertEquals(c == Column.CONFIG ? 0 : expected.get(c, 0), rows.get(c, 0), c.csvKey());
      }
    }
    assertFalse(rows.has(Column.ERROR), "no error column: nothing failed");
    assertEquals(java.util.List.of("c1-zero"), rows.configIds());
  }

  @Test
  void aHeaderWithoutARequiredColumnOrWithOneTwiceIsRefused() throws IOException {
    Path missing = gz("m.rows.csv.gz", "config,rep,worker,file_id,from_state,to_state,"
        + "start_ns,db_total_ns,retries\nc1-zero,0,0,1,A,B,0,1,0\n");
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> RowsCsv.read(missing));
    assertTrue(e.getMessage().endsWith("which lacks outcome"), e.getMessage());
    Path twice = gz("t.rows.csv.gz", RowsCsv.HEADER + ",rep\n");
    e = assertThrows(ResultsFormatException.class, () -> RowsCsv.read(twice));
    assertEquals(twice + ": line 1: expected each column once, found rep twice",
        e.getMessage());
  }

  @Test
  void aRowWithTooFewFieldsNamesTheHeaderWidth() throws IOException {
    Path file = gz("f.rows.csv.gz", "config,rep,worker,file_id,from_state,to_state,start_ns,"
        + "retries,outcome,x\nc1-zero,0,0,1,A,B,0,0,committed\n");
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> RowsCsv.read(file));
    assertEquals(file + ": line 2, column 9 (outcome): expected 10 columns, found 9",
        e.getMessage());
  }

  private Path gz(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static String gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.TestRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw-rows insert: packed and one-bind-per-value paths store exactly the same rows. */
class RowsWriterTest {

  @TempDir
  Path dir;

  /** The largest duration a packed field holds (2^32 - 1 ns, about 4.3 s). */
  private static final long MAX32 = 4_294_967_295L;

  /** Rows near every field's limit of the packed layout, in two configs, out of order. */
  static RawRows edgeRows(long lockWaitNs) {
    RawRows rows = new RawRows(List.of("a", "b"), List.of("NEW", "UPLOADED", "DONE"), 8);
    TestRows.add(rows, 1, 0, 0, 0, 0, 1, 0L, 0, 0, 0, 0, 0, 0, 0, Outcome.COMMITTED);
    TestRows.add(rows, 0, 32_767, 65_535, Integer.MAX_VALUE, 1, 2, Long.MAX_VALUE / 2,
        MAX32, 4_294_967_295L, lockWaitNs, 4_294_967_295L, MAX32, 4_294_967_295L, 255,
        Outcome.CONFLICT);
    TestRows.add(rows, 1, 7, 3, 818, 2, 0, 123_456_789L, 26_640, 1_000_000, 900_000, 1_000_000, 1_336_500,
        2_400_000, 2, Outcome.BUSY);
    return rows;
  }

  @Test
  void packedAndPlainBindsStoreTheSameValues() throws SQLException {
    RawRows rows = edgeRows(MAX32);
    try (Connection c = CatalogDb.openWritable(dir.resolve("c.db"))) {
      assertTrue(PackedRow.fits(rows, new int[] {1, 2, 3}));
      assertEquals(3, RowsWriter.insert(c, 7, Map.of("a", 10L, "b", 11L), rows, true));
      assertEquals(3, RowsWriter.insert(c, 7, Map.of("a", 20L, "b", 21L), rows, false));
      List<List<Long>> packed = read(c, 10, 11);
      assertEquals(read(c, 20, 21), packed);
      List<Long> edge = packed.get(0);
      long done = stateCode(c, "DONE");
      assertEquals(List.of(7L, 32_767L, 65_535L, (long) Integer.MAX_VALUE), edge.subList(1, 5));
      assertEquals(List.of(Long.MAX_VALUE / 2, MAX32, MAX32, MAX32, MAX32, MAX32, MAX32,
          255L, (long) Outcome.CONFLICT.ordinal()), edge.subList(7, 16));
      assertEquals(done, edge.get(6), "to_state is the catalog's code of DONE");
      assertEquals(1L, edge.get(0), "row_no: the row's position in the file");
    }
  }

  @Test
  void directBindsStoreWhatExecuteBatchStores() throws SQLException {
    assertTrue(DirectBinds.available(), "the pinned sqlite-jdbc's bind call is reachable");
    RawRows rows = edgeRows(MAX32);
    try (Connection c = CatalogDb.openWritable(dir.resolve("c.db"))) {
      assertEquals(3, RowsWriter.insert(c, 7, Map.of("a", 10L, "b", 11L), rows, true, true));
      assertEquals(3, RowsWriter.insert(c, 7, Map.of("a", 20L, "b", 21L), rows, true, false));
      assertEquals(3, RowsWriter.insert(c, 7, Map.of("a", 30L, "b", 31L), rows, false, false));
      assertEquals(read(c, 20, 21), read(c, 10, 11));
      assertEquals(read(c, 30, 31), read(c, 10, 11));
    }
  }

  @Test
  void aDirectInsertThatFailsSaysWhyAndLeavesTheConnectionUsable() throws SQLException {
    RawRows rows = edgeRows(MAX32);
    try (Connection c = CatalogDb.openWritable(dir.resolve("c.db"))) {
      RowsWriter.insert(c, 7, Map.of("a", 10L, "b", 11L), rows, true, true);
      SQLException e = assertThrows(SQLException.class,
          () -> RowsWriter.insert(c, 7, Map.of("a", 10L, "b", 11L), rows, true, true));
      assertTrue(e.getMessage().contains("UNIQUE constraint failed: rows.config_key, rows.row_no"),
          e.getMessage());
      assertEquals(3, RowsWriter.insert(c, 7, Map.of("a", 40L, "b", 41L), rows, true, true));
      assertEquals(read(c, 10, 11), read(c, 40, 41));
    }
  }

  @Test
  void aFileWithAValueOutsideThePackedLayoutIsStoredExactly() throws SQLException {
    long fiveSeconds = 5_000_000_000L;
    RawRows rows = edgeRows(fiveSeconds);
    assertFalse(PackedRow.fits(rows, new int[] {1, 2, 3}));
    try (Connection c = CatalogDb.openWritable(dir.resolve("c.db"))) {
      RowsWriter.insert(c, 7, Map.of("a", 10L, "b", 11L), rows);
      assertEquals(fiveSeconds, read(c, 10, 11).get(0).get(10), "lock_wait_ns");
    }
  }

  /** Every row of the two config keys, first column row_no then the rest, key order. */
  private static List<List<Long>> read(Connection c, long keyA, long keyB) throws SQLException {
    List<List<Long>> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT row_no, "
        + "run_id, rep, worker, file_id, from_state, to_state, start_ns, fsm_dispatch_ns, api_ns, "
        + "lock_wait_ns, db_total_ns, fsm_net_ns, total_ns, retries, outcome FROM rows WHERE "
        + "config_key IN (" + keyA + ", " + keyB + ") ORDER BY config_key, row_no")) {
      while (rs.next()) {
        List<Long> row = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
          row.add(rs.getLong(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  private static long stateCode(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT state FROM states WHERE name = '" + name + "'")) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }
}

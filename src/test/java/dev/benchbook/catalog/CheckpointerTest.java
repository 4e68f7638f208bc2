package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.rows.RawRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background checkpoint: what the importer committed reaches the catalog file while the
 * importer's connection stays open and writes on, and nothing is lost or changed by it.
 */
class CheckpointerTest {

  @TempDir
  Path dir;

  @Test
  void committedFramesReachTheCatalogFileWhileTheWriterKeepsWriting() throws Exception {
    Path db = dir.resolve("c.db");
    RawRows rows = RowsWriterTest.edgeRows(5);
    try (Connection c = CatalogDb.openWritable(db);
        Checkpointer checkpointer = new Checkpointer(db)) {
      CatalogDb.exec(c, "PRAGMA wal_autocheckpoint = 0");
      long before = Files.size(db);
      for (int run = 1; run <= 3; run++) {
        CatalogDb.begin(c);
        RowsWriter.insert(c, run, Map.of("a", run * 10L, "b", run * 10L + 1), rows);
        CatalogDb.commit(c);
        checkpointer.afterCommit();
      }
      assertTrue(checkpointer.checkpoints() >= 1, "at least one checkpoint ran");
      long pages = single(c, "PRAGMA page_count");
      long pageSize = single(c, "PRAGMA page_size");
      assertEquals(pages * pageSize, Files.size(db),
          "the catalog file holds every committed page (it held " + before + " bytes before)");
      CatalogDb.begin(c);
      RowsWriter.insert(c, 4, Map.of("a", 40L, "b", 41L), rows);
      CatalogDb.commit(c);
    }
    try (Connection r = CatalogDb.openReadOnly(db)) {
      assertEquals(12, single(r, "SELECT count(*) FROM rows"));
      assertEquals(List.of(10L, 11L, 20L, 21L, 30L, 31L, 40L, 41L), keys(r));
    }
  }

  @Test
  void aCheckpointOfAMissingFileIsLeftToTheImporter() throws Exception {
    try (Checkpointer checkpointer = new Checkpointer(dir.resolve("no/such/dir/c.db"))) {
      checkpointer.afterCommit();
      assertEquals(0, checkpointer.checkpoints());
    }
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Long> keys(Connection c) throws SQLException {
    List<Long> out = new java.util.ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT DISTINCT config_key FROM rows ORDER BY 1")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}

package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stale state or version is a counted conflict that writes nothing, under every strategy. */
class OptimisticCheckTest {

  @TempDir
  Path tmp;

  private static TransitionWrite write(int file, String from, String to, int version) {
    TransitionWrite w = new TransitionWrite();
    w.fileId = file;
    w.fromState = from;
    w.toState = to;
    w.expectedVersion = version;
    w.dbStartNs = System.nanoTime();
    return w;
  }

  private static long count(Database db, String sql) throws Exception {
    try (Connection c = db.open(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"per-worker", "shared-connection", "writer-queue", "backoff"})
  void staleVersionOrStateIsAConflictAndWritesNothing(String strategy) throws Exception {
    try (Database db = Database.create(tmp, SqliteSettings.defaults(), Flow.standard(), 3);
        ConnectionStrategy s = StrategySpec.named(strategy).create(db, 0);
        WriteChannel ch = s.open(0)) {
      TransitionWrite ok = write(1, "PENDING", "UPLOADING", 0);
      ch.apply(ok);
      assertEquals(TransitionWrite.COMMITTED, ok.result);
      TransitionWrite staleVersion = write(1, "UPLOADING", "UPLOADED", 0);
      ch.apply(staleVersion);
      assertEquals(TransitionWrite.CONFLICT, staleVersion.result);
      TransitionWrite staleState = write(2, "UPLOADING", "UPLOADED", 0);
      ch.apply(staleState);
      assertEquals(TransitionWrite.CONFLICT, staleState.result);
      assertEquals(1, count(db, "SELECT count(*) FROM transitions"));
      assertEquals(1, count(db, "SELECT version FROM files WHERE id = 1"));
      assertEquals(0, count(db, "SELECT version FROM files WHERE id = 2"));
    }
  }
}

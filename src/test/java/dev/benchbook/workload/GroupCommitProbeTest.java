package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group-commit probe against the per-transaction probe, on one database shape. */
class GroupCommitProbeTest {

  @TempDir
  Path tmp;

  @Test
  void groupCommitIsPositiveAndAboveThePerTransactionProbe() throws Exception {
    double perTransaction;
    try (Database db = Database.create(tmp, SqliteSettings.defaults(), Flow.standard(), 50)) {
      perTransaction = CeilingProbe.run(db, 50, 0, 150_000_000L);
    }
    try (Database db = Database.create(tmp, SqliteSettings.defaults(), Flow.standard(), 50)) {
      GroupCommitCeiling g = GroupCommitProbe.run(db, 50, 0, 10, 150_000_000L);
      assertEquals(10, g.transitionsPerCommit());
      assertTrue(g.transitionsPerS() > 0);
      assertTrue(g.transitionsPerS() > perTransaction, g.transitionsPerS() + " transitions/s "
          + "in groups of 10 vs " + perTransaction + " one per transaction");
      // every update the probe committed has its audit row, and versions count them
      long audits = Writes.count(db, "SELECT count(*) FROM transitions");
      assertTrue(audits > 0);
      assertEquals(audits, Writes.count(db, "SELECT sum(version) FROM files"));
    }
  }

  @Test
  void moreTransitionsPerCommitThanFilesStillCommitsEveryOne() throws Exception {
    try (Database db = Database.create(tmp, SqliteSettings.defaults(), Flow.standard(), 3)) {
      GroupCommitCeiling g = GroupCommitProbe.run(db, 3, 0, 8, 30_000_000L);
      assertTrue(g.transitionsPerS() > 0);
      assertEquals(Writes.count(db, "SELECT count(*) FROM transitions"),
          Writes.count(db, "SELECT sum(version) FROM files"));
    }
  }

  @Test
  void aGroupBelowOneIsRejected() throws Exception {
    try (Database db = Database.create(tmp, SqliteSettings.defaults(), Flow.standard(), 3)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> GroupCommitProbe.run(db, 3, 0, 0, 1_000_000L));
      assertEquals("group commit size must be >= 1, got 0", e.getMessage());
    }
  }

  @Test
  void onlyTheWriterQueueCommitsInGroupsOfAtMostItsWorkers() {
    assertEquals(10, StrategySpec.named("writer-queue").commitGroup(10));
    assertEquals(128, StrategySpec.named("writer-queue").commitGroup(500));
    for (String other : new String[] {"per-worker", "shared-connection", "backoff"}) {
      assertEquals(0, StrategySpec.named(other).commitGroup(10), other);
    }
  }
}

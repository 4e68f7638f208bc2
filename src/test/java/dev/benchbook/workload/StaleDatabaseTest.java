package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary databases of killed runs are removed; live owners' and unmarked folders are not. */
class StaleDatabaseTest {

  @TempDir
  Path tmp;

  @Test
  void onlyFoldersOfDeadOwnersAreRemoved() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long dead = gone.pid();
    Path stale = Files.createDirectory(tmp.resolve(Database.PREFIX + dead + "-123"));
    Files.writeString(stale.resolve("bench.db"), "left by kill -9");
    Files.writeString(stale.resolve("bench.db-wal"), "wal");
    Path live = Files.createDirectory(tmp.resolve(Database.PREFIX
        + ProcessHandle.current().pid() + "-456"));
    Path unmarked = Files.createDirectory(tmp.resolve("benchbook-db-789"));
    Path other = Files.createDirectory(tmp.resolve("something-else"));
    assertEquals(1, Database.removeStale(tmp));
    assertFalse(Files.exists(stale));
    assertTrue(Files.isDirectory(live));
    assertTrue(Files.isDirectory(unmarked));
    assertTrue(Files.isDirectory(other));
    assertEquals(0, Database.removeStale(tmp));
  }

  @Test
  void aNewDatabaseIsMarkedWithThisProcessAndRemovedOnClose() throws Exception {
    Path dir;
    try (Database db = Database.create(tmp, new SqliteSettings("NORMAL", 5000),
        Flow.standard(), 2)) {
      dir = db.file().getParent();
      assertEquals(OptionalLong.of(ProcessHandle.current().pid()),
          Database.owner(dir.getFileName().toString()));
      assertEquals(0, Database.removeStale(tmp), "a live owner's database stays");
      assertTrue(Files.exists(db.file()));
    }
    assertFalse(Files.exists(dir));
  }

  @Test
  void ownerIsReadOnlyFromMarkedNames() {
    assertEquals(OptionalLong.of(42), Database.owner("benchbook-db-pid42-99"));
    assertEquals(OptionalLong.empty(), Database.owner("benchbook-db-4299"));
    assertEquals(OptionalLong.empty(), Database.owner("benchbook-db-pidx-1"));
  }
}

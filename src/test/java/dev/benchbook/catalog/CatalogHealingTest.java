package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.benchbook.api.Benchbook;
import dev.benchbook.cli.Cli;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derived catalog heals itself: a damaged file is moved aside and rebuilt, a read-only data
 * folder gets a catalog elsewhere, a runaway query stops at its time limit, a rebuild waits for
 * the lock another process holds; and the shared test catalog does not outlive its JVM.
 */
class CatalogHealingTest {

  private static final String RUNS = "SELECT count(*) AS runs, (SELECT count(*) FROM rows) AS "
      + "raw_rows FROM runs";
  private static final List<String> HEALTHY = List.of("runs,raw_rows", "2,13324");

  @TempDir
  Path dir;

  private Path small() throws Exception {
    CatalogFixture.copySome(dir, CatalogImportTest.MATRIX, CatalogImportTest.MATRIX_ROWS,
        CatalogImportTest.SEED);
    return dir;
  }

  private Cli.Result query(String sql, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("query", "--data-dir", dir.toString(),
        "--format", "csv"));
    args.addAll(List.of(more));
    args.add(sql);
    return Cli.run(args.toArray(String[]::new));
  }

  private List<Path> movedAside() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(Catalog.FILE_NAME
          + ".damaged-")).filter(p -> !p.toString().endsWith("-wal")).toList();
    }
  }

  @Test
  void aCatalogOfRandomBytesIsMovedAsideRebuiltAndAnswersWithOneWarning() throws Exception {
    Path catalog = Catalog.defaultFile(small());
    byte[] junk = new byte[64 * 1024];
    new Random(7).nextBytes(junk);
    Files.write(catalog, junk);
    Cli.Result r = query(RUNS).assertCode(0).assertNoStackTrace();
    assertEquals(HEALTHY, r.out().lines().toList());
    List<String> err = r.errLines();
    assertEquals(1, err.size(), r.err());
    assertTrue(err.get(0).startsWith("benchbook: warning: the catalog " + catalog + " was "
        + "damaged (file is not a database); moved it to .benchbook-catalog.db.damaged-"), err.get(0));
    List<Path> aside = movedAside();
    assertEquals(1, aside.size());
    assertTrue(err.get(0).contains(aside.get(0).getFileName() + " and rebuilt it from the data "
        + "folder"), err.get(0));
    assertEquals(junk.length, Files.size(aside.get(0)), "the damaged file is kept as it was");
    query(RUNS).assertCode(0);
    assertEquals("", query(RUNS).err(), "healed once, then quiet");
  }

  @Test
  void aTruncatedCatalogIsHealedToTheSameAnswer() throws Exception {
    Path catalog = Catalog.update(small()).catalog();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalog);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    try (RandomAccessFile f = new RandomAccessFile(catalog.toFile(), "rw")) {
      f.setLength(f.length() / 3);
    }
    Cli.Result r = query(RUNS).assertCode(0).assertNoStackTrace();
    assertEquals(HEALTHY, r.out().lines().toList());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.firstErrLine().contains("was damaged (database disk image is malformed)"),
        r.err());
    assertEquals(1, movedAside().size());
  }

  @Test
  void aRunawayQueryStopsAtItsTimeLimitWithOneLineFromTheCliAndTheFacade() throws Exception {
    small();
    String forever = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
        + "SELECT count(*) FROM r";
    long t0 = System.nanoTime();
    query(forever, "--timeout", "300ms").assertCode(1).assertNoStackTrace()
        .assertOneErrorLine("the query ran longer than its time limit (0.3 s) and was stopped",
            "--timeout");
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20));
    CatalogQueryException e = assertThrows(CatalogQueryException.class,
        () -> Benchbook.query(dir.toString(), forever, Map.of(), Duration.ofMillis(200)));
    assertTrue(e.getMessage().startsWith("the query ran longer than its time limit (0.2 s)"),
        e.getMessage());
    assertEquals(HEALTHY, query(RUNS, "--timeout", "30s").out().lines().toList(),
        "a normal query is unaffected");
    Cli.run("query", "--timeout", "0s", "SELECT 1").assertCode(2).assertNoStackTrace();
  }

  @Test
  void rebuildWaitsForTheLockAnotherProcessHoldsInsteadOfDeletingTheFileUnderIt()
      throws Exception {
    Path catalog = Catalog.update(small()).catalog();
    long inode = inode(catalog);
    CompletableFuture<Cli.Result> rebuild;
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + catalog);
        Statement st = other.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      rebuild = CompletableFuture.supplyAsync(() -> Cli.run("catalog", "--data-dir",
          dir.toString(), "--rebuild", "-q"));
      Thread.sleep(700);
      assertFalse(rebuild.isDone(), "the rebuild did not wait for the other writer");
      assertTrue(Files.exists(catalog), "the catalog was deleted under an open transaction");
      assertEquals(inode, inode(catalog));
      st.execute("COMMIT");
    }
    rebuild.get(60, TimeUnit.SECONDS).assertCode(0);
    assertEquals(inode, inode(catalog), "rebuilt in place, under the lock");
    assertEquals(HEALTHY, query(RUNS).out().lines().toList());
  }

  @Test
  void aReadOnlyDataFolderGetsItsCatalogInTheCacheFolderSaidInOneLine() throws Exception {
    Path cache = dir.resolve("cache");
    Catalog.Location at = Catalog.locate(small(), p -> false, cache);
    assertTrue(at.file().startsWith(cache.resolve("benchbook")), at.file().toString());
    assertEquals(Catalog.locate(dir, p -> false, cache), at, "the same folder, the same file");
    assertTrue(at.note().orElseThrow().contains("is read-only; its catalog is kept at "
        + at.file() + " (give another with --catalog FILE)"), at.note().get());
    assertEquals(Catalog.defaultFile(dir), Catalog.locate(dir, p -> true, cache).file());
    assertTrue(Catalog.locate(dir, p -> true, cache).note().isEmpty());
  }

  @Test
  void aReallyReadOnlyDataFolderIsQueriedWithoutWritingIntoIt() throws Exception {
    Path source = Files.createDirectories(dir.resolve("source"));
    CatalogFixture.copySome(source, CatalogImportTest.MATRIX, CatalogImportTest.MATRIX_ROWS,
        CatalogImportTest.SEED);
    Path ro = Files.createDirectories(dir.resolve("ro"));
    boolean mounted = run("mount", "--bind", source.toString(), ro.toString())
        && run("mount", "-o", "remount,ro,bind", ro.toString());
    assumeTrue(mounted && !Files.isWritable(ro), "a read-only bind mount needs root");
    try {
      Cli.Result r = Cli.run("query", "--data-dir", ro.toString(), "--format", "csv", RUNS);
      r.assertCode(0);
      assertEquals(HEALTHY, r.out().lines().toList());
      assertTrue(r.firstErrLine().startsWith("benchbook: note: the data folder " + ro
          + " is read-only; its catalog is kept at "), r.err());
      assertFalse(Files.exists(Catalog.defaultFile(source)), "nothing written into the data");
      Path kept = Catalog.locate(ro).file();
      assertTrue(Files.exists(kept), kept.toString());
      Files.deleteIfExists(kept);
      Files.deleteIfExists(Path.of(kept + "-wal"));
      Files.deleteIfExists(Path.of(kept + "-shm"));
    } finally {
      if (mounted) {
        run("umount", ro.toString());
      }
    }
  }

  private static boolean run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @Test
  void theSharedTestCatalogIsDeletedWhenItsJvmExits() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Process p = ChildJvm.startMain(dir, "fixture", CatalogFixture.class.getName(),
        List.of("-Djava.io.tmpdir=" + tmp));
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
    assertEquals(0, p.exitValue(), ChildJvm.err(dir, "fixture"));
    Path made = Path.of(Files.readString(dir.resolve("fixture.out")).strip());
    assertTrue(made.startsWith(tmp), made.toString());
    assertFalse(Files.exists(made), "the shared catalog folder outlived its JVM");
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList());
    }
  }

  private static long inode(Path p) throws Exception {
    return ((Number) Files.getAttribute(p, "unix:ino")).longValue();
  }
}

package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes updating one catalog at once neither fail nor corrupt it. */
class ConcurrentImportTest {

  @TempDir
  Path dir;

  @Test
  void twoProcessesImportingAtOnceBothSucceedAndBuildTheSameCatalogAsOne() throws Exception {
    CatalogFixture.copySome(dir, CatalogImportTest.SUBSET);
    Process a = ChildJvm.start(dir, "a", "catalog", "--data-dir", dir.toString());
    Process b = ChildJvm.start(dir, "b", "query", "--data-dir", dir.toString(),
        "SELECT count(*) AS runs FROM runs");
    assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
    String errA = ChildJvm.err(dir, "a");
    String errB = ChildJvm.err(dir, "b");
    assertEquals(0, a.exitValue(), errA);
    assertEquals(0, b.exitValue(), errB);
    assertFalse((errA + errB).toLowerCase().contains("locked"), errA + errB);
    assertTrue(java.nio.file.Files.readString(dir.resolve("b.out")).lines()
        .map(String::strip).anyMatch("4"::equals),
        "the query process saw every run");
    Path catalog = Catalog.defaultFile(dir);
    assertEquals(List.of("ok"), CatalogImportTest.column(catalog, "PRAGMA integrity_check"));
    Path alone = dir.resolve("alone.db");
    Catalog.update(dir, alone, ImportProgress.NONE);
    assertEquals(CatalogFixture.dump(alone), CatalogFixture.dump(catalog));
  }
}

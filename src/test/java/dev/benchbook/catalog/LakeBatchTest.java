package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch ids and manifests of the lake. */
class LakeBatchTest {

  private static final String SOURCE = "3fa4c1d29b0e77aa";

  @Test
  void idsAreUtcTimeSourceAndRandomAndSortAfterTheNewestEvenWhenTheClockIsBehind() {
    Instant now = Instant.parse("2026-12-03T11:05:12.042Z");
    String id = LakeBatch.newId(SOURCE, Optional.empty(), now);
    assertTrue(id.matches("20261203T110512042Z-3fa4c1d2-[0-9a-f]{8}"), id);
    assertTrue(LakeBatch.madeBy(id, SOURCE));
    assertFalse(LakeBatch.madeBy(id, "0000000000000000"));
    assertNotEquals(id, LakeBatch.newId(SOURCE, Optional.empty(), now), "random suffix");
    String later = "20261203T120000000Z-aaaaaaaa-00000000";
    String next = LakeBatch.newId(SOURCE, Optional.of(later), now);
    assertTrue(next.startsWith("20261203T120000001Z-"), next);
    assertTrue(next.compareTo(later) > 0);
    assertTrue(LakeBatch.newId(SOURCE, Optional.of("foreign"), now).startsWith(
        "20261203T110512042Z-"), "an id of another form does not hold the clock back");
  }

  @Test
  void aManifestReadsBackAsWrittenAndAForeignFileIsNotOne(@TempDir Path dir) throws Exception {
    Map<Long, Long> runs = new LinkedHashMap<>();
    runs.put(42L, 13_324L);
    runs.put(7L, 0L);
    LakeBatch b = new LakeBatch("20261203T110512042Z-3fa4c1d2-00000001", SOURCE, runs,
        java.util.Set.of("runs"));
    Path f = dir.resolve(b.id() + ".batch");
    Files.writeString(f, b.text());
    LakeBatch back = LakeBatch.read(b.id(), f).orElseThrow();
    assertEquals(b, back);
    assertEquals(List.of(42L, 7L), List.copyOf(back.runs().keySet()), "order kept");
    assertEquals(13_324L, back.rows());
    for (String junk : List.of("", "source x\nrun 1\n", "source x\nrun a 1\n", "hello\n")) {
      Files.writeString(f, junk);
      assertEquals(Optional.empty(), LakeBatch.read(b.id(), f), junk);
    }
  }
}

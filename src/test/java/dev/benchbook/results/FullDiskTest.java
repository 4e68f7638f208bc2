package dev.benchbook.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.TinyTmpfs;
import dev.benchbook.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement survives a full disk: the free space is checked before measuring, and a write
 * that still fails keeps the results in a fallback folder named in the message.
 */
class FullDiskTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-22T11:47:07Z"), ZoneOffset.UTC);
  private static final String ENOSPC = "No space left on device";

  @TempDir
  Path dir;

  /** A writer into {@code data} whose disk fills up at {@code step}, as a full disk would. */
  private static ResultsWriter fullAt(Path data, String step) {
    return new ResultsWriter(data, CLOCK, at -> {
      if (at.equals(step)) {
        throw new IOException(ENOSPC);
      }
    });
  }

  private static List<String> names(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void resultsThatTheDataFolderRefusesAreKeptInTheFallbackNeverDiscarded() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path kept = dir.resolve("kept");
    for (String step : List.of("rows-temp-written", "json-temp-written")) {
      ResultsWriter.Outcome o = fullAt(data, step).writeOrKeep(Fixtures.matrix(),
          Optional.of(Fixtures.rows()), Optional.empty(), List.of(kept));
      assertTrue(o.kept(), step);
      assertEquals(Optional.of(ENOSPC), o.failure());
      assertEquals(kept, o.written().json().getParent());
      assertEquals(List.of(), names(data), "no half-written file in the data folder");
      LoadedRun back = ResultsReader.read(o.written().json(), ResultsReader.RowsMode.LOAD);
      Fixtures.assertSameRows(Fixtures.rows(), back.rows().orElseThrow());
    }
    assertEquals(4, names(kept).size(), "both runs kept, neither overwrote the other");
  }

  @Test
  void aDataFolderThatTakesTheFilesIsUsedAsAlways() throws IOException {
    Path data = dir.resolve("data");
    ResultsWriter.Outcome o = new ResultsWriter(data, CLOCK).writeOrKeep(Fixtures.matrix(),
        Optional.of(Fixtures.rows()), Optional.empty(), List.of(dir.resolve("kept")));
    assertTrue(!o.kept());
    assertEquals(data, o.written().json().getParent());
    assertEquals(List.of(), names(dir.resolve("kept")));
  }

  @Test
  void whenNoFolderTakesThemTheMessageSaysWhereItTried() throws IOException {
    Path blocker = Files.writeString(dir.resolve("a-file"), "");
    IOException e = assertThrows(IOException.class, () -> fullAt(dir.resolve("data"),
        "rows-temp-written").writeOrKeep(Fixtures.matrix(), Optional.of(Fixtures.rows()),
        Optional.empty(), List.of(blocker.resolve("kept"))));
    assertTrue(e.getMessage().startsWith("cannot write the results into " + dir.resolve("data")
        + " (" + ENOSPC + ") nor into " + blocker.resolve("kept")), e.getMessage());
  }

  @Test
  void theFreeSpaceCheckRefusesARunTheFolderCannotHold() throws IOException {
    long rows = 19_632;
    long needed = ResultsWriter.expectedBytes(rows, 6);
    assertEquals(rows * ResultsWriter.ROW_BYTES + 7 * ResultsWriter.CONFIG_JSON_BYTES, needed);
    IOException e = assertThrows(IOException.class,
        () -> ResultsWriter.checkSpace(dir, needed, rows, "data folder", 200 * 1024));
    assertEquals("data folder " + dir + ": 200 KB free, this run writes about 1.4 MB (19,632 "
        + "raw rows); free some space or choose another --data-dir (nothing was measured)",
        e.getMessage());
    ResultsWriter.checkSpace(dir, needed, rows, "data folder", needed);
  }

  @Test
  void aRealFullTmpfsIsRefusedBeforeMeasuring() throws Exception {
    try (TinyTmpfs full = TinyTmpfs.under(dir)) {
      Path mount = full.path();
      long t0 = System.nanoTime();
      Cli.Result r = Cli.run("run", "--data-dir", mount.toString(), "--no-report",
          "--profile", "zero", "--concurrency", "1,10", "--files", "818", "-q");
      r.assertCode(1).assertNoStackTrace().assertOneErrorLine("data folder " + mount
          + ": 200 KB free, this run writes about", "nothing was measured");
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "refused up front");
      assertEquals(List.of(), names(mount));
    }
  }
}

package dev.benchbook.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.TestRows;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultsWriterTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-22T11:47:07Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void writesRowsAndJsonUnderTimestampNames() throws IOException {
    ResultsWriter.Written w = new ResultsWriter(dir, CLOCK).write(Fixtures.matrix(),
        Fixtures.rows());
    assertEquals(dir.resolve("results-20260222-114707.json"), w.json());
    assertEquals(Optional.of(dir.resolve("results-20260222-114707.rows.csv.gz")), w.rows());
    assertEquals(List.of("results-20260222-114707.json", "results-20260222-114707.rows.csv.gz"),
        names());
    LoadedRun back = ResultsReader.read(w.json(), ResultsReader.RowsMode.LOAD);
    assertEquals(Optional.of("results-20260222-114707.rows.csv.gz"), back.run().rowsFile());
    Fixtures.assertSameRows(Fixtures.rows(), back.rows().orElseThrow());
  }

  @Test
  void mitigationKindGetsItsPrefixAndNoRowsFileWithoutRows() throws IOException {
    ResultsWriter.Written w = new ResultsWriter(dir, CLOCK).write(
        Fixtures.reconstructedMitigation());
    assertEquals("results-mitigation-20260222-114707.json", w.json().getFileName().toString());
    assertEquals(Optional.empty(), w.rows());
    assertFalse(Files.readString(w.json()).contains("rows_file"));
  }

  @Test
  void existingFileIsNeverOverwrittenTheNextSecondIsUsed() throws IOException {
    Path taken = dir.resolve("results-20260222-114707.json");
    Files.writeString(taken, "someone else's file");
    Files.writeString(dir.resolve("results-20260222-114708.rows.csv.gz"), "another");
    ResultsWriter.Written w = new ResultsWriter(dir, CLOCK).write(Fixtures.matrix(),
        Fixtures.rows());
    assertEquals("someone else's file", Files.readString(taken));
    assertEquals("another", Files.readString(dir.resolve("results-20260222-114708.rows.csv.gz")));
    assertEquals(dir.resolve("results-20260222-114709.json"), w.json());
    assertEquals(Optional.of("results-20260222-114709.rows.csv.gz"),
        ResultsReader.read(w.json()).run().rowsFile());
  }

  @Test
  void failsClearlyWhenEveryNameWithinAMinuteIsTaken() throws IOException {
    for (int s = 0; s <= ResultsWriter.MAX_SECONDS_AHEAD; s++) {
      Files.writeString(dir.resolve(ResultsWriter.stem("matrix",
          java.time.LocalDateTime.of(2026, 2, 22, 11, 47, 7).plusSeconds(s)) + ".json"), "x");
    }
    List<String> before = names();
    FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
        () -> new ResultsWriter(dir, CLOCK).write(Fixtures.matrix(), Fixtures.rows()));
    assertTrue(e.getMessage().contains("not overwriting"), e.getMessage());
    assertEquals(before, names());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rows-temp-written", "rows-published", "json-temp-written"})
  void failureAtAnyStepLeavesNoFileBehind(String step) throws IOException {
    Files.writeString(dir.resolve("keep.txt"), "kept");
    ResultsWriter writer = new ResultsWriter(dir, CLOCK, at -> {
      if (at.equals(step)) {
        throw new IOException("injected failure at " + at);
      }
    });
    IOException e = assertThrows(IOException.class,
        () -> writer.write(Fixtures.matrix(), Fixtures.rows()));
    assertEquals("injected failure at " + step, e.getMessage());
    assertEquals(List.of("keep.txt"), names());
  }

  @Test
  void rowsThatCannotBeWrittenLeaveNoFileBehind() throws IOException {
    RawRows bad = new RawRows(List.of("a,b"), Fixtures.STATES, 1);
    TestRows.add(bad, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, dev.benchbook.rows.Outcome.COMMITTED);
    assertThrows(IllegalArgumentException.class,
        () -> new ResultsWriter(dir, CLOCK).write(Fixtures.matrix(), bad));
    assertEquals(List.of(), names());
  }

  @Test
  void unserialisableRecordsFailBeforeAnythingIsWritten() throws IOException {
    Manifest m = Fixtures.manifest();
    Manifest bad = new Manifest(m.toolVersion(), m.gitCommit(), m.gitDirty(), m.jvm(),
        m.jvmArgs(), m.os(), m.cpuModel(), m.cores(), m.sqliteVersion(), m.pragmas(),
        Map.of("x", new Object()), m.seed(), m.startTime(), m.endTime(), m.note());
    RunFile r = Fixtures.matrix();
    RunFile run = new RunFile(r.schemaVersion(), r.kind(), r.reconstructed(), bad,
        r.ceilingTxPerS(), r.configs(), r.baseline(), r.mitigationRun(), r.mitigationRuns(),
        r.comparison(), r.comparisons(), r.sweep(), r.rowsFile(), r.complete());
    assertThrows(IllegalArgumentException.class,
        () -> new ResultsWriter(dir, CLOCK).write(run, Fixtures.rows()));
    assertEquals(List.of(), names());
  }

  @Test
  void readOnlyFolderFailsAndLeavesNothing() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")),
        "root ignores folder permissions");
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThrows(IOException.class,
          () -> new ResultsWriter(ro, CLOCK).write(Fixtures.matrix(), Fixtures.rows()));
      try (Stream<Path> s = Files.list(ro)) {
        assertEquals(0, s.count());
      }
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aFileWhereTheFolderShouldBeIsRefusedBeforeWriting() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    ResultsWriter w = new ResultsWriter(file.resolve("data"), CLOCK);
    IOException e = assertThrows(IOException.class, w::checkWritable);
    assertEquals("data folder " + file.resolve("data") + ": cannot write there ("
        + "FileSystem: " + file.resolve("data") + ": Not a directory)", e.getMessage());
    IOException same = assertThrows(IOException.class, () -> new ResultsWriter(file, CLOCK)
        .checkWritable());
    assertTrue(same.getMessage().contains("exists and is not a folder"), same.getMessage());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void aWritableFolderPassesTheCheckAndKeepsNoProbe() throws IOException {
    Path data = dir.resolve("fresh/data");
    new ResultsWriter(data, CLOCK).checkWritable();
    try (Stream<Path> s = Files.list(data)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void incompleteRunsAreMarked() throws IOException {
    ResultsWriter.Written w = new ResultsWriter(dir, CLOCK).writeIncomplete(Fixtures.matrix(),
        Optional.of(Fixtures.rows()));
    LoadedRun back = ResultsReader.read(w.json());
    assertFalse(back.run().complete());
    assertTrue(Files.readString(w.json()).contains("\"complete\" : false"));
  }

  @Test
  void createsTheDataFolder() throws IOException {
    Path nested = dir.resolve("a/b/data");
    ResultsWriter.Written w = new ResultsWriter(nested, CLOCK).write(Fixtures.matrix());
    assertTrue(Files.isRegularFile(w.json()));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}

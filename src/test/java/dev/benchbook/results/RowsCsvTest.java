package dev.benchbook.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.bench.SyntheticRows;
import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.TestRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowsCsvTest {

  private static final String HEADER = String.join(",", TestRows.COLUMNS);
  private static final String GOOD = "c1-zero,0,0,1,PENDING,UPLOADING,0,1200,0,5000,90000,95000,"
      + "95000,0,committed";

  @TempDir
  Path dir;

  @Test
  void rowsSurviveWriteAndReadExactly() throws IOException {
    RawRows rows = Fixtures.rows();
    Path file = dir.resolve("r.rows.csv.gz");
    RowsCsv.write(rows, file);
    Fixtures.assertSameRows(rows, RowsCsv.read(file));
  }

  @Test
  void manyRowsAcrossBufferBoundariesSurvive() throws IOException {
    RawRows rows = SyntheticRows.generate(60_000, 7);
    Path file = dir.resolve("many.rows.csv.gz");
    RowsCsv.write(rows, file);
    Fixtures.assertSameRows(rows, RowsCsv.read(file));
  }

  @Test
  void rowsBeyondTheStagingStorageSurvive() throws IOException {
    RawRows rows = SyntheticRows.generate(300_000, 11);
    Path file = dir.resolve("big.rows.csv.gz");
    RowsCsv.write(rows, file);
    Fixtures.assertSameRows(rows, RowsCsv.read(file));
  }

  @Test
  void manyDistinctNamesSurvive() throws IOException {
    List<String> configs = new java.util.ArrayList<>();
    List<String> states = new java.util.ArrayList<>();
    for (int i = 0; i < 128; i++) {
      configs.add("c" + i + "-zero");
      states.add("S" + i);
    }
    RawRows rows = new RawRows(configs, states, 1000);
    for (int i = 0; i < 1000; i++) {
      TestRows.add(rows, i % 128, 0, 0, i, (i * 7) % 128, (i * 7 + 1) % 128, i, 1, 2, 3, 4, 5, 6, 0,
          Outcome.of(i % 4));
    }
    Path file = dir.resolve("names.rows.csv.gz");
    RowsCsv.write(rows, file);
    RawRows back = RowsCsv.read(file);
    assertEquals(128, back.stateNames().size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.configIds().get(rows.config()[i]), back.configIds().get(back.config()[i]));
      assertEquals(rows.stateNames().get(rows.fromState()[i]),
          back.stateNames().get(back.fromState()[i]));
      assertEquals(rows.stateNames().get(rows.toState()[i]),
          back.stateNames().get(back.toState()[i]));
      assertEquals(rows.outcome()[i], back.outcome()[i]);
      assertEquals(rows.fileId()[i], back.fileId()[i]);
    }
  }

  @Test
  void dictionariesAreRebuiltInOrderOfFirstAppearance() throws IOException {
    RawRows rows = new RawRows(List.of("unused", "b", "a"), List.of("X", "Y", "Z"), 2);
    TestRows.add(rows, 1, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, Outcome.COMMITTED);
    TestRows.add(rows, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, Outcome.COMMITTED);
    Path file = dir.resolve("d.rows.csv.gz");
    RowsCsv.write(rows, file);
    RawRows back = RowsCsv.read(file);
    assertEquals(List.of("b", "a"), back.configIds());
    assertEquals(List.of("Z", "Y", "X"), back.stateNames());
    assertEquals("a", back.configIds().get(back.config()[1]));
    assertEquals("X", back.stateNames().get(back.toState()[1]));
  }

  @Test
  void fileIsGzipCsvWithTheExactHeader() throws IOException {
    Path file = dir.resolve("h.rows.csv.gz");
    RowsCsv.write(Fixtures.rows(), file);
    String text = gunzip(file);
    assertTrue(text.startsWith(HEADER + "\n" + GOOD + "\n"), text);
  }

  @Test
  void crlfLinesPlainCsvAndAMissingFinalNewlineAreAccepted() throws IOException {
    Path file = dir.resolve("plain.csv");
    Files.writeString(file, HEADER + "\r\n" + GOOD + "\r\n" + GOOD);
    RawRows rows = RowsCsv.read(file);
    assertEquals(2, rows.size());
    assertEquals(95000, rows.longs(Column.TOTAL_NS)[1]);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "letters in a number|c1-zero,0,0,1,PENDING,UPLOADING,0,12x0,0,5000,90000,95000,95000,0,"
          + "committed|line 3, column 8 (fsm_dispatch_ns): expected a non-negative integer, "
          + "found \"12x0\"",
      "negative number|c1-zero,0,0,1,PENDING,UPLOADING,0,-5,0,5000,90000,95000,95000,0,committed"
          + "|line 3, column 8 (fsm_dispatch_ns): expected a non-negative integer, found \"-5\"",
      "empty number|c1-zero,0,0,1,PENDING,UPLOADING,0,,0,5000,90000,95000,95000,0,committed"
          + "|line 3, column 8 (fsm_dispatch_ns): expected a non-negative integer, "
          + "found an empty field",
      "too few columns|c1-zero,0,0,1,PENDING,UPLOADING,0,1200,0|line 3, column 9 (api_ns): "
          + "expected 15 columns, found 9",
      "too many columns|" + "c1-zero,0,0,1,PENDING,UPLOADING,0,1200,0,5000,90000,95000,95000,0,"
          + "committed,extra|line 3, column 15 (outcome): expected the end of the line after 15 "
          + "columns, found more columns",
      "bad outcome|c1-zero,0,0,1,PENDING,UPLOADING,0,1200,0,5000,90000,95000,95000,0,done"
          + "|line 3, column 15 (outcome): expected one of committed, conflict, busy, "
          + "rolled_back, failed, found \"done\"",
      "int overflow|c1-zero,0,0,2147483648,PENDING,UPLOADING,0,1,0,5,9,9,9,0,committed"
          + "|line 3, column 4 (file_id): expected an integer no larger than 2147483647, "
          + "found \"2147483648\"",
      "long overflow|c1-zero,0,0,1,PENDING,UPLOADING,9223372036854775808,1,0,5,9,9,9,0,committed"
          + "|line 3, column 7 (start_ns): expected an integer no larger than "
          + "9223372036854775807, found \"9223372036854775808\"",
      "empty config|,0,0,1,PENDING,UPLOADING,0,1,0,5,9,9,9,0,committed"
          + "|line 3, column 1 (config): expected a config id, found an empty field",
      "quoted text|\"c1-zero\",0,0,1,PENDING,UPLOADING,0,1,0,5,9,9,9,0,committed"
          + "|line 3, column 1 (config): expected unquoted text, found a quote character",
  })
  void badRowsNameFileLineColumnAndExpectation(String name, String badLine, String expected)
      throws IOException {
    Path file = gz("bad.rows.csv.gz", HEADER + "\n" + GOOD + "\n" + badLine + "\n");
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> RowsCsv.read(file));
    assertEquals(file + ": " + expected, e.getMessage());
  }

  @Test
  void wrongHeaderIsReported() throws IOException {
    Path file = gz("h.rows.csv.gz", "config,rep\n" + GOOD + "\n");
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> RowsCsv.read(file));
    assertEquals(file + ": line 1: expected a header naming the columns " + HEADER
        + " (timed columns may be left out), found \"config,rep\", which lacks worker, file_id, "
        + "from_state, to_state, start_ns, retries, outcome", e.getMessage());
  }

  @Test
  void emptyFileIsReported() throws IOException {
    Path file = gz("e.rows.csv.gz", "");
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> RowsCsv.read(file));
    assertEquals(file + ": line 1: expected a header naming the columns (" + HEADER
        + "), found an empty file", e.getMessage());
  }

  @Test
  void truncatedGzipIsReported() throws IOException {
    Path full = dir.resolve("full.rows.csv.gz");
    RowsCsv.write(SyntheticRows.generate(5_000, 1), full);
    byte[] bytes = Files.readAllBytes(full);
    Path cut = dir.resolve("cut.rows.csv.gz");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> RowsCsv.read(cut));
    assertEquals(cut + ": expected complete gzip data, found it truncated (file cut short)",
        e.getMessage());
  }

  @Test
  void writerRefusesTextThatWouldBreakTheCsv() {
    RawRows rows = new RawRows(List.of("a,b"), List.of("S"), 1);
    TestRows.add(rows, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Outcome.COMMITTED);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RowsCsv.writeTo(rows, new ByteArrayOutputStream()));
    assertTrue(e.getMessage().contains("'a,b'"), e.getMessage());
  }

  @Test
  void writerRefusesNegativeTimes() {
    RawRows rows = new RawRows(List.of("c"), List.of("S"), 1);
    TestRows.add(rows, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, Outcome.COMMITTED);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RowsCsv.writeTo(rows, OutputStream.nullOutputStream()));
    assertEquals("raw row 0, column fsm_dispatch_ns: expected a non-negative integer, found -1",
        e.getMessage());
  }

  private Path gz(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  static String gunzip(Path file) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package dev.benchbook.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seals the format: fixed records serialise to exactly the golden bytes under several default
 * locales. Regenerate after an intended format change with
 * {@code mvn -o test -Dtest=GoldenFilesTest -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private final Locale saved = Locale.getDefault();

  @TempDir
  Path dir;

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  @ParameterizedTest
  @ValueSource(strings = {"root", "de-DE", "fr-FR"})
  void matrixJsonMatchesGoldenBytes(String locale) throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    RunFile run = withRowsFile(Fixtures.matrix(), "results-20260222-114707.rows.csv.gz");
    assertGolden("results-matrix.json", ResultsWriter.toJsonBytes(run));
  }

  @ParameterizedTest
  @ValueSource(strings = {"root", "de-DE"})
  void reconstructedMitigationJsonMatchesGoldenBytes(String locale) throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    assertGolden("results-mitigation-reconstructed.json",
        ResultsWriter.toJsonBytes(Fixtures.reconstructedMitigation()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"root", "de-DE"})
  void rowsCsvMatchesGoldenText(String locale) throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    RowsCsv.writeTo(Fixtures.rows(), gz);
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz.toByteArray()))) {
      assertGolden("rows.csv", in.readAllBytes());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"root", "de-DE"})
  void goldenFilesReadBackToTheSameRecords(String locale) throws IOException {
    Locale.setDefault(Locale.forLanguageTag(locale));
    Path json = dir.resolve("results-20260222-114707.json");
    Files.copy(GOLDEN.resolve("results-matrix.json"), json);
    Files.copy(GOLDEN.resolve("rows.csv"), dir.resolve("results-20260222-114707.rows.csv.gz"));
    LoadedRun back = ResultsReader.read(json, ResultsReader.RowsMode.LOAD);
    assertEquals(withRowsFile(Fixtures.matrix(), "results-20260222-114707.rows.csv.gz"),
        back.run());
    Fixtures.assertSameRows(Fixtures.rows(), back.rows().orElseThrow());
    Path mit = dir.resolve("results-mitigation-20260222-114707.json");
    Files.copy(GOLDEN.resolve("results-mitigation-reconstructed.json"), mit);
    assertEquals(Fixtures.reconstructedMitigation(), ResultsReader.read(mit).run());
  }

  static RunFile withRowsFile(RunFile r, String rowsFile) {
    return new RunFile(r.schemaVersion(), r.kind(), r.reconstructed(), r.manifest(),
        r.ceilingTxPerS(), r.configs(), r.baseline(), r.mitigationRun(), r.mitigationRuns(),
        r.comparison(), r.comparisons(), r.sweep(), java.util.Optional.of(rowsFile),
        r.complete());
  }

  private static void assertGolden(String name, byte[] actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.write(file, actual);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8),
        new String(actual, StandardCharsets.UTF_8), "golden file " + file);
  }
}

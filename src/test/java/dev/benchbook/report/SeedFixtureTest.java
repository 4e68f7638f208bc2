package dev.benchbook.report;

import dev.benchbook.SeedFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.analysis.CompareOptions;
import dev.benchbook.analysis.Comparisons;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.Json;
import dev.benchbook.results.RunFile;
import java.io.File;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed's published before/after table, reproduced digit for digit from the fixture. */
class SeedFixtureTest {

  static final File FIXTURE =
      SeedFigures.FILE.toFile();
  static final List<String> SEED_TABLE = SeedFigures.TABLE;

  private Locale saved;

  @BeforeEach
  void saveLocale() {
    saved = Locale.getDefault();
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  @ParameterizedTest
  @ValueSource(strings = {"und", "de-DE", "fr-FR"})
  void reproducesTheSeedTableUnderAnyDefaultLocale(String tag) throws Exception {
    Locale.setDefault(Locale.forLanguageTag(tag));
    RunFile run = Json.MAPPER.readValue(FIXTURE, RunFile.class);
    assertTrue(run.reconstructed());
    assertEquals("mitigation", run.kind());
    Comparison c = Comparisons.compare(run.baseline().orElseThrow(),
        run.mitigationRun().orElseThrow(), CompareOptions.defaults());
    Comparison stored = run.comparison().orElseThrow();
    assertEquals(stored.segments(), c.segments(), "stored rows must be what we compute");
    assertEquals(stored.throughput(), c.throughput(), "stored ratio must be what we compute");
    List<String> lines = ComparisonTable.markdown(c).lines().toList();
    assertEquals("Baseline **c10-zero** vs mitigation **c10-zero-shared-connection**",
        lines.get(0), "the sentence naming both sides comes first");
    lines = lines.subList(2, lines.size());
    assertEquals(SEED_TABLE, lines.subList(0, 6));
    assertEquals("", lines.get(6));
    assertEquals("28,638 trans/s vs 3,287 baseline -- 8.7x", lines.get(7));
    assertEquals("no intervals and no verdicts: 1 repetition per config; a verdict needs >= 3 "
        + "repetitions per config (with fewer, how much results vary from one repetition to the "
        + "next, the largest source of noise, cannot be seen)", lines.get(9));
  }
}

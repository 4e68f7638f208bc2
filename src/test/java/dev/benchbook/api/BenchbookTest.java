package dev.benchbook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.charts.ExportedChart;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.LoadedRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The notebook facade: one-liners over the seed file and a tiny measured matrix. */
class BenchbookTest {

  private static final String SEED =
      "data/seed-phase-14/results-mitigation-20260222-114707.json";

  @TempDir
  static Path tmp;

  private static LoadedRun matrix;

  @BeforeAll
  static void measureATinyMatrix() throws Exception {
    matrix = Benchbook.write(Benchbook.runMatrix(List.of(1, 2), List.of("zero"), 10),
        tmp.resolve("data").toString());
  }

  @Test
  void seedComparesToItsPublishedTable() {
    Comparison c = Benchbook.compare(Benchbook.load(SEED));
    assertEquals("c10-zero", c.baselineConfig());
    assertEquals(8.7, c.throughput().ratio(), 0.05);
    assertTrue(Benchbook.table(c).contains("| db_total_ms | 40.95 ms | 1.27 ms | -96.9% "
        + "(-39.68ms) |"), Benchbook.table(c));
    assertEquals(8, Benchbook.stats(Benchbook.load(SEED)).rowCount());
  }

  @Test
  void badIdsAndMissingRowsFailWithOneClearLine() {
    LoadedRun seed = Benchbook.load(SEED);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Benchbook.compare(matrix, "c99-zero", "c1-zero"));
    assertEquals("no config 'c99-zero' in " + matrix.path().getFileName()
        + "; configs: c1-zero, c2-zero", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Benchbook.compare(matrix));
    assertTrue(e.getMessage().contains("is a matrix file, not a mitigation file"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Benchbook.rows(seed));
    assertTrue(e.getMessage().contains("has no raw rows (reconstructed"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Benchbook.spectrum(matrix, "nope"));
    assertTrue(e.getMessage().startsWith("no segment 'nope'; segments: [db_total_ms"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Benchbook.load("data"));
    assertTrue(e.getMessage().contains("use Benchbook.loadAll"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Benchbook.mitigate(2, "zero", 5, 1, "per-worker"));
    assertTrue(e.getMessage().contains("always runs"), e.getMessage());
  }

  @Test
  void matrixRunLoadsWithRowsAndCompares() {
    assertTrue(matrix.rows().isPresent());
    Table rows = Benchbook.rows(matrix);
    assertTrue(rows.columnNames().contains("lock_wait_ms"));
    assertEquals(80, rows.where(rows.stringColumn("outcome").isEqualTo("committed"))
        .rowCount());
    Comparison c = Benchbook.compare(matrix, "c1-zero", "c2-zero");
    assertTrue(c.segments().get(0).deltaCiMs().isEmpty(), "one repetition: no interval");
    assertTrue(c.intervals().startsWith("no intervals and no verdicts: 1 repetition per config"),
        c.intervals());
    assertEquals(2 * 5, Benchbook.stats(List.of(matrix)).rowCount());
  }

  @Test
  void anyPercentileOfTwoConfigsFromTheRows() {
    var p99 = Benchbook.percentileDelta(matrix, "c1-zero", "c2-zero", "lock_wait_ms", 0.99);
    double[] rows = dev.benchbook.analysis.SegmentStatsCalculator.samplesMs(
        matrix.rows().get(), matrix.rows().get().configIds().indexOf("c1-zero"),
        dev.benchbook.rows.Segment.LOCK_WAIT);
    assertEquals(dev.benchbook.analysis.Percentiles.of(rows, 0.99), p99.baselineMs(), 0.0);
    assertTrue(p99.ciMs().isEmpty() && p99.verdict().isEmpty(), "one repetition: no verdict");
  }

  @Test
  void chartsBuildRenderAndSave() throws Exception {
    Comparison c = Benchbook.compare(matrix, "c1-zero", "c2-zero");
    assertEquals(1000, Benchbook.image(Benchbook.p95Chart(c)).getWidth());
    assertEquals(2, Benchbook.spectrum(matrix, "lock_wait_ms").chart().getSeriesMap().size());
    assertEquals(List.of("c1-zero", "c1-zero"),
        Benchbook.throughputChart(matrix).data().column("baseline_config"));
    ExportedChart saved = Benchbook.save(Benchbook.throughputChart(matrix),
        tmp.resolve("charts").toString());
    assertTrue(Files.size(saved.png()) > 1000);
    assertTrue(Files.readString(saved.csv()).contains("c2-zero"));
  }

  @Test
  void loadAllSkipsBadFilesAndNewestFindsAKind() throws Exception {
    Path dir = tmp.resolve("mixed");
    Files.createDirectories(dir);
    Files.copy(Path.of(SEED), dir.resolve("results-mitigation-20260222-114707.json"));
    Files.writeString(dir.resolve("results-20260301-000000.json"), "{");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream hostErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    List<LoadedRun> runs;
    try {
      runs = Benchbook.loadAll(dir.toString());
    } finally {
      System.setErr(hostErr);
    }
    assertEquals(1, runs.size());
    String lines = err.toString(StandardCharsets.UTF_8);
    assertTrue(lines.contains("results-20260301-000000.json"), lines);
    assertTrue(lines.contains("skipped 1 bad file(s)"), lines);
    assertEquals("results-mitigation-20260222-114707",
        Benchbook.newest(dir.toString(), "mitigation").orElseThrow().name());
    assertTrue(Benchbook.newest(dir.toString(), "sweep").isEmpty());
    assertThrows(IllegalArgumentException.class,
        () -> Benchbook.loadAll(tmp.resolve("missing").toString()));
  }
}

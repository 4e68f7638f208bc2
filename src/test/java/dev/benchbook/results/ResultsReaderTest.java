package dev.benchbook.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResultsReaderTest {

  private static final String NAN = "__NaN__";
  private static final String ROWS = "results-20260222-114707.rows.csv.gz";

  @TempDir
  Path dir;

  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        bad("unknown schema version", r -> r.put("schema_version", 2),
            "$.schema_version: expected 1 (the only schema version this build reads), found 2"),
        bad("schema version as text", r -> r.put("schema_version", "1"),
            "$.schema_version: expected 1 (the only schema version this build reads), found \"1\""),
        bad("unknown kind", r -> r.put("kind", "bogus"),
            "$.kind: expected one of matrix, mitigation, sweep, found \"bogus\""),
        bad("missing field", r -> config(r, 1).remove("transitions"),
            "$.configs[1].transitions: expected an integer >= 1, found nothing"),
        bad("non-numeric timing", r -> segment(r, 1, "db_total_ms").put("p95_ms", "abc"),
            "$.configs[1].segments.db_total_ms.p95_ms: expected a non-negative number, "
                + "found \"abc\""),
        bad("negative timing", r -> segment(r, 0, "lock_wait_ms").put("min_ms", -1.0),
            "$.configs[0].segments.lock_wait_ms.min_ms: expected a non-negative number, "
                + "found -1.0"),
        bad("NaN timing", r -> segment(r, 0, "fsm_net_ms").put("mean_ms", NAN),
            "$.configs[0].segments.fsm_net_ms.mean_ms: expected a non-negative number, found NaN"),
        bad("percentiles out of order", r -> segment(r, 0, "db_total_ms").put("p90_ms", 30.0),
            "$.configs[0].segments.db_total_ms.p95_ms: expected a value >= p90_ms (30.0), "
                + "found 25.0"),
        bad("max below p999", r -> segment(r, 1, "api_ms").put("max_ms", 0.0).put("p999_ms", 1.0),
            "$.configs[1].segments.api_ms.max_ms: expected a value >= p999_ms (1.0), found 0.0"),
        bad("zero transitions", r -> config(r, 0).put("transitions", 0),
            "$.configs[0].transitions: expected at least 1 committed transition (this config is "
                + "empty), found 0"),
        bad("no segments", r -> config(r, 0).putObject("segments"),
            "$.configs[0].segments: expected at least one segment (this config is empty), "
                + "found {}"),
        bad("unknown segment", r -> ((ObjectNode) config(r, 0).get("segments"))
                .set("total_ms", config(r, 0).get("segments").get("api_ms").deepCopy()),
            "$.configs[0].segments.total_ms: expected a segment named db_total_ms, lock_wait_ms, "
                + "fsm_dispatch_ms, fsm_net_ms, api_ms, queue_wait_ms or response_ms, found "
                + "\"total_ms\""),
        bad("duplicate config id", r -> config(r, 1).put("id", "c1-zero"),
            "$.configs[1].id: expected a config id unique in this file, found \"c1-zero\" again"),
        bad("missing machine field", r -> ((ObjectNode) r.get("manifest")).remove("cpu_model"),
            "$.manifest.cpu_model: expected a non-empty string, found nothing"),
        bad("negative fork", r -> ((ObjectNode) config(r, 0).get("repetitions").get(0))
                .put("fork", -1),
            "$.configs[0].repetitions[0].fork: expected a non-negative integer, found -1"),
        bad("clock cost not a number", r -> ((ObjectNode) r.get("manifest"))
                .put("clock_read_ns", "fast"),
            "$.manifest.clock_read_ns: expected a non-negative number, found \"fast\""),
        bad("no configs", r -> r.putArray("configs"),
            "$.configs: expected at least one config, found []"),
        bad("rows file in another folder", r -> r.put("rows_file", "../x.rows.csv.gz"),
            "$.rows_file: expected a file name beside this file (no folders), "
                + "found \"../x.rows.csv.gz\""),
        bad("missing rows file", r -> r.put("rows_file", "results-gone.rows.csv.gz"),
            "$.rows_file: expected the raw-rows file results-gone.rows.csv.gz beside this file, "
                + "found no such file"),
        bad("value the records refuse", r -> ((ObjectNode) config(r, 0).get("workload"))
                .put("files", 0),
            "$.configs[0].workload.files: expected an integer >= 1, found 0"),
        bad("sweep value not text", r -> r.putObject("sweep").put("parameter", "c")
                .putArray("values").add(1),
            "$.sweep.values[0]: expected a string, found 1"),
        bad("value only the records refuse", r -> r.set("comparison", json("{"
                + "\"baseline_config\":\"c1-zero\",\"mitigation_config\":\"c10-zero\","
                + "\"noise_threshold_pct\":1.0,\"segments\":[],\"throughput\":{"
                + "\"baseline_per_s\":1,\"mitigation_per_s\":2,\"ratio\":2,\"ci\":{"
                + "\"low\":1,\"high\":3,\"level\":2.0,\"resamples\":2000}}}")),
            "$.comparison.throughput.ci: expected a value this build can read, found one it "
                + "cannot: interval level must be in (0, 1), got 2.0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void eachProblemIsOneClearLine(String name, Consumer<ObjectNode> edit, String expected)
      throws IOException {
    Path file = writeEdited(edit);
    LoadReport report = ResultsReader.load(file);
    assertEquals(List.of(file + ": " + expected), report.problemLines());
    assertEquals(List.of(), report.runs());
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> ResultsReader.read(file));
    assertEquals(file + ": " + expected, e.getMessage());
  }

  @Test
  void invalidJsonNamesLineAndColumn() throws IOException {
    Path file = dir.resolve("results-bad.json");
    Files.writeString(file, "{\n  \"schema_version\" : 1,\n  \"kind\" \"matrix\"\n}\n");
    List<String> lines = ResultsReader.load(file).problemLines();
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).startsWith(file + ": line 3, column 10: expected valid JSON, found a "
        + "syntax error: Unexpected character"), lines.get(0));
  }

  @Test
  void aKeyGivenTwiceIsRefusedNotLastValueWins() throws IOException {
    Path file = dir.resolve("results-dup.json");
    Files.writeString(file, "{\n  \"schema_version\": 1,\n  \"transitions_per_s\": 1.5, "
        + "\"transitions_per_s\": 3272.1\n}\n");
    assertEquals(List.of(file + ": line 3, column 48: expected each key once in an object, found "
        + "\"transitions_per_s\" twice"), ResultsReader.load(file).problemLines());
  }

  @Test
  void readerLimitsAndTruncationSayWhatWasExpectedWithoutJacksonInternals() throws IOException {
    Path deep = Files.writeString(dir.resolve("results-deep.json"), "[".repeat(1200)
        + "]".repeat(1200));
    Path number = Files.writeString(dir.resolve("results-number.json"), "{\"schema_version\": "
        + "1".repeat(1200) + "}");
    Path cut = Files.writeString(dir.resolve("results-cut.json"), "{\"configs\": [");
    String deepLine = ResultsReader.load(deep).problemLines().get(0);
    assertTrue(deepLine.endsWith("expected objects and arrays nested at most 1000 deep, found "
        + "1001 levels"), deepLine);
    String numberLine = ResultsReader.load(number).problemLines().get(0);
    assertTrue(numberLine.endsWith("expected a number of at most 1000 characters, found 1200"),
        numberLine);
    String cutLine = ResultsReader.load(cut).problemLines().get(0);
    assertTrue(cutLine.contains("expected close marker for Array (start marker at line 1, "
        + "column 13)"), cutLine);
    for (String line : List.of(deepLine, numberLine, cutLine)) {
      assertFalse(line.contains("Source") || line.contains("StreamRead") || line.contains("`"),
          line);
    }
  }

  @Test
  void unreadableAndEmptyFilesAreOneLineEach() throws IOException {
    Path empty = Files.writeString(dir.resolve("results-empty.json"), "");
    assertEquals(List.of(empty + ": expected a JSON object, found an empty file"),
        ResultsReader.load(empty).problemLines());
    Path gone = dir.resolve("results-gone.json");
    assertEquals(List.of(gone + ": cannot read the file: no such file"),
        ResultsReader.load(gone).problemLines());
  }

  @Test
  void rowsThatDoNotMatchTheirJsonAreReported() throws IOException {
    Path file = writeEditedNamingRows(r -> config(r, 0).put("transitions", 4));
    Files.copy(Path.of("src/test/resources/golden/rows.csv"), dir.resolve(ROWS));
    assertTrue(ResultsReader.load(file).ok(), "presence check alone passes");
    LoadReport report = ResultsReader.load(file, ResultsReader.RowsMode.LOAD);
    assertEquals(List.of(file + ": $.configs[0].transitions: expected 3 (the committed rows of "
        + "config c1-zero in " + ROWS + "), found 4"), report.problemLines());
    LoadedRun lazy = ResultsReader.read(file);
    ResultsFormatException e = assertThrows(ResultsFormatException.class, lazy::withRows);
    assertEquals(report.problemLines().get(0), e.getMessage());
  }

  @Test
  void rowsOfConfigsTheJsonDoesNotHaveAreReported() throws IOException {
    Path file = writeEditedNamingRows(r -> config(r, 1).put("id", "c10-other"));
    Files.copy(Path.of("src/test/resources/golden/rows.csv"), dir.resolve(ROWS));
    assertEquals(List.of(
        dir.resolve(ROWS) + ": expected only rows of the configs in results-20260222-114707.json,"
            + " found rows of config \"c10-zero\"",
        file + ": $.configs[1].transitions: expected 0 (the committed rows of config c10-other "
            + "in " + ROWS + "), found 2"),
        ResultsReader.load(file, ResultsReader.RowsMode.LOAD).problemLines());
  }

  @Test
  void badRowsFileIsReportedWithItsOwnName() throws IOException {
    Path file = writeEditedNamingRows(r -> { });
    Files.writeString(dir.resolve(ROWS), "config\n");
    List<String> lines = ResultsReader.load(file, ResultsReader.RowsMode.LOAD).problemLines();
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).startsWith(dir.resolve(ROWS) + ": line 1: expected a header naming "),
        lines.get(0));
  }

  @Test
  void measuredFileWithOnlyP95ReportsEveryMissingStat() throws IOException {
    Path file = writeEdited(r -> {
      ObjectNode s = segment(r, 0, "db_total_ms");
      s.retain("p95_ms");
    });
    List<String> lines = ResultsReader.load(file).problemLines();
    String at = file + ": $.configs[0].segments.db_total_ms.";
    assertEquals(List.of(at + "count: expected a non-negative integer, found nothing",
        at + "mean_ms: expected a non-negative number, found nothing",
        at + "min_ms: expected a non-negative number, found nothing",
        at + "p50_ms: expected a non-negative number, found nothing",
        at + "p90_ms: expected a non-negative number, found nothing",
        at + "p99_ms: expected a non-negative number, found nothing",
        at + "p999_ms: expected a non-negative number, found nothing",
        at + "max_ms: expected a non-negative number, found nothing"), lines);
  }

  @Test
  void reconstructedFileMayOmitWhatTheSummaryDoesNotState() throws IOException {
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(ResultsWriter.toJsonBytes(
        Fixtures.reconstructedMitigation()));
    root.remove("complete");
    for (String c : List.of("baseline", "mitigation_run")) {
      ((ObjectNode) root.get(c)).remove(List.of("atomic", "reps", "conflicts", "busy_errors",
          "duration_bounded", "strategy_options", "repetitions"));
    }
    Path file = dir.resolve("results-mitigation-20260222-114707.json");
    Files.write(file, Json.MAPPER.writeValueAsBytes(root));
    assertEquals(Fixtures.reconstructedMitigation(), ResultsReader.read(file).run());
  }

  @Test
  void reconstructedFileStillNeedsItsP95() throws IOException {
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(ResultsWriter.toJsonBytes(
        Fixtures.reconstructedMitigation()));
    ((ObjectNode) root.get("baseline").get("segments").get("db_total_ms")).remove("p95_ms");
    ((ObjectNode) root.get("baseline").get("segments").get("db_total_ms")).put("p50_ms", 1.0);
    Path file = dir.resolve("results-mitigation-x.json");
    Files.write(file, Json.MAPPER.writeValueAsBytes(root));
    assertEquals(List.of(file + ": $.baseline.segments.db_total_ms.p95_ms: expected a "
        + "non-negative number, found nothing"), ResultsReader.load(file).problemLines());
  }

  @Test
  void writtenFilesReadBackToEqualRecords() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2026-02-22T11:47:07Z"), ZoneOffset.UTC);
    ResultsWriter writer = new ResultsWriter(dir, clock);
    ResultsWriter.Written matrix = writer.write(Fixtures.matrix(), Fixtures.rows());
    ResultsWriter.Written mitigation = writer.write(Fixtures.reconstructedMitigation());
    assertEquals(GoldenFilesTest.withRowsFile(Fixtures.matrix(), ROWS),
        ResultsReader.read(matrix.json()).run());
    assertEquals(Fixtures.reconstructedMitigation(), ResultsReader.read(mitigation.json()).run());
  }

  @Test
  void folderLoadingReportsBadFilesAndLoadsGoodOnes() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2026-02-22T11:47:07Z"), ZoneOffset.UTC);
    new ResultsWriter(dir.resolve("a"), clock).write(Fixtures.matrix(), Fixtures.rows());
    new ResultsWriter(dir.resolve("b/c"), clock).write(Fixtures.reconstructedMitigation());
    Path badVersion = dir.resolve("results-20260101-000000.json");
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(ResultsWriter.toJsonBytes(
        Fixtures.matrix()));
    root.put("schema_version", 9);
    Files.write(badVersion, Json.MAPPER.writeValueAsBytes(root));
    Path broken = Files.writeString(dir.resolve("b/results-broken.json"), "{");
    Files.writeString(dir.resolve("notes.json"), "not a results file");
    LoadReport report = ResultsReader.load(dir, ResultsReader.RowsMode.LOAD);
    assertFalse(report.ok());
    assertEquals(List.of(dir.resolve("a/results-20260222-114707.json"),
        dir.resolve("b/c/results-mitigation-20260222-114707.json")),
        report.runs().stream().map(LoadedRun::path).collect(Collectors.toList()));
    assertTrue(report.runs().get(0).rows().isPresent());
    assertEquals(List.of(broken, dir.resolve("results-20260101-000000.json")),
        List.copyOf(report.badFiles()));
    assertEquals(2, report.problems().size());
    assertEquals(badVersion + ": $.schema_version: expected 1 (the only schema version this "
        + "build reads), found 9", report.problemLines().get(1));
    assertThrows(ResultsFormatException.class, report::runsOrThrow);
  }

  @Test
  void loadedRunNamesAndLazyRows() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2026-02-22T11:47:07Z"), ZoneOffset.UTC);
    ResultsWriter.Written w = new ResultsWriter(dir, clock).write(Fixtures.matrix(),
        Fixtures.rows());
    LoadedRun run = ResultsReader.read(w.json());
    assertEquals("results-20260222-114707", run.name());
    assertEquals(Optional.empty(), run.rows());
    assertEquals(Optional.of(dir.resolve(ROWS)), run.rowsPath());
    Fixtures.assertSameRows(Fixtures.rows(), run.withRows().rows().orElseThrow());
  }

  private Path writeEdited(Consumer<ObjectNode> edit) throws IOException {
    return writeEditedNamingRows(r -> {
      r.remove("rows_file");
      edit.accept(r);
    });
  }

  /** The golden matrix JSON naming {@value #ROWS}, edited, as results-20260222-114707.json. */
  private Path writeEditedNamingRows(Consumer<ObjectNode> edit) throws IOException {
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(ResultsWriter.toJsonBytes(
        GoldenFilesTest.withRowsFile(Fixtures.matrix(), ROWS)));
    edit.accept(root);
    String text = Json.MAPPER.writeValueAsString(root).replace("\"" + NAN + "\"", "NaN");
    Path file = dir.resolve("results-20260222-114707.json");
    Files.writeString(file, text);
    return file;
  }

  private static Arguments bad(String name, Consumer<ObjectNode> edit, String expected) {
    return Arguments.of(name, edit, expected);
  }

  private static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode config(JsonNode root, int i) {
    return (ObjectNode) root.get("configs").get(i);
  }

  private static ObjectNode segment(JsonNode root, int i, String key) {
    return (ObjectNode) config(root, i).get("segments").get(key);
  }
}

package dev.benchbook.cli;

import dev.benchbook.SeedFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.results.Comparison;
import dev.benchbook.results.Json;
import dev.benchbook.results.ResultsReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code benchbook compare}: the seed's table, machine formats, bad inputs, workload checks. */
class CompareCommandTest {

  static final Path SEED = SeedFigures.FILE;
  static final List<String> SEED_ROWS = SeedFigures.TABLE;
  static final String SEED_THROUGHPUT = SeedFigures.THROUGHPUT;

  @TempDir
  static Path runs;

  static Path files30;
  static Path files40;

  @TempDir
  Path tmp;

  @BeforeAll
  static void twoRunsWithDifferentWorkloads() throws Exception {
    files30 = smallRun(30);
    files40 = smallRun(40);
  }

  static Path smallRun(int files) throws Exception {
    Path dir = runs.resolve("files" + files);
    Cli.small("run", "--concurrency", "1", "--files", "" + files, "--data-dir", dir.toString())
        .assertCode(ExitCode.OK);
    return Cli.only(dir, ".json");
  }

  @Test
  void seedFixtureGivesTheSeedTableDigitForDigit() {
    Cli.Result r = Cli.run("compare", SEED.toString(), "--format", "markdown")
        .assertCode(ExitCode.OK);
    List<String> lines = r.out().lines().collect(Collectors.toList());
    assertEquals("Baseline **c10-zero** vs mitigation **c10-zero-shared-connection** (run "
        + "results-mitigation-20260222-114707)", lines.get(0), r::describe);
    assertEquals(SEED_ROWS, lines.subList(2, 2 + SEED_ROWS.size()), r::describe);
    assertTrue(lines.contains(SEED_THROUGHPUT), r::describe);
    assertEquals("", r.err());
  }

  @Test
  void csvHasAHeaderFourSegmentRowsAndAThroughputRow() {
    Cli.Result r = Cli.run("compare", SEED.toString(), "--format", "csv")
        .assertCode(ExitCode.OK);
    List<List<String>> rows = r.out().lines().map(l -> Arrays.asList(l.split(",", -1)))
        .collect(Collectors.toList());
    List<String> header = rows.get(0);
    assertEquals(6, rows.size(), r::describe);
    for (List<String> row : rows) {
      assertEquals(header.size(), row.size(), () -> "columns of " + row);
    }
    int name = header.indexOf("row");
    int pct = header.indexOf("delta_pct");
    int ratio = header.indexOf("ratio");
    assertEquals(List.of("db_total_ms", "lock_wait_ms", "fsm_dispatch_ms", "fsm_net_ms",
        "transitions_per_s"), rows.subList(1, 6).stream().map(row -> row.get(name))
        .collect(Collectors.toList()));
    assertEquals(-70.4, Double.parseDouble(rows.get(3).get(pct)), 1e-9);
    assertEquals(28638.0 / 3287.0, Double.parseDouble(rows.get(5).get(ratio)), 1e-9);
  }

  @Test
  void jsonParsesToTheComparisonStoredInTheFixture() throws Exception {
    Cli.Result r = Cli.run("compare", SEED.toString(), "--format", "json")
        .assertCode(ExitCode.OK);
    Comparison parsed = Json.MAPPER.readValue(r.out(), Comparison.class);
    Comparison stored = ResultsReader.read(SEED).run().comparison().orElseThrow();
    assertEquals(stored.segments(), parsed.segments());
    assertEquals(stored.throughput(), parsed.throughput());
    assertTrue(parsed.intervals().startsWith("no intervals and no verdicts: 1 repetition per "
        + "config"), parsed.intervals());
  }

  static Stream<Arguments> badSeedVariants() {
    return Stream.of(
        Arguments.of("p50 above p95", "$.baseline.segments.db_total_ms.p95_ms",
            edit(root -> stats(root, "baseline", "db_total_ms").put("p50_ms", 50.0))),
        Arguments.of("unknown schema", "$.schema_version",
            edit(root -> ((ObjectNode) root).put("schema_version", 99))),
        Arguments.of("negative timing", "$.mitigation_run.segments.lock_wait_ms.p95_ms",
            edit(root -> stats(root, "mitigation_run", "lock_wait_ms").put("p95_ms", -0.5))),
        Arguments.of("text for a number", "$.mitigation_run.transitions_per_s",
            edit(root -> ((ObjectNode) root.get("mitigation_run"))
                .put("transitions_per_s", "fast"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSeedVariants")
  void badResultsFileExitsThreeNamingFileAndJsonPath(String what, String jsonPath,
      Consumer<JsonNode> change) throws Exception {
    JsonNode root = Json.MAPPER.readTree(SEED.toFile());
    change.accept(root);
    Path bad = tmp.resolve("results-mitigation-20260101-000000.json");
    Json.MAPPER.writeValue(bad.toFile(), root);
    Cli.run("compare", bad.toString()).assertCode(ExitCode.BAD_INPUT).assertNoStackTrace()
        .assertOneErrorLine(bad.toString(), jsonPath);
  }

  @Test
  void truncatedJsonExitsThreeNamingFileLineAndColumn() throws Exception {
    byte[] seed = Files.readAllBytes(SEED);
    Path bad = tmp.resolve("results-truncated.json");
    Files.write(bad, Arrays.copyOf(seed, seed.length / 2));
    Cli.run("compare", bad.toString()).assertCode(ExitCode.BAD_INPUT).assertNoStackTrace()
        .assertOneErrorLine(bad.toString(), "line ", "column ", "expected valid JSON");
  }

  @Test
  void notJsonAtAllExitsThree() throws Exception {
    Path bad = tmp.resolve("results-text.json");
    Files.writeString(bad, "these are not the results you are looking for\n",
        StandardCharsets.UTF_8);
    Cli.run("compare", bad.toString()).assertCode(ExitCode.BAD_INPUT).assertNoStackTrace()
        .assertOneErrorLine(bad.toString(), "expected valid JSON");
  }

  @Test
  void missingFileExitsThree() {
    Path missing = tmp.resolve("results-missing.json");
    Cli.run("compare", missing.toString()).assertCode(ExitCode.BAD_INPUT).assertNoStackTrace()
        .assertOneErrorLine(missing.toString(), "no such file");
  }

  @Test
  void unknownConfigIdExitsThreeListingTheConfigs() {
    Cli.run("compare", files30.toString(), files40.toString(), "--baseline-config", "c9-warp")
        .assertCode(ExitCode.BAD_INPUT).assertNoStackTrace()
        .assertOneErrorLine(files30.toString(), "'c9-warp'", "c1-zero");
  }

  @Test
  void differentWorkloadsAreRefusedNamingTheDifference() {
    Cli.Result r = Cli.run("compare", files30.toString(), files40.toString())
        .assertCode(ExitCode.BAD_INPUT).assertNoStackTrace()
        .assertOneErrorLine("files 30 vs 40", "--force");
    assertEquals("", r.out());
  }

  @Test
  void differentWorkloadsAreComparedWithForceListingTheDifferences() {
    Cli.Result r = Cli.run("compare", files30.toString(), files40.toString(), "--force",
        "--format", "markdown").assertCode(ExitCode.OK);
    assertTrue(r.out().lines().toList().get(2).startsWith("| Segment | A P95 | B P95 | Delta |"),
        r::describe);
    assertTrue(r.out().contains("Workloads differ (compared with --force): files 30 vs 40"),
        r::describe);
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| fsm_net_ms | ")), r::describe);
  }

  @Test
  void sameWorkloadComparesWithoutForce() {
    Cli.Result r = Cli.run("compare", files30.toString(), files30.toString())
        .assertCode(ExitCode.OK);
    assertTrue(r.out().contains("-- 1.00x"), r::describe);
    assertTrue(!r.out().contains("Workloads differ"), r::describe);
  }

  private static Consumer<JsonNode> edit(Consumer<JsonNode> change) {
    return change;
  }

  private static ObjectNode stats(JsonNode root, String config, String segment) {
    return (ObjectNode) root.get(config).get("segments").get(segment);
  }
}

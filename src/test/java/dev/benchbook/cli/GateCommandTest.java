package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.analysis.SegmentStatsCalculator;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.Manifest;
import dev.benchbook.results.RepResult;
import dev.benchbook.results.ResultsWriter;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.WorkloadSpec;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.TestRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --fail-on regression}: exit 4 on a regression, 0 otherwise, on fixtures. */
class GateCommandTest {

  @TempDir
  static Path dir;

  static Path base;
  static Path same;
  static Path slower;
  static Path faster;
  static Path slowerOneJvm;

  @BeforeAll
  static void fixtures() throws Exception {
    base = write("base", 1.0, 1000, true);
    same = write("same", 1.0, 1000, true);
    slower = write("slower", 2.0, 800, true);
    faster = write("faster", 0.5, 1200, true);
    slowerOneJvm = write("slower-one-jvm", 2.0, 800, false);
  }

  /**
   * One config, 3 repetitions of 200 committed rows, lock_wait spread over [s, 2s) ms; each
   * repetition in its own fork when {@code forked}, else all in one JVM. Every file is a
   * separate run (its own start time).
   */
  static Path write(String name, double lockScaleMs, double perS, boolean forked)
      throws Exception {
    RawRows rows = new RawRows(List.of("c2-zero"), List.of("A", "B"), 600);
    for (int rep = 0; rep < 3; rep++) {
      for (int i = 0; i < 200; i++) {
        long lock = Math.round(lockScaleMs * 1e6 * (1 + (i % 50) / 50.0));
        long db = lock + 100_000;
        TestRows.add(rows, 0, rep, i % 2, i, 0, 1, i * 1000L, 1_000, 0, lock, db, db + 1_000, db + 1_000,
            0, Outcome.COMMITTED);
      }
    }
    List<RepResult> reps = new ArrayList<>();
    double[] rates = {perS * 0.99, perS, perS * 1.01};
    for (int rep = 0; rep < 3; rep++) {
      RepResult r = new RepResult(rep, 200, 200 / rates[rep], rates[rep], 0, 0, 0, 50, false,
          SegmentStatsCalculator.compute(rows, 0, rep));
      reps.add(forked ? r.withFork(rep) : r);
    }
    WorkloadSpec workload = new WorkloadSpec(50, "upload-index", "NORMAL", 0.0, 5000, 0.0,
        Map.of("name", "zero"));
    ConfigResult c = new ConfigResult("c2-zero", 2, "zero", "per-worker", Map.of(), true, 3, 600,
        600 / perS, perS, 10.0, 0, 0, false, Optional.of(workload),
        SegmentStatsCalculator.compute(rows, 0), reps);
    Manifest m = new Manifest("0.1.0", Optional.empty(), Optional.empty(), Optional.of("jvm"),
        List.of(), Optional.of("os"), Optional.of("cpu"), Optional.of(2), Optional.of("3"),
        Map.of(), Map.of(), Optional.of(1L), Optional.of("2026-11-29T10:00:00Z_" + name),
        Optional.of("2026-11-29T10:00:01Z"), Optional.empty());
    RunFile f = new RunFile(RunFile.SCHEMA_VERSION, "matrix", false, m, Optional.of(10_000.0),
        List.of(c), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), true);
    return new ResultsWriter(dir.resolve(name)).write(f, rows).json();
  }

  private static Cli.Result gate(Path newer, String... more) {
    List<String> args = new ArrayList<>(List.of("compare", base.toString(), newer.toString(),
        "--fail-on", "regression"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void aRegressionExitsFourAndNamesIt() {
    Cli.Result r = gate(slower).assertCode(ExitCode.REGRESSION);
    assertTrue(r.out().contains("Gate: FAILED (4 regressions of 5% or more"), r::describe);
    assertTrue(r.out().contains("  c2-zero lock_wait_ms P95 regressed +100.0%"), r::describe);
    assertTrue(r.out().contains("  c2-zero throughput regressed -20.0%"), r::describe);
  }

  @Test
  void anImprovementPasses() {
    Cli.Result r = gate(faster).assertCode(ExitCode.OK);
    assertTrue(r.out().contains("Gate: passed (5 figures judged"), r::describe);
  }

  @Test
  void noChangeIsWithinNoiseAndPasses() {
    Cli.Result r = gate(same).assertCode(ExitCode.OK);
    assertTrue(r.out().contains("Gate: passed"), r::describe);
    assertTrue(r.out().contains("within noise"), r::describe);
  }

  @Test
  void runsMeasuredInOneJvmEachAreNotJudged() {
    Cli.Result r = Cli.run("compare", base.toString(), slowerOneJvm.toString(), "--fail-on",
        "regression").assertCode(ExitCode.BAD_INPUT);
    assertTrue(r.err().contains("not judged: c2-zero lock_wait_ms: no verdict"), r::describe);
    assertTrue(r.err().contains("compare two runs made with --forks 3 or more"), r::describe);
    r = Cli.run("compare", base.toString(), slowerOneJvm.toString()).assertCode(ExitCode.OK);
    assertTrue(r.out().contains("no verdicts: the two configs come from separate runs and they "
        + "ran in 3 vs 1 JVMs (forks)"), r::describe);
  }

  @Test
  void anyPercentileIsComparedWithItsIntervalAndVerdict() throws Exception {
    Cli.Result r = Cli.run("compare", base.toString(), slower.toString(), "--percentile",
        "50,99", "--format", "markdown").assertCode(ExitCode.OK);
    String out = r.out().replaceAll(" +", " ");
    // lock_wait takes the 50 values s * (1 + k/50), k = 0..49, 12 times each (600 rows): P50
    // lies between the 300th and 301st values (1.48 and 1.50 s), P99 on the largest (1.98 s).
    assertTrue(out.contains("| Segment | A P50 | B P50 | Delta | 95% CI of delta "
        + "| Verdict |"), r::describe);
    assertTrue(out.contains("| lock_wait_ms | 1.49 ms | 2.98 ms | +100.0% (+1.49ms) | ["),
        r::describe);
    assertTrue(out.contains("| lock_wait_ms | 1.98 ms | 3.96 ms | +100.0% (+1.98ms) | ["),
        r::describe);
    assertTrue(out.lines().filter(l -> l.startsWith("| lock_wait_ms |"))
        .allMatch(l -> l.endsWith("| regressed |")), r::describe);
    Cli.Result csv = Cli.run("compare", base.toString(), slower.toString(), "--percentile", "99",
        "--format", "csv").assertCode(ExitCode.OK);
    assertTrue(csv.out().contains("\nlock_wait_ms,p99,ms,1.98,3.96,1.98,100.0,,"), csv::describe);
    Cli.Result json = Cli.run("compare", base.toString(), slower.toString(), "--percentile",
        "99.9", "--format", "json").assertCode(ExitCode.OK);
    com.fasterxml.jackson.databind.JsonNode tree = dev.benchbook.results.Json.MAPPER
        .readTree(json.out());
    assertEquals("c2-zero", tree.path("comparison").path("baseline_config").asText());
    com.fasterxml.jackson.databind.JsonNode lock = tree.path("percentile_deltas").get(1);
    assertEquals("lock_wait_ms", lock.path("segment").asText(), json::describe);
    assertEquals(0.999, lock.path("p").asDouble());
    assertEquals(3.96, lock.path("mitigation_ms").asDouble(), 1e-12, json::describe);
    assertEquals("regressed", lock.path("verdict").asText(), json::describe);
  }

  @Test
  void badPercentilesAndFilesWithoutRowsAreOneLine() {
    Cli.run("compare", base.toString(), slower.toString(), "--percentile", "120")
        .assertCode(ExitCode.USAGE)
        .assertOneErrorLine("--percentile: expected percentiles in [0, 100], e.g. 99 or 99.9; "
            + "got 120.0");
    Cli.run("compare", dev.benchbook.SeedFigures.FILE.toString(), "--percentile", "99")
        .assertCode(ExitCode.BAD_INPUT)
        .assertOneErrorLine("--percentile needs the raw rows (.rows.csv.gz beside the JSON), "
            + "and this file has none");
  }

  @Test
  void onlyTheChosenSegmentsAreJudged() {
    gate(slower, "--segment", "fsm_dispatch_ms").assertCode(ExitCode.OK);
    gate(slower, "--segment", "throughput").assertCode(ExitCode.REGRESSION);
  }

  @Test
  void aRegressionBelowTheMinimumDeltaPasses() {
    gate(slower, "--min-delta", "150%").assertCode(ExitCode.OK);
    gate(slower, "--min-delta", "99", "--segment", "lock_wait_ms")
        .assertCode(ExitCode.REGRESSION);
  }

  @Test
  void badGateFlagsAreOneLine() {
    Cli.Result r = gate(slower, "--min-delta", "five").assertCode(ExitCode.USAGE);
    assertTrue(r.firstErrLine().contains("--min-delta: expected a percentage"), r::describe);
    r = gate(slower, "--segment", "lock_wait").assertCode(ExitCode.USAGE);
    assertTrue(r.firstErrLine().contains("--segment: expected"), r::describe);
    r = Cli.run("compare", base.toString(), slower.toString(), "--fail-on", "improvement")
        .assertCode(ExitCode.USAGE);
    assertEquals("benchbook: --fail-on must be regression; got 'improvement'", r.firstErrLine());
    assertEquals(1, r.errLines().size(), "one line, no usage");
  }
}

package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RunFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --rate}: open-loop runs from the command line, and the flags it refuses. */
class OpenLoopCommandTest {

  @TempDir
  Path tmp;

  @Test
  void runWithARateRecordsRequestedAndAchievedRateAndQueueWait() throws Exception {
    Path data = tmp.resolve("data");
    Cli.Result r = Cli.run("run", "--concurrency", "2", "--profile", "zero", "--files", "30",
        "--no-warmup", "-q", "--rate", "300/s", "--arrivals", "poisson", "--data-dir",
        data.toString(), "--out", tmp.resolve("reports").toString()).assertCode(0);
    assertTrue(r.out().contains("Rate req/achieved"), r.out());
    assertTrue(r.out().contains("queue_wait_ms P50/P95/P99"), r.out());
    assertTrue(r.out().contains("c2-zero-r300"), r.out());
    RunFile f = onlyRun(data);
    ConfigResult c = f.configs().get(0);
    assertEquals(300, c.openLoop().orElseThrow().requestedRatePerS());
    assertEquals("poisson", c.openLoop().orElseThrow().arrivals());
    assertTrue(c.openLoop().orElseThrow().achievedRatePerS() > 0);
    assertTrue(c.segments().containsKey("queue_wait_ms"));
    assertTrue(c.segments().containsKey("response_ms"));
    assertEquals(300.0, f.manifest().parameters().get("rate_per_s"));
    assertEquals("poisson", f.manifest().parameters().get("arrivals"));
    Path report = runReport();
    String md = Files.readString(report);
    assertTrue(md.contains("## Open loop: latency from the intended start"), md);
    assertTrue(md.matches("(?s).*\\| c2-zero-r300 +\\| poisson +\\| 300 +\\|.*"), md);
    assertTrue(md.contains("coordinated omission"), md);
    for (String ext : List.of(".png", ".svg", ".csv")) {
      assertTrue(Files.isRegularFile(report.resolveSibling("open-loop-latency" + ext)), ext);
    }
    List<String> csv = Files.readAllLines(report.resolveSibling("open-loop-latency.csv"));
    assertEquals(1 + 2 * 61, csv.size(), "response and service, 61 points each");
    assertTrue(csv.get(1).startsWith("c2-zero-r300 response,"), csv.get(1));
  }

  @Test
  void runWithoutARateWritesNoOpenLoopField() throws Exception {
    Path data = tmp.resolve("closed");
    Cli.Result r = Cli.run("run", "--concurrency", "1", "--profile", "zero", "--files", "10",
        "--no-warmup", "-q", "--data-dir", data.toString()).assertCode(0);
    assertFalse(r.out().contains("queue_wait"), r.out());
    try (Stream<Path> files = Files.list(data)) {
      for (Path p : files.toList()) {
        String text = p.toString().endsWith(".json") ? Files.readString(p) : "";
        assertFalse(text.contains("open_loop") || text.contains("queue_wait")
            || text.contains("rate_per_s"), p.toString());
      }
    }
  }

  static Stream<Arguments> badRates() {
    return Stream.of(
        Arguments.of(List.of("run", "--rate", "0"), List.of("--rate", "> 0")),
        Arguments.of(List.of("run", "--rate", "-10/s"), List.of("--rate", "-10")),
        Arguments.of(List.of("run", "--rate", "5000000/s"), List.of("--rate", "1000000/s")),
        Arguments.of(List.of("run", "--rate", "fast"), List.of("--rate", "'fast'")),
        Arguments.of(List.of("mitigate", "--rate", "0/s"), List.of("--rate")),
        Arguments.of(List.of("calibrate", "--rate", "2e6"), List.of("--rate")),
        Arguments.of(List.of("run", "--arrivals", "poisson"), List.of("--arrivals", "--rate")),
        Arguments.of(List.of("run", "--rate", "10", "--arrivals", "bursty"),
            List.of("--arrivals", "'bursty'")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRates")
  void badRatesAreRefusedInOneLineWithExit2(List<String> flags, List<String> named) {
    List<String> args = new ArrayList<>(flags);
    args.addAll(List.of("--files", "10", "--no-warmup", "-q"));
    if (!flags.get(0).equals("calibrate")) {
      args.addAll(List.of("--data-dir", tmp.resolve("never").toString()));
    }
    Cli.run(args.toArray(String[]::new)).assertCode(2).assertNoStackTrace()
        .assertOneErrorLine(named.toArray(String[]::new));
    assertFalse(Files.exists(tmp.resolve("never")), "nothing written");
  }

  @Test
  void aRateSweepDrawsTheLatencyThroughputCurveAndNamesTheKnee() throws Exception {
    Path data = tmp.resolve("sweep");
    Cli.Result r = Cli.run("sweep", "--vary", "rate=100,200,50000", "--concurrency", "1",
        "--profile", "zero", "--files", "15", "--hold-ms", "1", "--no-warmup", "-q",
        "--data-dir", data.toString(), "--out", tmp.resolve("reports").toString())
        .assertCode(0);
    assertTrue(r.out().contains("| per-worker | 50,000"), r.out());
    RunFile f = onlyRun(data);
    assertEquals(List.of("c1-zero-r100", "c1-zero-r200", "c1-zero-r50000"),
        f.configs().stream().map(ConfigResult::id).toList());
    String knee = f.sweep().orElseThrow().knees().get("per-worker");
    assertTrue(List.of("100", "200", "50000").contains(knee), "one worker holding the lock 1 ms "
        + "per write cannot start 50,000/s: that point is saturated, so the knee is there at "
        + "the latest; got " + knee);
    Path report = runReport();
    String md = Files.readString(report);
    assertTrue(md.contains("## Latency vs throughput (open loop)"), md);
    assertTrue(md.contains("Knees: per-worker: " + knee + "/s."), md);
    List<String> csv = Files.readAllLines(report.resolveSibling("sweep-latency-throughput.csv"));
    assertEquals(4, csv.size(), String.join("\n", csv));
    assertEquals("true", csv.get(3).split(",")[6], "50,000/s saturated: " + csv.get(3));
  }

  @Test
  void aRateSweepWithARateIsRefused() {
    Cli.run("sweep", "--vary", "rate=10,20", "--rate", "10", "--files", "5", "-q",
        "--data-dir", tmp.resolve("never").toString()).assertCode(2).assertNoStackTrace()
        .assertOneErrorLine("--vary rate", "--rate");
  }

  @Test
  void thePhaseRunsItsTargetOpenLoopAtNinetyPercentOfTheBaselinesThroughput() throws Exception {
    Path data = tmp.resolve("phase");
    Cli.Result r = Cli.small("phase", "--concurrency", "1", "--files", "10",
        "--scenario-concurrency", "2", "--scenario-profile", "zero", "--scenario-hold-ms", "0.5",
        "--scenario-files", "25", "--target", "c2-zero-hold0.5", "--strategy", "writer-queue",
        "--mitigation-reps", "1", "--forks", "1", "--open-loop", "--data-dir", data.toString(),
        "--no-report").assertCode(0);
    assertTrue(r.out().contains("Step 1/3: baseline matrix (2 configs)"), r::describe);
    assertTrue(r.out().contains("Step 3/3: open loop on c2-zero-hold0.5 at "), r::describe);
    List<RunFile> files = new ArrayList<>();
    for (String name : Cli.names(data)) {
      if (name.endsWith(".json")) {
        files.add(ResultsReader.read(data.resolve(name)).run());
      }
    }
    assertEquals(3, files.size(), r::describe);
    RunFile closed = files.get(1);
    RunFile open = files.get(2);
    double basis = closed.baseline().orElseThrow().transitionsPerS();
    double rate = open.baseline().orElseThrow().openLoop().orElseThrow().requestedRatePerS();
    assertEquals(0.9 * basis, rate, 0.05 * 0.9 * basis + 1, "two significant digits of 90%");
    assertEquals("c2-zero-hold0.5-r" + (long) rate, open.baseline().orElseThrow().id());
    assertEquals("c2-zero-hold0.5-writer-queue-r" + (long) rate,
        open.mitigationRun().orElseThrow().id());
    assertEquals("poisson", open.baseline().orElseThrow().openLoop().orElseThrow().arrivals());
    assertTrue(open.comparison().orElseThrow().segments().stream()
        .anyMatch(d -> d.segment().equals("response_ms")), "compared on response time");
  }

  @Test
  void thePhasesOpenLoopStepChoosesItsOwnRate() {
    Cli.small("phase", "--open-loop", "--rate", "100", "--data-dir",
        tmp.resolve("never").toString()).assertCode(2).assertNoStackTrace()
        .assertOneErrorLine("--open-loop", "--rate 100/s");
  }

  /** The run of the only results file in {@code data}. */
  private static RunFile onlyRun(Path data) throws Exception {
    try (Stream<Path> files = Files.list(data)) {
      Path json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      return ResultsReader.read(json).run();
    }
  }

  /** The README.md of the run's report under the test's reports folder. */
  private Path runReport() throws Exception {
    try (Stream<Path> files = Files.walk(tmp.resolve("reports"))) {
      return files.filter(p -> p.getFileName().toString().equals("README.md")
          && p.getParent().getFileName().toString().startsWith("results-")).findFirst()
          .orElseThrow();
    }
  }
}

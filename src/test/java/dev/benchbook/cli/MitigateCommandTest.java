package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.Comparison;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RunFile;
import dev.benchbook.results.SegmentDelta;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchbook mitigate}: baseline, mitigation runs, comparisons with intervals, ranking. */
class MitigateCommandTest {

  static final String TABLE_HEADER = "Segment          Baseline P95";

  @TempDir
  Path data;

  @Test
  void allStrategiesWithRepetitionsGiveIntervalsVerdictsAndARanking() throws Exception {
    Cli.Result r = Cli.small("mitigate", "--strategy", "all", "--concurrency", "4", "--files",
        "40", "--reps", "3", "--data-dir", data.toString()).assertCode(ExitCode.OK);

    Path json = Cli.only(data, ".json");
    Cli.only(data, ".rows.csv.gz");
    assertEquals(2, Cli.names(data).size(), () -> "no temp files: " + data);
    assertTrue(json.getFileName().toString().startsWith("results-mitigation-"), json::toString);
    LoadedRun run = ResultsReader.read(json, ResultsReader.RowsMode.LOAD);
    RunFile f = run.run();
    assertEquals("mitigation", f.kind());
    ConfigResult baseline = f.baseline().orElseThrow();
    assertEquals("per-worker", baseline.strategy());
    assertTrue(f.mitigationRun().isEmpty());
    assertEquals(List.of("shared-connection", "writer-queue", "backoff"),
        f.mitigationRuns().stream().map(ConfigResult::strategy).collect(Collectors.toList()));

    List<Comparison> comparisons = f.allComparisons();
    assertEquals(3, comparisons.size());
    for (int i = 0; i < 3; i++) {
      Comparison c = comparisons.get(i);
      assertEquals(baseline.id(), c.baselineConfig());
      assertEquals(f.mitigationRuns().get(i).id(), c.mitigationConfig());
      assertIntervalsAndVerdicts(c);
    }
    for (ConfigResult c : f.allConfigs()) {
      assertEquals(3, c.reps(), c.id());
      assertEquals(40L * 4 * 3, c.transitions(), c.id() + " lost or duplicated transitions");
      assertEquals(c.transitions(),
          RunCommandTest.committed(run.rows().get(), run.rows().get().configIds().indexOf(c.id())),
          c.id());
    }
    RunCommandTest.assertRowInvariants(run.rows().orElseThrow());

    String out = r.out();
    assertEquals(3, out.lines().filter(l -> l.startsWith(TABLE_HEADER)).count(), r::describe);
    for (ConfigResult m : f.mitigationRuns()) {
      assertTrue(out.contains("\n" + m.id() + " vs " + baseline.id() + "\n---"), r::describe);
    }
    assertTrue(out.contains("Ranking (the winner rule"), r::describe);
    var ranked = dev.benchbook.analysis.Winner.ranked(f.allComparisons(), f::config);
    for (var s : ranked) {
      String strategy = f.config(s.comparison().mitigationConfig()).orElseThrow().strategy();
      assertEquals(1, out.lines().filter(l -> l.matches("\\| " + s.place() + " +\\| "
          + strategy + " +\\|.*")).count(), () -> strategy + " ranked once, at its place under "
          + "the rule:\n" + out);
    }
    assertEquals(1, out.lines().filter(l -> l.matches("\\| - +\\| per-worker +\\| baseline.*"))
        .count(), out);
    assertTrue(out.contains(json.toString()), r::describe);
  }

  @Test
  void oneStrategyWithOneRepetitionSaysWhyThereIsNoThroughputInterval() throws Exception {
    Cli.Result r = Cli.small("mitigate", "--strategy", "shared-connection", "--concurrency",
        "2", "--files", "30", "--reps", "1", "--data-dir", data.toString())
        .assertCode(ExitCode.OK);

    RunFile f = ResultsReader.read(Cli.only(data, ".json")).run();
    assertEquals("shared-connection", f.mitigationRun().orElseThrow().strategy());
    assertTrue(f.mitigationRuns().isEmpty());
    Comparison c = f.comparison().orElseThrow();
    assertTrue(c.throughput().ci().isEmpty(), "no throughput interval from one repetition");
    assertTrue(c.intervals().contains("1 repetition"), c.intervals());
    assertTrue(r.out().contains(c.intervals()), r::describe);
    assertTrue(!r.out().contains("Ranking (the winner rule"), "no ranking for one mitigation");
    for (ConfigResult config : f.allConfigs()) {
      assertEquals(30L * 4, config.transitions(), config.id());
    }
  }

  @Test
  void strategyOptionsGoInlineAndOverrideTheFlags() throws Exception {
    Cli.small("mitigate", "--strategy", "writer-queue:batch-max=7,batch-wait-us=3,backoff",
        "--batch-max", "64", "--backoff-min-us", "5", "--concurrency", "2", "--files", "10",
        "--reps", "1", "--data-dir", data.toString()).assertCode(ExitCode.OK);
    RunFile f = ResultsReader.read(Cli.only(data, ".json")).run();
    assertEquals(Map.of("batch_max", 7, "batch_wait_us", 3), f.allConfigs().get(1)
        .strategyOptions());
    assertEquals(Map.of("busy_handler", "jittered-exponential", "backoff_min_us", 5,
        "backoff_max_us", 2000), f.allConfigs().get(2).strategyOptions());
    Cli.small("mitigate", "--strategy", "writer-queue:batchmax=7").assertCode(ExitCode.USAGE)
        .assertOneErrorLine("--strategy", "no option 'batchmax'", "batch-max, batch-wait-us");
    Cli.small("mitigate", "--strategy", "per-worker").assertCode(ExitCode.USAGE)
        .assertOneErrorLine("'per-worker' is the baseline, which always runs");
    Cli.small("mitigate", "--batch-max", "0").assertCode(ExitCode.USAGE)
        .assertOneErrorLine("--batch-max must be a whole number in [1, 100000], got '0'");
  }

  static void assertIntervalsAndVerdicts(Comparison c) {
    assertTrue(c.segments().size() >= 4, c::toString);
    for (SegmentDelta row : c.segments()) {
      String what = c.mitigationConfig() + " " + row.segment();
      assertTrue(row.deltaCiMs().isPresent(), what + " has an interval");
      assertTrue(row.verdict().isPresent(), what + " has a verdict");
      assertTrue(row.deltaCiMs().get().low() <= row.deltaCiMs().get().high(), what);
    }
    assertTrue(c.throughput().ci().isPresent(), c.mitigationConfig() + " throughput interval");
    assertTrue(c.throughput().verdict().isPresent(), c.mitigationConfig() + " throughput verdict");
    assertTrue(c.throughput().ratio() > 0, c.mitigationConfig());
  }
}

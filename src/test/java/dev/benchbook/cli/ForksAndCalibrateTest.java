package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.api.Benchbook;
import dev.benchbook.api.Summary;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.RepResult;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.results.RunFile;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunPlan;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --forks runs repetitions in child JVMs and merges them; calibrate runs the A/A trial. */
class ForksAndCalibrateTest {

  @TempDir
  Path tmp;

  @Test
  void forkedMitigateMergesEveryForksRowsAndRecordsTheFork() throws Exception {
    Path data = tmp.resolve("data");
    Cli.small("mitigate", "--concurrency", "2", "--files", "30", "--forks", "2", "--reps", "2",
        "--data-dir", data.toString()).assertCode(ExitCode.OK);
    LoadedRun run = ResultsReader.read(Cli.only(data, ".json"), ResultsReader.RowsMode.LOAD);
    RunFile f = run.run();
    assertEquals(2, f.manifest().parameters().get("forks"));
    assertTrue(f.manifest().clockReadNs().orElseThrow() > 0, "clock cost measured");
    for (ConfigResult c : f.allConfigs()) {
      assertEquals(4, c.reps(), c.id());
      assertEquals(List.of(0, 1, 2, 3), c.repetitions().stream().map(RepResult::rep).toList());
      assertEquals(List.of(0, 0, 1, 1), c.repetitions().stream().map(RepResult::forkIndex)
          .toList(), c.id());
      assertEquals(30L * 4 * 4, c.transitions(), c.id() + " lost or duplicated transitions");
      int code = run.rows().get().configIds().indexOf(c.id());
      assertEquals(c.transitions(), RunCommandTest.committed(run.rows().get(), code), c.id());
    }
    int[] reps = Arrays.stream(run.rows().get().rep(), 0, run.rows().get().size()).distinct()
        .sorted().toArray();
    assertEquals(List.of(0, 1, 2, 3), Arrays.stream(reps).boxed().toList());
    RunCommandTest.assertRowInvariants(run.rows().orElseThrow());
    assertTrue(f.comparison().orElseThrow().intervals().contains("2 forks, 4 vs 4 repetitions"),
        f.comparison().orElseThrow().intervals());
  }

  @Test
  void cancellingAForkedRunStopsTheChildAndRemovesEveryTemporaryFile() throws Exception {
    Path temp = Files.createDirectories(tmp.resolve("temp"));
    BenchConfig slow = new BenchConfig("c2-fast", 2, LatencyProfile.named("fast"),
        StrategySpec.named("per-worker"), 5000, SqliteSettings.defaults(), 0, 0.0,
        Duration.ofMinutes(5));
    RunPlan plan = new RunPlan(List.of(slow), 1, 42, false, Duration.ofSeconds(1),
        Duration.ofMillis(100), temp, List.of(), 2);
    RunControl control = new RunControl();
    CancelTest.runCancelledWhileMeasuring(plan, control);
    assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(),
        "the child JVM was stopped");
    assertEquals(List.of(), Cli.names(temp), "fork folder and databases removed");
  }

  @Test
  void calibrateComparesAConfigWithItselfAndTalliesFalseVerdicts() {
    Cli.Result r = Cli.small("calibrate", "--pairs", "2", "--concurrency", "2", "--files", "30",
        "--reps", "3").assertCode(ExitCode.OK);
    String out = r.out();
    assertTrue(out.startsWith("A/A calibration: c2-zero, 2 pairs, both sides interleaved in one "
        + "run; each side 3 repetitions"), r::describe);
    assertTrue(out.contains("\npair 1: db_total_ms ") && out.contains("\npair 2: "), r::describe);
    for (String row : List.of("\ndb_total_ms P95 ", "\nlock_wait_ms P95 ", "\nfsm_net_ms P95 ",
        "\nthroughput ratio ")) {
      assertTrue(out.contains(row), () -> row + " missing:\n" + out);
    }
    assertTrue(out.contains(" / 2 "), r::describe);
  }

  @Test
  void calibrateAcrossRunsUsesFreshJvmsAndBadModesAreRefused() {
    Cli.Result r = Cli.small("calibrate", "--pairs", "1", "--mode", "runs", "--concurrency", "2",
        "--files", "30", "--reps", "3").assertCode(ExitCode.OK);
    assertTrue(r.out().contains("each side a separate run in fresh JVMs"), r::describe);
    assertTrue(r.out().lines().anyMatch(l -> l.matches(".*  0 / 0 \\(1 without a verdict\\)  +-  .*")),
        r::describe);
    assertTrue(r.out().contains("no verdicts: the two configs come from separate runs and each "
        + "ran in 1 JVM (fork)"), r::describe);
    Cli.small("calibrate", "--data-dir", "elsewhere").assertCode(ExitCode.USAGE)
        .assertOneErrorLine("--data-dir does nothing for calibrate, which writes no files");
    Cli.small("calibrate", "--mode", "sideways").assertCode(ExitCode.USAGE)
        .assertOneErrorLine("--mode must be interleaved or runs, got 'sideways'");
    Cli.small("calibrate", "--pairs", "0").assertCode(ExitCode.USAGE)
        .assertOneErrorLine("--pairs must be in [1, 1000], got 0");
    Cli.small("run", "--forks", "0").assertCode(ExitCode.USAGE)
        .assertOneErrorLine("--forks must be in [1, 100], got 0");
  }
}

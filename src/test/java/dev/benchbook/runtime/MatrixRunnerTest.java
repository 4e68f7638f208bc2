package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.RawRows;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixRunnerTest {

  @TempDir
  Path tmp;

  static BenchConfig config(int c, String profile, String strategy, int files) {
    return new BenchConfig(BenchConfig.standardId(c, profile, strategy), c,
        LatencyProfile.named(profile), StrategySpec.named(strategy), files,
        SqliteSettings.defaults(), 0, 0.0, Duration.ofSeconds(20));
  }

  RunPlan plan(List<BenchConfig> configs, int reps, List<FailureInjection> inject) {
    return new RunPlan(configs, reps, 42, true, Duration.ofMillis(200), Duration.ofMillis(100),
        tmp, inject);
  }

  @Test
  void everyFileReachesIndexedAndRowsHoldSegmentInvariants() throws Exception {
    RunPlan plan = plan(List.of(config(1, "zero", "per-worker", 50),
        config(4, "zero", "per-worker", 50), config(4, "zero", "shared-connection", 50)), 2,
        List.of());
    RunOutcome out = new MatrixRunner(new RunControl(), ProgressListener.NONE).run(plan);
    assertEquals(6, out.passes().size());
    for (PassResult p : out.passes()) {
      assertEquals(200, p.committed(), p.config().id());
      assertEquals(50, p.integrity().terminal());
      assertFalse(p.durationBounded());
    }
    RawRows rows = out.rows();
    assertEquals(1200, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertTrue(rows.longs(Column.LOCK_WAIT_NS)[i] >= 0);
      assertTrue(rows.longs(Column.LOCK_WAIT_NS)[i] <= rows.longs(Column.DB_TOTAL_NS)[i], "row " + i);
      assertTrue(rows.longs(Column.DB_TOTAL_NS)[i] <= rows.longs(Column.FSM_NET_NS)[i], "row " + i);
      assertEquals(rows.longs(Column.TOTAL_NS)[i], rows.longs(Column.FSM_NET_NS)[i] + rows.longs(Column.API_NS)[i]);
    }
    assertTrue(out.ceilingTxPerS() > 0);
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(0, left.count(), "temp databases removed");
    }
  }

  @Test
  void injectedFailureRollsBackOneTransitionAndIsCounted() throws Exception {
    RunPlan plan = plan(List.of(config(2, "zero", "per-worker", 20)), 1,
        List.of(new FailureInjection(7, 2)));
    RunOutcome out = new MatrixRunner(new RunControl(), ProgressListener.NONE).run(plan);
    PassResult p = out.passes().get(0);
    assertEquals(1, p.rolledBack());
    assertEquals(80, p.committed());
    assertEquals(20, p.integrity().terminal());
  }

  @Test
  void eachTransactionShapeGetsItsOwnCeilingProbe() throws Exception {
    BenchConfig plain = config(2, "zero", "per-worker", 20);
    BenchConfig held = new BenchConfig("c2-zero-hold", 2, LatencyProfile.named("zero"),
        StrategySpec.named("per-worker"), 20, SqliteSettings.defaults(), 2_000_000, 0.0,
        Duration.ofSeconds(20));
    BenchConfig samePlain = config(2, "zero", "shared-connection", 20);
    RunOutcome out = new MatrixRunner(new RunControl(), ProgressListener.NONE)
        .run(plan(List.of(plain, held, samePlain), 1, List.of()));
    assertEquals(out.ceilingFor(plain.id()), out.ceilingFor(samePlain.id()));
    assertTrue(out.ceilingFor(held.id()) < 600, "a 2 ms hold caps the probe below 500 tx/s");
    assertTrue(out.ceilingFor(plain.id()) > 2 * out.ceilingFor(held.id()));
    assertEquals(out.ceilingFor(plain.id()), out.ceilingTxPerS());
  }

  @Test
  void onlyTheBatchingConfigGetsAGroupCommitProbeAtItsGroupSize() throws Exception {
    BenchConfig perWorker = config(4, "zero", "per-worker", 20);
    BenchConfig queue = config(4, "zero", "writer-queue", 20);
    RunOutcome out = new MatrixRunner(new RunControl(), ProgressListener.NONE)
        .run(plan(List.of(perWorker, queue), 1, List.of()));
    assertTrue(out.groupCommitFor(perWorker.id()).isEmpty());
    assertEquals(4, out.groupCommitFor(queue.id()).orElseThrow().transitionsPerCommit());
    assertTrue(out.groupCommitFor(queue.id()).orElseThrow().transitionsPerS() > 0);
  }

  @Test
  void warmupEndsWhenTheJitIsQuietOrAfterTheMostRounds() {
    long second = 1_000_000_000L;
    assertFalse(MatrixRunner.warmupDone(1, 5, 100, second), "10% of the round compiling");
    assertTrue(MatrixRunner.warmupDone(1, 5, 99, second), "under 10%");
    assertFalse(MatrixRunner.warmupDone(4, 5, 500, second));
    assertTrue(MatrixRunner.warmupDone(5, 5, 500, second), "the most rounds");
    assertTrue(MatrixRunner.warmupDone(1, 1, 500, second), "one round at most");
    assertTrue(MatrixRunner.warmupDone(1, 5, -1, second), "no compile time reported: one round");
  }

  @Test
  void warmupRunsWholeRoundsOfEveryConfigBeforeAnyRepetition() throws Exception {
    List<BenchConfig> configs = List.of(config(2, "zero", "per-worker", 10),
        config(2, "zero", "writer-queue", 10));
    List<String> started = new java.util.ArrayList<>();
    ProgressListener record = new ProgressListener() {
      @Override
      public void passStarted(String configId, int rep, int reps) {
        started.add(configId + "@" + rep);
      }
    };
    RunOutcome out = new MatrixRunner(new RunControl(), record, 3)
        .run(plan(configs, 1, List.of()));
    int warmups = (int) started.stream().filter(s -> s.endsWith("@-1")).count();
    assertEquals(0, warmups % 2, started.toString());
    assertTrue(warmups >= 2 && warmups <= 2 * 3, started.toString());
    for (int i = 0; i < warmups; i++) {
      assertEquals(configs.get(i % 2).id() + "@-1", started.get(i), "round by round, in order");
    }
    assertEquals(List.of(configs.get(0).id() + "@0", configs.get(1).id() + "@0"),
        started.subList(warmups, started.size()));
    assertEquals(2, out.passes().size());

    started.clear();
    RunPlan cold = new RunPlan(configs, 1, 42, false, Duration.ofMillis(200), Duration.ofMillis(100),
        tmp, List.of());
    new MatrixRunner(new RunControl(), record, 3).run(cold);
    assertEquals(List.of(configs.get(0).id() + "@0", configs.get(1).id() + "@0"), started,
        "no warmup pass when warmup is off");
  }
}

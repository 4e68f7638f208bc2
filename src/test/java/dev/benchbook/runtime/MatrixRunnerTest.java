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
}

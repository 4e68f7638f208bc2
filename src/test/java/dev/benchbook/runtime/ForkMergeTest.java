package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.StrategySpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Characterization of the fork merge: what a two-fork run of two configs hands back, pass by
 * pass and row by row (pinned before forks moved into the runtime).
 */
class ForkMergeTest {

  @TempDir
  Path tmp;

  private static BenchConfig config(String id, int workers, String strategy) {
    return new BenchConfig(id, workers, LatencyProfile.named("zero"),
        StrategySpec.named(strategy), 10, SqliteSettings.defaults(), 0, 0.0,
        Duration.ofSeconds(20));
  }

  @Test
  void twoForksRenumberRepetitionsReverseOddForksAndKeepEveryRow() throws Exception {
    RunPlan plan = new RunPlan(List.of(config("a", 1, "per-worker"),
        config("b", 2, "shared-connection")), 2, 5, false, Duration.ofMillis(100),
        Duration.ofMillis(50), tmp, List.of(), 2);
    RunOutcome out = Forks.run(plan, new RunControl(), ProgressListener.NONE);

    List<String> order = out.passes().stream()
        .map(p -> p.config().id() + p.rep() + "/" + p.fork()).toList();
    assertEquals(List.of("a0/0", "b0/0", "b1/0", "a1/0", "b2/1", "a2/1", "a3/1", "b3/1"), order);
    for (PassResult p : out.passes()) {
      assertEquals(plan.configIds().indexOf(p.config().id()), p.configCode(), order::toString);
      assertEquals(40, p.committed(), "10 files x 4 transitions");
      assertEquals(10, p.integrity().terminal());
    }
    assertEquals(List.of("a", "b"), List.copyOf(out.ceilings().keySet()), "probed once, here");
    RawRows rows = out.rows();
    assertEquals(plan.configIds(), rows.configIds());
    assertEquals(List.of("PENDING", "UPLOADING", "UPLOADED", "PROCESSING", "INDEXED", "FAILED"),
        rows.stateNames());
    long[][] committed = new long[2][4];
    for (int i = 0; i < rows.size(); i++) {
      int config = rows.config()[i];
      assertTrue(rows.worker()[i] < plan.configs().get(config).concurrency(), "row " + i);
      assertTrue(rows.longs(Column.LOCK_WAIT_NS)[i] <= rows.longs(Column.DB_TOTAL_NS)[i], "row " + i);
      assertTrue(rows.longs(Column.DB_TOTAL_NS)[i] <= rows.longs(Column.FSM_NET_NS)[i], "row " + i);
      if (rows.outcome()[i] == Outcome.COMMITTED.ordinal()) {
        committed[config][rows.rep()[i]]++;
      }
    }
    for (long[] perRep : committed) {
      assertEquals(List.of(40L, 40L, 40L, 40L), java.util.Arrays.stream(perRep).boxed().toList());
    }
  }
}

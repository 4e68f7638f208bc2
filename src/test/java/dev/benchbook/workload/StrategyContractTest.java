package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.RawRows;
import dev.benchbook.runtime.BenchConfig;
import dev.benchbook.runtime.FailureInjection;
import dev.benchbook.runtime.MatrixRunner;
import dev.benchbook.runtime.PassResult;
import dev.benchbook.runtime.ProgressListener;
import dev.benchbook.runtime.RunControl;
import dev.benchbook.runtime.RunOutcome;
import dev.benchbook.runtime.RunPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every connection strategy keeps, run against each of them. */
class StrategyContractTest {

  @TempDir
  Path tmp;

  private RunOutcome run(String strategy, int concurrency, int files, double holdMs,
      List<FailureInjection> inject) throws Exception {
    BenchConfig c = new BenchConfig("c" + concurrency + "-zero-" + strategy, concurrency,
        LatencyProfile.named("zero"), StrategySpec.named(strategy), files,
        SqliteSettings.defaults(), Math.round(holdMs * 1e6), 0, Duration.ofSeconds(20));
    RunPlan plan = new RunPlan(List.of(c), 1, 7, false, Duration.ofMillis(100),
        Duration.ofMillis(50), tmp, inject);
    return new MatrixRunner(new RunControl(), ProgressListener.NONE).run(plan);
  }

  static Stream<String> strategies() {
    return Strategies.all().stream().map(Strategy::name);
  }

  static Stream<String> atomicStrategies() {
    return Strategies.all().stream().filter(Strategy::atomic).map(Strategy::name);
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void allFilesReachIndexedAndSegmentsNest(String strategy) throws Exception {
    RunOutcome out = run(strategy, 8, 60, 0.05, List.of());
    PassResult p = out.passes().get(0);
    assertEquals(60, p.integrity().terminal(), "files INDEXED");
    assertEquals(240, p.committed());
    assertEquals(240, p.integrity().auditRows());
    assertEquals(0, p.rolledBack());
    RawRows rows = out.rows();
    for (int i = 0; i < rows.size(); i++) {
      assertTrue(rows.longs(Column.LOCK_WAIT_NS)[i] <= rows.longs(Column.DB_TOTAL_NS)[i], strategy + " row " + i);
      assertTrue(rows.longs(Column.DB_TOTAL_NS)[i] <= rows.longs(Column.FSM_NET_NS)[i], strategy + " row " + i);
    }
  }

  @ParameterizedTest
  @MethodSource("atomicStrategies")
  void injectedFailureRollsBackThatTransitionOnly(String strategy) throws Exception {
    RunOutcome out = run(strategy, 6, 40, 0, List.of(new FailureInjection(3, 1),
        new FailureInjection(17, 3)));
    PassResult p = out.passes().get(0);
    assertEquals(2, p.rolledBack(), "two injected failures counted");
    assertEquals(160, p.committed(), "every other transition committed");
    assertEquals(40, p.integrity().terminal());
    assertEquals(160, p.integrity().auditRows(), "no audit row of a rolled-back transition");
  }
}

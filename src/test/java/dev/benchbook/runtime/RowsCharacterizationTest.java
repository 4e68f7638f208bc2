package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.workload.Flow;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.Strategies;
import dev.benchbook.workload.StrategySpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins what a measured pass records, under every strategy and latency profile, on a tiny
 * workload: one row per attempt, the segment invariants per row, every file at a terminal
 * state, and one audit row per committed transition. The realistic profile keeps its shape
 * (log-normal, sigma 0.15) at 1/100 of its median so the test stays fast.
 */
class RowsCharacterizationTest {

  private static final int WORKERS = 3;
  private static final int FILES = 9;

  @TempDir
  Path tmp;

  static Stream<Arguments> strategiesAndProfiles() {
    List<Arguments> out = new ArrayList<>();
    for (String strategy : Strategies.names()) {
      for (LatencyProfile p : List.of(LatencyProfile.named("zero"), LatencyProfile.named("fast"),
          new LatencyProfile("realistic", 20, 0.15))) {
        out.add(Arguments.of(strategy, p, 0.0));
        if (p.isZero()) {
          out.add(Arguments.of(strategy, p, 0.4));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} failures={2}")
  @MethodSource("strategiesAndProfiles")
  void everyAttemptIsOneRowThatHoldsTheInvariants(String strategy, LatencyProfile profile,
      double failureProbability) throws Exception {
    BenchConfig config = new BenchConfig("c" + WORKERS + "-" + profile.name(), WORKERS, profile,
        StrategySpec.named(strategy), FILES, SqliteSettings.defaults(), 0, failureProbability,
        Duration.ofSeconds(30));
    RunPlan plan = new RunPlan(List.of(config), 1, 7, false, Duration.ofMillis(50),
        Duration.ZERO, tmp, List.of());
    RunOutcome out = new MatrixRunner(new RunControl(), ProgressListener.NONE).run(plan);
    PassResult pass = out.passes().get(0);
    RawRows rows = out.rows();
    Flow flow = config.flow();

    assertEquals(List.of(config.id()), rows.configIds());
    assertEquals(flow.states(), rows.stateNames());
    assertEquals(pass.committed() + pass.conflicts() + pass.busyErrors() + pass.rolledBack(),
        rows.size(), "one row per attempted transition");
    assertTrue(pass.integrity().ok(), pass.integrity().violations().toString());
    assertEquals(FILES, pass.integrity().terminal() + pass.integrity().failed(),
        "every file reaches a terminal state");
    assertEquals(pass.committed(), pass.integrity().auditRows(),
        "one audit row per committed transition");

    int[] state = new int[FILES];
    long committedRows = 0;
    long[] lastStartByWorker = new long[WORKERS];
    for (int i = 0; i < rows.size(); i++) {
      String at = config.id() + " row " + i;
      assertEquals(0, rows.config()[i], at);
      assertEquals(0, rows.rep()[i], at);
      int w = rows.worker()[i];
      assertTrue(w >= 0 && w < WORKERS, at);
      assertTrue(rows.startNs()[i] >= lastStartByWorker[w], at + ": start_ns ascends per worker");
      lastStartByWorker[w] = rows.startNs()[i];
      long lockWait = rows.longs(Column.LOCK_WAIT_NS)[i];
      long dbTotal = rows.longs(Column.DB_TOTAL_NS)[i];
      long fsmNet = rows.longs(Column.FSM_NET_NS)[i];
      assertTrue(0 <= lockWait && lockWait <= dbTotal && dbTotal <= fsmNet,
          at + ": lock_wait <= db_total <= fsm_net");
      assertTrue(rows.longs(Column.FSM_DISPATCH_NS)[i] >= 0 && rows.longs(Column.FSM_DISPATCH_NS)[i] <= fsmNet, at);
      assertEquals(rows.longs(Column.TOTAL_NS)[i], fsmNet + rows.longs(Column.API_NS)[i], at + ": total = fsm_net + api");
      assertTrue(rows.retries()[i] >= 0, at);
      int file = rows.fileId()[i];
      int from = rows.fromState()[i];
      assertEquals(state[file], from, at + ": a file moves from the state it is in");
      assertEquals(flow.edges().get(flow.edgeFrom(from)).callsApi() && !profile.isZero(),
          rows.longs(Column.API_NS)[i] > 0, at + ": api time only on API edges of a non-zero profile");
      if (rows.outcome()[i] == Outcome.COMMITTED.ordinal()) {
        committedRows++;
        state[file] = rows.toState()[i];
      }
    }
    assertEquals(pass.committed(), committedRows);
    for (int f = 0; f < FILES; f++) {
      assertTrue(flow.isTerminal(state[f]), "file " + f + " ends in " + state[f]);
    }
  }
}

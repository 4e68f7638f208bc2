package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.api.Benchbook;
import dev.benchbook.rows.Column;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.workload.ErrorCodes;
import dev.benchbook.workload.LatencyProfile;
import dev.benchbook.workload.SqliteSettings;
import dev.benchbook.workload.Strategies;
import dev.benchbook.workload.Strategy;
import dev.benchbook.workload.StrategySpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * Your code in the loop: a Java workload on its own tables runs unchanged under every atomic
 * strategy; what it throws, an SQL constraint it violates and a transition that never returns
 * become outcomes and messages, never a crash or a hung run.
 */
class UserCodeTest {

  private static final int JOBS = 24;

  @TempDir
  Path tmp;

  private RunOutcome run(JobsWorkload w, String strategy, int concurrency, Duration bound,
      SqliteSettings sqlite) throws Exception {
    BenchConfig c = new BenchConfig("c" + concurrency + "-zero-" + strategy, concurrency,
        LatencyProfile.named("zero"), StrategySpec.named(strategy), JOBS, sqlite, 0, 0.0, bound,
        w);
    RunPlan plan = new RunPlan(List.of(c), 1, 1, false, Duration.ofMillis(100), Duration.ZERO,
        tmp, List.of());
    return new MatrixRunner(new RunControl(), ProgressListener.NONE).run(plan);
  }

  private RunOutcome run(JobsWorkload w, String strategy, int concurrency) throws Exception {
    return run(w, strategy, concurrency, Duration.ofSeconds(20), SqliteSettings.defaults());
  }

  static Stream<String> atomicStrategies() {
    return Strategies.all().stream().filter(Strategy::atomic).map(Strategy::name);
  }

  @ParameterizedTest
  @MethodSource("atomicStrategies")
  void aJavaWorkloadOnItsOwnTablesRunsUnderEveryStrategy(String strategy) throws Exception {
    RunOutcome out = run(new JobsWorkload(), strategy, 4);
    PassResult p = out.passes().get(0);
    assertEquals(2L * JOBS, p.committed(), strategy);
    assertEquals(JOBS, p.integrity().terminal(), strategy);
    assertTrue(p.integrity().ok(), p.integrity().violations()::toString);
    assertEquals(List.of("QUEUED", "CLAIMED", "DONE", "LOST"), out.rows().stateNames());
    assertNested(out.rows(), strategy);
    assertEquals(Map.of(), out.errors());
  }

  @Test
  void forksBuildTheWorkloadByItsClassAndBringTheirErrorsBack() throws Exception {
    PlanSettings s = PlanSettings.builder().workload(new JobsWorkload.WithConstraintFault())
        .files(10).warmup(false).forks(2).ceilingProbe(Duration.ofMillis(50)).tempDir(tmp)
        .build();
    RunOutcome out = Forks.run(s.plan(List.of(s.config(2, "zero", "writer-queue"))),
        new RunControl(), ProgressListener.NONE);
    assertEquals(List.of(20L, 20L), out.passes().stream().map(PassResult::committed).toList());
    assertEquals(Map.of(2067, "SQLITE_CONSTRAINT_UNIQUE"), out.errors());
    assertEquals(2, failed(out.rows(), 2067, "CLAIMED", "DONE"), "one per fork");
  }

  @Test
  void theNotAtomicSeedSetupRunsItToo() throws Exception {
    RunOutcome out = run(new JobsWorkload(), "shared-interleaved", 2);
    PassResult p = out.passes().get(0);
    assertEquals(2L * JOBS, p.committed());
    assertTrue(p.integrity().ok(), p.integrity().violations()::toString);
    assertNested(out.rows(), "shared-interleaved");
  }

  @ParameterizedTest
  @MethodSource("atomicStrategies")
  void codeThatThrowsAfterWritingIsAFailedAttemptRolledBack(String strategy) throws Exception {
    RunOutcome out = run(new JobsWorkload(JobsWorkload.Fault.DB_THROWS_AFTER_WRITING), strategy,
        3);
    PassResult p = out.passes().get(0);
    assertTrue(p.integrity().ok(), strategy + ": nothing of a failed attempt stays: "
        + p.integrity().violations());
    assertEquals(2L * JOBS, p.committed(), strategy);
    assertEquals(2L * JOBS, p.rolledBack(), strategy + ": every completion failed twice");
    int code = ErrorCodes.codeOfName("java.lang.ArithmeticException");
    assertEquals(2 * JOBS, failed(out.rows(), code, "CLAIMED", "DONE"), strategy);
    assertEquals(Map.of(code, "java.lang.ArithmeticException"), out.errors());
    assertNested(out.rows(), strategy);
  }

  @Test
  void dispatchAndCallThatThrowAreFailedAttemptsNamedByTheirClass() throws Exception {
    RunOutcome out = run(new JobsWorkload(JobsWorkload.Fault.DISPATCH_THROWS), "per-worker", 2);
    int dispatch = ErrorCodes.codeOfName("java.lang.IllegalStateException");
    assertEquals(1, failed(out.rows(), dispatch, "QUEUED", "QUEUED"),
        "a dispatch that threw chose no edge");
    assertEquals(2L * JOBS, out.passes().get(0).committed());
    out = run(new JobsWorkload(JobsWorkload.Fault.CALL_THROWS), "writer-queue", 2);
    int call = ErrorCodes.codeOfName("java.lang.UnsupportedOperationException");
    assertEquals(1, failed(out.rows(), call, "CLAIMED", "DONE"));
    assertEquals(Map.of(call, "java.lang.UnsupportedOperationException"), out.errors());
    assertTrue(out.passes().get(0).integrity().ok());
  }

  @ParameterizedTest
  @MethodSource("atomicStrategies")
  void sqlViolatingAConstraintIsAFailedAttemptWithItsSqliteCode(String strategy)
      throws Exception {
    RunOutcome out = run(new JobsWorkload(JobsWorkload.Fault.CONSTRAINT), strategy, 2);
    assertEquals(Map.of(2067, "SQLITE_CONSTRAINT_UNIQUE"), out.errors(), strategy);
    assertEquals(1, failed(out.rows(), 2067, "CLAIMED", "DONE"), strategy);
    PassResult p = out.passes().get(0);
    assertTrue(p.integrity().ok(), p.integrity().violations()::toString);
    assertEquals(2L * JOBS, p.committed());
  }

  @Test
  void codeThatAlwaysThrowsStopsTheRunNamingTheEdgeAndTheException() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> run(new JobsWorkload(JobsWorkload.Fault.ALWAYS_THROWS), "per-worker", 1));
    assertTrue(e.getMessage().endsWith("the dispatch hook leaving QUEUED of file 5 failed 1000 "
        + "times in a row (last outcome: failed, java.lang.IllegalStateException: job 5 is "
        + "cursed)"), e.getMessage());
  }

  @Test
  void aTransitionThatNeverReturnsIsStoppedNamingTheEdge() throws Exception {
    JobsWorkload hangs = new JobsWorkload(JobsWorkload.Fault.HANGS);
    long start = System.nanoTime();
    try {
      HungTransitionException e = assertThrows(HungTransitionException.class, () -> run(hangs,
          "per-worker", 2, Duration.ofMillis(300), new SqliteSettings("NORMAL", 100)));
      assertTrue(e.getMessage().matches("config c2-zero-per-worker rep 0: worker \\d has been in "
          + "the dispatch hook leaving QUEUED \\(file 1\\) for 1\\.\\d s, longer than the "
          + "duration bound \\(1\\.1 s\\): a transition that never returns cannot be measured, "
          + "the run is stopped"), e.getMessage());
    } finally {
      hangs.release.countDown();
    }
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped within seconds");
  }

  @Test
  void theFacadeMeasuresInThreeLinesAndKeepsWhatFailedThroughFilesAndTheCatalog()
      throws Exception {
    var run = Benchbook.measure(new JobsWorkload(JobsWorkload.Fault.CONSTRAINT)).concurrency(1, 2)
        .files(12).run();
    assertEquals(Optional.of(Map.of("2067", "SQLITE_CONSTRAINT_UNIQUE")),
        run.run().manifest().errors());
    Table failures = Benchbook.failures(run);
    assertEquals(1, failures.rowCount(), failures::print);
    assertEquals("SQLITE_CONSTRAINT_UNIQUE", failures.stringColumn("error").get(0));
    assertEquals("CLAIMED", failures.stringColumn("from_state").get(0));
    assertEquals(1L, failures.longColumn("attempts").get(0));
    var written = Benchbook.write(run, tmp.toString());
    assertEquals(run.run().manifest().errors(), written.run().manifest().errors());
    assertEquals(1, failed(written.rows().orElseThrow(), 2067, "CLAIMED", "DONE"));
    Benchbook.catalog(tmp.toString());
    Table q = Benchbook.query(tmp.toString(), "SELECT error, count(*) AS n FROM rows "
        + "WHERE outcome = " + Outcome.FAILED.code() + " GROUP BY error");
    assertEquals("2067", q.getString(0, "error"), q::print);
    assertEquals("1", q.getString(0, "n"));
  }

  /** Failed rows of the edge with the error code, checking every failed row has a code. */
  private static int failed(RawRows rows, int code, String from, String to) {
    int n = 0;
    for (int i = 0; i < rows.size(); i++) {
      boolean failed = rows.outcome()[i] == Outcome.FAILED.code();
      assertEquals(failed, rows.ints(Column.ERROR)[i] != 0, "row " + i);
      if (failed && rows.ints(Column.ERROR)[i] == code
          && rows.stateNames().get(rows.fromState()[i]).equals(from)
          && rows.stateNames().get(rows.toState()[i]).equals(to)) {
        n++;
      }
    }
    return n;
  }

  private static void assertNested(RawRows rows, String strategy) {
    for (int i = 0; i < rows.size(); i++) {
      long lock = rows.longs(Column.LOCK_WAIT_NS)[i];
      long db = rows.longs(Column.DB_TOTAL_NS)[i];
      long net = rows.longs(Column.FSM_NET_NS)[i];
      assertTrue(lock >= 0 && lock <= db && db <= net, strategy + " row " + i + ": lock_wait "
          + lock + ", db_total " + db + ", fsm_net " + net);
    }
  }
}

package dev.benchbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.Segment;
import dev.benchbook.workload.FsmWorkload;
import dev.benchbook.workload.WorkloadFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workload files other than the built-in one run end to end under every atomic strategy: their
 * schema, seed rows, each edge's SQL (a select's columns as parameters), and their own integrity
 * checks after every pass.
 */
class FileWorkloadTest {

  static final Path JOB_QUEUE = Path.of("workloads/job-queue.json");
  static final Path LEDGER = Path.of("workloads/ledger.json");

  @TempDir
  Path tmp;

  private RunOutcome run(FsmWorkload w, String strategy, int workers, int files, double failures)
      throws Exception {
    PlanSettings s = PlanSettings.builder().workload(w).files(files).reps(2).warmup(false)
        .failureProbability(failures).ceilingProbe(Duration.ZERO).tempDir(tmp).build();
    return new MatrixRunner(new RunControl(), ProgressListener.NONE)
        .run(s.plan(List.of(s.config(workers, "zero", strategy))));
  }

  @Test
  void theJobQueueRunsUnderEveryStrategyWithItsInvariants() throws Exception {
    FsmWorkload queue = FsmWorkload.of(WorkloadFile.read(JOB_QUEUE));
    for (String strategy : List.of("per-worker", "shared-connection", "writer-queue",
        "backoff")) {
      RunOutcome out = run(queue, strategy, 3, 40, 0.25);
      for (PassResult p : out.passes()) {
        assertTrue(p.integrity().ok(), () -> strategy + ": " + p.integrity().violations());
        assertEquals(40, p.integrity().files(), strategy);
        assertEquals(40, p.integrity().terminal() + p.integrity().failed(), strategy);
        assertTrue(p.integrity().failed() > 0 && p.integrity().terminal() > 0,
            strategy + ": with failures some jobs die and most are done");
        assertEquals(p.committed(), p.integrity().auditRows(), strategy);
        assertEquals(0, p.conflicts(), strategy + ": every claim found a queued job");
      }
      RawRows rows = out.rows();
      assertEquals(List.of("QUEUED", "LEASED", "RENEWED", "DONE", "DEAD"), rows.stateNames());
      assertSegmentsNest(rows, strategy);
      long committed = out.passes().stream().mapToLong(PassResult::committed).sum();
      assertEquals(committed, count(rows, Outcome.COMMITTED), strategy);
    }
  }

  @Test
  void theLedgersHotRowKeepsItsInvariantsUnderContention() throws Exception {
    FsmWorkload ledger = FsmWorkload.of(WorkloadFile.read(LEDGER));
    for (String strategy : List.of("per-worker", "writer-queue")) {
      RunOutcome out = run(ledger, strategy, 4, 60, 0.3);
      for (PassResult p : out.passes()) {
        assertTrue(p.integrity().ok(), () -> strategy + ": " + p.integrity().violations());
        assertEquals(60, p.integrity().terminal() + p.integrity().failed(), strategy);
        assertEquals(p.committed(), p.integrity().auditRows(), strategy);
      }
      assertEquals(List.of("PENDING", "POSTED", "REJECTED"), out.rows().stateNames());
    }
  }

  @Test
  void aBrokenInvariantOfTheFileFailsThePass() throws Exception {
    String text = Files.readString(JOB_QUEUE).replace(
        "SET state = :to_state, lease_until_ms = NULL, finished_ms = :now_ms",
        "SET state = :to_state, finished_ms = :now_ms");
    FsmWorkload leaky = FsmWorkload.of(WorkloadFile.parse("leaky.json", text));
    IntegrityViolation e = assertThrows(IntegrityViolation.class,
        () -> run(leaky, "per-worker", 2, 10, 0));
    assertTrue(e.getMessage().contains("a done job has its owner and no lease does not hold: "
        + "10 (ids 0, 1, 2, 3, 4, 5, 6, 7, 8, 9)"), e.getMessage());
  }

  @Test
  void forksRunTheFilesContentNotItsPath() throws Exception {
    Path copy = tmp.resolve("queue.json");
    Files.copy(JOB_QUEUE, copy);
    FsmWorkload queue = FsmWorkload.of(WorkloadFile.read(copy));
    Files.delete(copy);
    PlanSettings s = PlanSettings.builder().workload(queue).files(12).warmup(false).forks(2)
        .ceilingProbe(Duration.ofMillis(30)).tempDir(tmp).build();
    RunOutcome out = Forks.run(s.plan(List.of(s.config(2, "zero", "writer-queue"))),
        new RunControl(), ProgressListener.NONE);
    assertEquals(List.of(36L, 36L), out.passes().stream().map(PassResult::committed).toList());
    assertEquals(List.of("QUEUED", "LEASED", "RENEWED", "DONE", "DEAD"),
        out.rows().stateNames());
  }

  private static long count(RawRows rows, Outcome outcome) {
    long n = 0;
    byte[] codes = rows.outcome();
    for (int i = 0; i < rows.size(); i++) {
      n += codes[i] == outcome.code() ? 1 : 0;
    }
    return n;
  }

  /** lock_wait <= db_total <= fsm_net on every row. */
  static void assertSegmentsNest(RawRows rows, String what) {
    long[] lock = rows.ns(Segment.LOCK_WAIT);
    long[] db = rows.ns(Segment.DB_TOTAL);
    long[] net = rows.ns(Segment.FSM_NET);
    for (int i = 0; i < rows.size(); i++) {
      assertTrue(lock[i] <= db[i] && db[i] <= net[i], what + ": row " + i);
    }
  }
}

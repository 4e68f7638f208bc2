package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.benchbook.rows.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's shared-connection setup is not atomic: one worker's rollback undoes another
 * worker's transition, which still reports a commit. The atomic strategies cannot do this
 * (StrategyContractTest injects the same failure into each of them).
 */
class SharedInterleavedAnomalyTest {

  @TempDir
  Path tmp;

  private static TransitionWrite write(int file, int worker) {
    TransitionWrite w = Writes.of(file, "PENDING", "UPLOADING", 0);
    w.worker = worker;
    return w;
  }

  @Test
  void anotherWorkersRollbackLosesATransitionThatReportedCommitted() throws Exception {
    try (Database db = Database.create(tmp, SqliteSettings.defaults(), Flow.standard(), 2);
        SharedInterleavedStrategy strategy = new SharedInterleavedStrategy(db, 1_000_000_000L);
        WriteChannel a = strategy.open(0);
        WriteChannel b = strategy.open(1)) {
      assertFalse(Strategies.SHARED_INTERLEAVED.atomic());
      TransitionWrite wa = write(0, 0);
      Thread ta = new Thread(() -> a.apply(wa));
      ta.start();
      Thread.sleep(250);
      TransitionWrite wb = write(1, 1);
      wb.injectFailure = true;
      b.apply(wb);
      ta.join();
      assertEquals(Outcome.ROLLED_BACK, wb.result);
      assertEquals(Outcome.COMMITTED, wa.result, "worker A believes it committed");
      assertEquals(0, Writes.count(db, "SELECT version FROM files WHERE id = 0"), "A's UPDATE is lost");
      assertEquals(0, Writes.count(db, "SELECT count(*) FROM transitions"), "A's audit row is lost");
    }
  }
}

package dev.benchbook.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.rows.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer-queue's hand-off: transitions of several workers committed in one transaction,
 * each with its own outcome; a failure in the middle of a batch rolls back that transition
 * only.
 */
class WriterQueueBatchTest {

  private static final int WORKERS = 5;

  @TempDir
  Path tmp;

  @Test
  void aFailureInTheMiddleOfABatchRollsBackThatTransitionOnly() throws Exception {
    try (Database db = Database.create(tmp, SqliteSettings.defaults(), Flow.standard(), 10);
        WriterQueueStrategy queue = new WriterQueueStrategy(db, 0, WORKERS, 10_000_000)) {
      List<TransitionWrite> writes = submitInOrder(queue, 2);
      for (int i = 0; i < WORKERS; i++) {
        TransitionWrite w = writes.get(i);
        assertEquals(i == 2 ? Outcome.ROLLED_BACK : Outcome.COMMITTED, w.result,
            "transition " + i);
        assertTrue(w.lockWaitNs >= 0, "lock wait of transition " + i);
      }
      assertEquals(1, queue.batches(), "the four others committed together, in one transaction");
      assertEquals(WORKERS - 1, Writes.count(db, "SELECT count(*) FROM transitions"));
      assertEquals(0, Writes.count(db, "SELECT count(*) FROM transitions WHERE file_id = 2"));
      assertEquals(0, Writes.count(db, "SELECT version FROM files WHERE id = 2"));
      assertEquals(WORKERS - 1, Writes.count(db, "SELECT sum(version) FROM files"));
      assertEquals(WORKERS - 1, Writes.count(db, "SELECT count(*) FROM transitions t "
          + "JOIN files f ON f.id = t.file_id AND f.version = t.version"),
          "every committed transition has its audit row");
    }
  }

  @Test
  void lockWaitIsEachTransitionsTimeInTheQueueUntilItsBatchStarts() throws Exception {
    try (Database db = Database.create(tmp, SqliteSettings.defaults(), Flow.standard(), 10);
        WriterQueueStrategy queue = new WriterQueueStrategy(db, 0, WORKERS, 10_000_000)) {
      long before = System.nanoTime();
      List<TransitionWrite> first = submitInOrder(queue, -1);
      long after = System.nanoTime();
      // one batch: every transition's wait ends when the batch starts
      long batchStart = first.get(0).dbStartNs + first.get(0).lockWaitNs;
      for (TransitionWrite w : first) {
        assertEquals(Outcome.COMMITTED, w.result);
        assertEquals(batchStart, w.dbStartNs + w.lockWaitNs);
      }
      assertTrue(batchStart > before && batchStart < after);
      assertEquals(WORKERS, Writes.count(db, "SELECT count(*) FROM transitions"));
      assertEquals(1, queue.batches());
    }
  }

  /**
   * One worker per file 0..4, each moving its file PENDING -> UPLOADING; the one of file
   * {@code failAt} fails between its UPDATE and COMMIT. The writer waits (up to 10 s) for the
   * batch to fill to its size, five, so all five share one batch.
   */
  private static List<TransitionWrite> submitInOrder(WriterQueueStrategy queue, int failAt)
      throws Exception {
    List<TransitionWrite> writes = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(WORKERS);
    for (int i = 0; i < WORKERS; i++) {
      TransitionWrite w = Writes.of(i, "PENDING", "UPLOADING", 0);
      w.worker = i;
      w.injectFailure = i == failAt;
      writes.add(w);
      WriteChannel ch = queue.open(i);
      Thread t = new Thread(() -> {
        w.dbStartNs = System.nanoTime();
        ch.apply(w);
        done.countDown();
      });
      threads.add(t);
      t.start();
      Thread.sleep(20);
    }
    done.await();
    for (Thread t : threads) {
      t.join();
    }
    return writes;
  }
}

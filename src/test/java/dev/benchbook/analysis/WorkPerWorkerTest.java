package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.benchbook.results.ResultsReader;
import dev.benchbook.rows.RawRows;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Work per worker from raw rows: counts, spread and Jain's index. */
class WorkPerWorkerTest {

  @Test
  void theCommittedC16BaselineStarvesSomeWorkers() {
    RawRows rows = ResultsReader.read(Path.of(
        "data/contention/results-mitigation-20261126-210911.json")).withRows().rows()
        .orElseThrow();
    WorkPerWorker w = WorkPerWorker.of(rows, "c16-fast");
    assertEquals(5, w.reps());
    assertEquals(16, w.counts()[0].length);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int rep = 0; rep < w.reps(); rep++) {
      min = Math.min(min, w.min(rep));
      max = Math.max(max, w.max(rep));
    }
    assertEquals(4, min);
    assertEquals(228, max);
    WorkPerWorker queue = WorkPerWorker.of(rows, "c16-fast-writer-queue");
    assertEquals(96, queue.min(0));
    assertEquals(104, queue.max(0));
  }

  @Test
  void jainsIndexIsOneForEqualWorkAndOneOverNWhenOneWorkerDidEverything() {
    assertEquals(1.0, new WorkPerWorker("x", new long[][] {{5, 5, 5, 5}}).jainIndex(0), 1e-12);
    assertEquals(0.25, new WorkPerWorker("x", new long[][] {{8, 0, 0, 0}}).jainIndex(0), 1e-12);
    // (1+3)^2 / (2 * (1+9)) = 16/20
    assertEquals(0.8, new WorkPerWorker("x", new long[][] {{1, 3}}).jainIndex(0), 1e-12);
    assertEquals(1.0, new WorkPerWorker("x", new long[][] {{0, 0}}).jainIndex(0), 1e-12,
        "one definition with Fairness.jain: nobody committed, nobody favoured");
  }

  @Test
  void anUnknownConfigIsNamed() {
    RawRows rows = new RawRows(java.util.List.of("c1"), java.util.List.of("a"), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WorkPerWorker.of(rows, "c2"));
    assertEquals("no raw rows for config 'c2'; configs: [c1]", e.getMessage());
  }
}

package dev.benchbook.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.RepResult;
import dev.benchbook.results.WorkerFairness;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import dev.benchbook.rows.TestRows;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FairnessTest {

  @Test
  void oneWorkerDoingEverything() {
    WorkerFairness f = Fairness.of(new long[] {0, 0, 40, 0});
    assertEquals(new WorkerFairness(4, 0, 0.0, 40, 0.25, 3), f);
    assertEquals(0.0, f.minMaxRatio());
  }

  @Test
  void perfectlyEven() {
    WorkerFairness f = Fairness.of(new long[] {7, 7, 7});
    assertEquals(new WorkerFairness(3, 7, 7.0, 7, 1.0, 0), f);
    assertEquals(1.0, f.minMaxRatio());
  }

  @Test
  void oneStarvedAmongTen() {
    // fair share 820 / 10 = 82; 10% of it is 8.2, so the worker with 4 is starved, 9 is not
    long[] counts = {4, 9, 100, 101, 101, 101, 101, 101, 101, 101};
    WorkerFairness f = Fairness.of(counts);
    assertEquals(1, f.starvedWorkers());
    assertEquals(4, f.minPerWorker());
    assertEquals(101, f.maxPerWorker());
    assertEquals(101.0, f.medianPerWorker());
    double sum = 820;
    double sumSq = 16 + 81 + 10_000 + 7 * 10_201;
    assertEquals(sum * sum / (10 * sumSq), f.jainIndex(), 1e-12);
  }

  @Test
  void nobodyCommittedIsNotUnfair() {
    assertEquals(new WorkerFairness(2, 0, 0.0, 0, 1.0, 0), Fairness.of(new long[] {0, 0}));
  }

  @Test
  void countsComeFromCommittedRowsOfTheRightConfigAndRep() {
    RawRows rows = new RawRows(List.of("a", "b"), List.of("S", "T"), 8);
    add(rows, 0, 0, 0, Outcome.COMMITTED);
    add(rows, 0, 0, 0, Outcome.COMMITTED);
    add(rows, 0, 0, 1, Outcome.BUSY);
    add(rows, 0, 1, 1, Outcome.COMMITTED);
    add(rows, 1, 0, 1, Outcome.COMMITTED);
    assertEquals(List.of(2L, 0L, 0L), box(Fairness.perWorker(rows, 0, 0, 3)));
    assertEquals(List.of(0L, 1L, 0L), box(Fairness.perWorker(rows, 0, 1, 3)));
  }

  @Test
  void configFiguresPoolWorkersAndKeepTheWorstRepetition() {
    RawRows rows = new RawRows(List.of("c2"), List.of("S", "T"), 8);
    for (int i = 0; i < 4; i++) {
      add(rows, 0, 0, i % 2, Outcome.COMMITTED);
    }
    for (int i = 0; i < 4; i++) {
      add(rows, 0, 1, 0, Outcome.COMMITTED);
    }
    ConfigResult c = Fairness.fill(config(), rows);
    WorkerFairness even = new WorkerFairness(2, 2, 2.0, 2, 1.0, 0);
    WorkerFairness skewed = new WorkerFairness(2, 0, 2.0, 4, 0.5, 1);
    assertEquals(Optional.of(even), c.repetitions().get(0).fairness());
    assertEquals(Optional.of(skewed), c.repetitions().get(1).fairness());
    assertEquals(Optional.of(new WorkerFairness(2, 0, 2.0, 4, 0.5, 1)), c.fairness());
  }

  private static ConfigResult config() {
    List<RepResult> reps = List.of(new RepResult(0, 4, 1, 4, 0, 0, 0, 1, false, Map.of()),
        new RepResult(1, 4, 1, 4, 0, 0, 0, 1, false, Map.of()));
    return new ConfigResult("c2", 2, "zero", "per-worker", Map.of(), true, 2, 8, 2.0, 4, null, 0,
        0, false, Optional.empty(), Map.of(), reps);
  }

  private static void add(RawRows rows, int config, int rep, int worker, Outcome outcome) {
    TestRows.add(rows, config, rep, worker, 1, 0, 1, 0, 1, 0, 1, 2, 3, 3, 0, outcome);
  }

  private static List<Long> box(long[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}

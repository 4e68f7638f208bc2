package dev.benchbook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.results.LoadedRun;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@code Benchbook.pivot}: long to wide, sums, missing pairs, and the facade's new tables. */
class PivotTest {

  @Test
  void workPerWorkerByRepetitionGoesWideWithEveryCount() {
    LoadedRun run = Benchbook.load("data/results-mitigation-20261129-131850.json");
    String config = Benchbook.baseline(run).id();
    Table longForm = Benchbook.perWorker(run, config);
    Table wide = Benchbook.pivot(longForm, "worker", "rep", "transitions");
    int reps = Benchbook.baseline(run).repetitions().size();
    assertEquals(1 + reps, wide.columnCount(), wide.columnNames().toString());
    assertEquals(List.of("worker", "0", "1", "2", "3").subList(0, 1 + reps), wide.columnNames());
    assertEquals(16, wide.rowCount());
    for (int i = 0; i < longForm.rowCount(); i++) {
      int worker = longForm.intColumn("worker").getInt(i);
      String rep = Integer.toString(longForm.intColumn("rep").getInt(i));
      assertEquals(longForm.longColumn("transitions").getLong(i),
          wide.longColumn(rep).getLong(worker), "worker " + worker + " rep " + rep);
    }
  }

  @Test
  void duplicatePairsAreSummedAndAMissingPairStaysMissing() {
    Table t = Table.create("t", StringColumn.create("config", "a", "a", "b", "a"),
        IntColumn.create("rep", 0, 1, 1, 0), DoubleColumn.create("ms", 1.0, 2.0, 3.0, 0.5));
    Table wide = Benchbook.pivot(t, "config", "rep", "ms");
    assertEquals(List.of("config", "0", "1"), wide.columnNames());
    assertEquals(1.5, wide.doubleColumn("0").getDouble(0));
    assertEquals(2.0, wide.doubleColumn("1").getDouble(0));
    assertTrue(wide.doubleColumn("0").isMissing(1), "b has no rep 0: missing, not 0");
    assertEquals(3.0, wide.doubleColumn("1").getDouble(1));
  }

  @Test
  void repetitionsListEachRepsThroughputAndFork() {
    LoadedRun run = Benchbook.load("data/results-mitigation-20261129-131850.json");
    Table reps = Benchbook.repetitions(run);
    long expected = run.run().allConfigs().stream().mapToLong(c -> c.repetitions().size()).sum();
    assertEquals(expected, reps.rowCount());
    var first = run.run().allConfigs().get(0).repetitions().get(0);
    assertEquals(first.transitionsPerS(), reps.doubleColumn("transitions_per_s").getDouble(0));
    assertEquals(first.fork().orElseThrow(), reps.intColumn("fork").getInt(0));
  }
}

package dev.benchbook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.api.Benchbook;
import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.RepResult;
import dev.benchbook.rows.Outcome;
import dev.benchbook.rows.RawRows;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The catalog's {@code workers} table: every worker of every repetition, zeros included. */
class WorkersTableTest {

  @Test
  void aWorkerThatCommittedNothingIsARowWithZero(@TempDir Path tmp) throws Exception {
    // 16 workers and 2 files: most workers never get a file, so they commit nothing.
    LoadedRun run = Benchbook.write(Benchbook.plan().concurrency(16).files(2).run(),
        tmp.toString());
    ConfigResult config = run.run().configs().get(0);
    RawRows rows = run.rows().orElseThrow();
    Set<Integer> committers = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.outcome()[i] == Outcome.COMMITTED.ordinal()) {
        committers.add(rows.worker()[i]);
      }
    }
    assertTrue(committers.size() < 16, "the setup leaves workers without work: " + committers);

    Table t = Benchbook.query(tmp.toString(), "SELECT worker, transitions FROM workers "
        + "WHERE config = :config ORDER BY worker", Map.of("config", config.id()));
    assertEquals(16, t.rowCount(), t.print());
    long zeros = 0;
    long total = 0;
    for (int i = 0; i < t.rowCount(); i++) {
      long n = ((Number) t.column("transitions").get(i)).longValue();
      assertEquals(committers.contains(i), n > 0, "worker " + i);
      zeros += n == 0 ? 1 : 0;
      total += n;
    }
    assertEquals(16 - committers.size(), zeros);
    assertEquals(config.transitions(), total);
    Table plainGroupBy = Benchbook.query(tmp.toString(), "SELECT worker, count(*) AS n FROM rows "
        + "WHERE committed GROUP BY worker");
    assertEquals(committers.size(), plainGroupBy.rowCount(),
        "a GROUP BY over rows loses the starved workers; the workers table keeps them");
  }

  @Test
  void everyRepetitionOfACommittedRunHasEveryWorkerAndItsTransitions() {
    LoadedRun run = Benchbook.load("data/contention/results-mitigation-20261126-210911.json");
    Path data = CatalogFixture.sharedDataDir();
    for (ConfigResult c : run.run().allConfigs()) {
      for (RepResult r : c.repetitions()) {
        Table t = Benchbook.query(data.toString(), "SELECT count(*) AS workers, "
            + "sum(transitions) AS total FROM workers w JOIN runs USING (run_id) "
            + "WHERE name = :run AND config = :config AND rep = :rep",
            Map.of("run", run.name(), "config", c.id(), "rep", Integer.toString(r.rep())));
        assertEquals(c.concurrency(), ((Number) t.column("workers").get(0)).intValue(), c.id());
        assertEquals(r.transitions(), ((Number) t.column("total").get(0)).longValue(),
            c.id() + " rep " + r.rep());
      }
    }
  }
}

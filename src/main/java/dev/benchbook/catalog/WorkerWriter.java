package dev.benchbook.catalog;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.RepResult;
import dev.benchbook.rows.RawRows;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fills {@code workers}: one row per worker of a config (its concurrency) per repetition,
 * counted from the raw rows just inserted, with zeros for a worker that committed nothing or
 * never got to try, so a starved worker is a row and not a gap.
 *
 * <p>The counts come from the rows' column arrays in memory, the same rows the import just
 * wrote (outcome code 0 = committed), not from a query over the rows table: scanning the
 * freshly written b-tree again cost about a tenth of the import (docs/PERFORMANCE.md, Step 17).
 */
final class WorkerWriter {

  private WorkerWriter() {
  }

  /** Inserts the per-worker rows of one config, counted from {@code rows}. */
  static void insert(Inserts in, long runId, RawRows rows, ConfigResult config)
      throws SQLException {
    Map<Long, long[]> counts = new HashMap<>();
    TreeSet<Integer> reps = new TreeSet<>();
    int workers = config.concurrency();
    int code = rows.configIds().indexOf(config.id());
    int[] configOf = rows.config();
    int[] repOf = rows.rep();
    int[] workerOf = rows.worker();
    byte[] outcomeOf = rows.outcome();
    for (int i = 0, n = code < 0 ? 0 : rows.size(); i < n; i++) {
      if (configOf[i] != code) {
        continue;
      }
      reps.add(repOf[i]);
      workers = Math.max(workers, workerOf[i] + 1);
      long[] c = counts.computeIfAbsent(key(repOf[i], workerOf[i]), k -> new long[2]);
      c[0] += outcomeOf[i] == dev.benchbook.rows.Outcome.COMMITTED_CODE ? 1 : 0;
      c[1]++;
    }
    for (RepResult r : config.repetitions()) {
      reps.add(r.rep());
    }
    for (int rep : reps) {
      for (int worker = 0; worker < workers; worker++) {
        long[] n = counts.getOrDefault(key(rep, worker), new long[2]);
        in.insert("workers", runId, config.id(), rep, worker, n[0], n[1]);
      }
    }
  }

  private static long key(int rep, int worker) {
    return ((long) rep << 32) | worker;
  }
}

package dev.benchbook.catalog;

import dev.benchbook.results.ConfigResult;
import dev.benchbook.results.RepResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fills {@code workers}: one row per worker of a config (its concurrency) per repetition,
 * counted from the raw rows just inserted, with zeros for a worker that committed nothing or
 * never got to try, so a starved worker is a row and not a gap.
 */
final class WorkerWriter {

  private static final String COUNTS = "SELECT rep, worker, sum(outcome = 0), count(*) "
      + "FROM rows WHERE config_key = ? GROUP BY rep, worker";

  private WorkerWriter() {
  }

  /** Inserts the per-worker rows of one config. */
  static void insert(Connection c, Inserts in, long runId, long configKey, ConfigResult config)
      throws SQLException {
    Map<Long, long[]> counts = new HashMap<>();
    TreeSet<Integer> reps = new TreeSet<>();
    int workers = config.concurrency();
    try (PreparedStatement ps = c.prepareStatement(COUNTS)) {
      ps.setLong(1, configKey);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int rep = rs.getInt(1);
          int worker = rs.getInt(2);
          reps.add(rep);
          workers = Math.max(workers, worker + 1);
          counts.put(key(rep, worker), new long[] {rs.getLong(3), rs.getLong(4)});
        }
      }
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

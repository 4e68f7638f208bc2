package dev.benchbook.catalog;

import dev.benchbook.results.LoadedRun;
import dev.benchbook.results.ResultFiles;
import dev.benchbook.results.ResultsReader;
import dev.benchbook.rows.RawRows;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A/B harness for the catalog's raw-rows insert (a test-main, not a test; docs/PERFORMANCE.md,
 * Step 17): loads every rows file of a data dir once, then inserts all of them into a fresh
 * catalog per variant and round, one transaction per file, alternating the variants, and
 * prints the inserting thread's wall and CPU time, the WAL's size and the final checkpoint's
 * time. Args: data dir, out dir, rounds, variants. A variant's name holds words: {@code packed}
 * (6 packed binds per row through executeBatch), {@code plain} (one bind per value),
 * {@code direct} (packed, through {@link DirectBinds}), {@code json} (one {@code json_each}
 * statement per 4,096 rows), {@code stage} (each file first into an in-memory database, then
 * one {@code INSERT ... SELECT}; the staging CPU is printed apart), {@code ckpt} (with the
 * background {@link Checkpointer}), {@code seq} (config keys 16 * n + position for the n-th run
 * instead of the catalog's hashed keys; {@code seqbig}: plus 2^60).
 */
public final class ImportBench {

  private ImportBench() {
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Runs the rounds (see the class comment for the arguments). */
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<String> variants = List.of(args).subList(3, args.length);
    List<LoadedRun> runs = new ArrayList<>();
    for (Path json : ResultFiles.under(data)) {
      LoadedRun r = ResultsReader.read(json, ResultsReader.RowsMode.LOAD);
      if (r.rows().isPresent()) {
        runs.add(r);
      }
    }
    System.out.printf(Locale.ROOT, "%d runs with rows%n", runs.size());
    Files.createDirectories(out);
    for (int round = 0; round < rounds; round++) {
      for (String v : variants) {
        Path db = out.resolve("bench-" + v + ".db");
        for (String s : new String[] {"", "-wal", "-shm"}) {
          Files.deleteIfExists(Path.of(db + s));
        }
        try (Connection c = CatalogDb.openWritable(db)) {
          CatalogDb.exec(c, "PRAGMA wal_autocheckpoint = 0");
          long t0 = System.nanoTime();
          long cpu0 = THREADS.getCurrentThreadCpuTime();
          long n = 0;
          long stageCpu = 0;
          int runNo = 0;
          Checkpointer ck = v.contains("ckpt") ? new Checkpointer(db) : null;
          for (LoadedRun r : runs) {
            runNo++;
            long runId = v.contains("seq") ? (v.contains("big") ? (1L << 60) + runNo : runNo)
                : RunIds.runId(r.path().toString(), "x");
            Map<String, Long> keys = new LinkedHashMap<>();
            int pos = 0;
            for (String id : r.rows().get().configIds()) {
              keys.put(id, v.contains("seq") ? runId * 16 + pos++
                  : RunIds.configKey(runId, pos++));
            }
            if (v.startsWith("stage")) {
              long s0 = THREADS.getCurrentThreadCpuTime();
              String name = "/stage-" + round + "-" + runNo;
              try (Connection st = java.sql.DriverManager.getConnection(
                  "jdbc:sqlite:file:" + name + "?vfs=memdb")) {
                CatalogDb.exec(st, "PRAGMA page_size = 16384");
                CatalogDb.exec(st, "CREATE TABLE states (state INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
                CatalogDb.exec(st, rowsDdl(c));
                CatalogDb.exec(st, "BEGIN");
                n += RowsWriter.insert(st, runId, keys, r.rows().get(), true);
                CatalogDb.exec(st, "COMMIT");
                stageCpu += THREADS.getCurrentThreadCpuTime() - s0;
                CatalogDb.exec(c, "ATTACH 'file:" + name + "?vfs=memdb' AS st");
                CatalogDb.begin(c);
                String cols = "config_key, row_no, run_id, " + RowsSchema.tableColumns().stream()
                    .map(dev.benchbook.rows.Column::csvKey)
                    .collect(java.util.stream.Collectors.joining(", "));
                CatalogDb.exec(c, "INSERT INTO main.rows (" + cols + ") SELECT " + cols
                    + " FROM st.rows");
                CatalogDb.commit(c);
                CatalogDb.exec(c, "DETACH st");
              }
            } else {
              CatalogDb.begin(c);
              n += insert(v, c, runId, keys, r.rows().get());
              CatalogDb.commit(c);
            }
            if (ck != null) {
              ck.afterCommit();
            }
          }
          int cks = ck == null ? 0 : ck.checkpoints();
          if (ck != null) {
            ck.close();
          }
          long cpu = THREADS.getCurrentThreadCpuTime() - cpu0 - stageCpu;
          long wall = System.nanoTime() - t0;
          double walMb = Files.size(Path.of(db + "-wal")) / 1e6;
          long t1 = System.nanoTime();
          CatalogDb.exec(c, "PRAGMA wal_checkpoint(PASSIVE)");
          long t2 = System.nanoTime();
          c.close();
          long t3 = System.nanoTime();
          System.out.printf(Locale.ROOT, "round %d %-14s %,d rows wall %.3f s cpu %.3f s wal %.1f MB"
              + " checkpoint %.3f s close %.3f s (%d in background) stage cpu %.3f s%n",
              round, v, n, wall / 1e9, cpu / 1e9, walMb, (t2 - t1) / 1e9, (t3 - t2) / 1e9, cks, stageCpu / 1e9);
        }
      }
    }
  }

  private static long insert(String v, Connection c, long runId, Map<String, Long> keys,
      RawRows rows) throws Exception {
    if (v.startsWith("json")) {
      return jsonInsert(c, runId, keys, rows);
    }
    return RowsWriter.insert(c, runId, keys, rows, !v.startsWith("plain"), v.contains("direct"));
  }

  private static long jsonInsert(Connection c, long runId, Map<String, Long> keys,
      RawRows rows) throws Exception {
    int[] stateCodes = new int[rows.stateNames().size()];
    for (int i = 0; i < stateCodes.length; i++) {
      stateCodes[i] = i + 1;
    }
    int[] config = rows.config();
    long n = 0;
    List<dev.benchbook.rows.Column> cols = PackedRow.COLUMNS;
    for (int code = 0; code < rows.configIds().size(); code++) {
      long key = keys.get(rows.configIds().get(code));
      StringBuilder names = new StringBuilder("config_key, row_no, run_id");
      StringBuilder sel = new StringBuilder(key + ", value ->> 0, " + runId);
      for (int k = 0; k < cols.size(); k++) {
        names.append(", ").append(cols.get(k).csvKey());
        sel.append(", value ->> ").append(k + 1);
      }
      String sql = "INSERT INTO rows (" + names + ") SELECT " + sel + " FROM json_each(?)";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        StringBuilder j = new StringBuilder(1 << 20);
        int inBatch = 0;
        for (int i = 0; i < rows.size(); i++) {
          if (config[i] != code) {
            continue;
          }
          j.append(inBatch == 0 ? '[' : ',').append('[').append(i);
          for (dev.benchbook.rows.Column col : cols) {
            long val = rows.get(col, i);
            if (col == dev.benchbook.rows.Column.FROM_STATE
                || col == dev.benchbook.rows.Column.TO_STATE) {
              val = stateCodes[(int) val];
            }
            j.append(',').append(val);
          }
          j.append(']');
          n++;
          if (++inBatch == RowsWriter.BATCH) {
            ps.setString(1, j.append(']').toString());
            ps.executeUpdate();
            j.setLength(0);
            inBatch = 0;
          }
        }
        if (inBatch > 0) {
          ps.setString(1, j.append(']').toString());
          ps.executeUpdate();
        }
      }
    }
    return n;
  }

  private static String rowsDdl(Connection c) throws Exception {
    try (java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery(
            "SELECT sql FROM sqlite_schema WHERE name = 'rows'")) {
      rs.next();
      return rs.getString(1);
    }
  }

}

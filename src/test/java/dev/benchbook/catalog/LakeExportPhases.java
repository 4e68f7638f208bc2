package dev.benchbook.catalog;

import dev.benchbook.catalog.LakeTable.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a lake export's time goes (docs/PERFORMANCE.md, "Batches"): the export's steps for one
 * data dir's runs, in batches of 2M raw rows, each step timed (wall and process CPU): staging raw
 * rows from the rows files, writing the staged rows sorted by run and unsorted, and the other
 * tables from the catalog. Args: DATA_DIR (with its catalog) [OUT_DIR].
 */
public final class LakeExportPhases {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  private static final long[] WALL = new long[4];
  private static final long[] CPU = new long[4];
  private static final String[] NAMES = {"stage rows from rows files",
      "write rows sorted (COPY ... ORDER BY)", "write rows unsorted (COPY)",
      "other tables from the catalog"};

  private LakeExportPhases() {
  }

  /** See the class comment. */
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path out = Files.createTempDirectory(args.length > 1 ? Path.of(args[1])
        : Path.of(System.getProperty("java.io.tmpdir")), "phases");
    long cpu0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    try (Connection c = CatalogDb.openReadOnly(Catalog.defaultFile(data));
        LakeWriter writer = new LakeWriter(c)) {
      List<LakeTable> tables = LakeSchema.read(c);
      LakeTable rows = tables.stream().filter(t -> t.name().equals("rows")).findFirst()
          .orElseThrow();
      List<List<Long>> batches = batches(c, LakeLimits.DEFAULT.batchRows());
      try (RowsFileWriter files = new RowsFileWriter(c, data, rows, writer.duck())) {
        int b = 0;
        for (List<Long> batch : batches) {
          Path dir = out.resolve("b" + b++);
          writer.createRowsStage(rows);
          time(0, () -> files.stage(batch, LakeWriter.ROWS_STAGE));
          time(1, () -> writer.writeStage(rows, LakeWriter.ROWS_STAGE,
              dir.resolve("rows-sorted.parquet")));
          LakeTable unsorted = new LakeTable("rows", Scope.RUN, rows.columns());
          time(2, () -> writer.writeStage(unsorted, LakeWriter.ROWS_STAGE,
              dir.resolve("rows.parquet")));
          time(3, () -> {
            for (LakeTable t : tables) {
              if (t.scope() == Scope.RUN && !t.name().equals("rows")) {
                writer.writeTable(t, batch, dir.resolve(t.name() + ".parquet"));
              }
            }
            return null;
          });
        }
      }
    }
    for (int i = 0; i < NAMES.length; i++) {
      System.out.printf(Locale.ROOT, "%-40s %7.2f s wall %7.2f s CPU%n", NAMES[i],
          WALL[i] / 1e9, CPU[i] / 1e9);
    }
    System.out.printf(Locale.ROOT, "%-40s %7.2f s wall %7.2f s CPU (JVM, DuckDB start incl.)%n",
        "all", (System.nanoTime() - t0) / 1e9, (OS.getProcessCpuTime() - cpu0) / 1e9);
    LakeLayout.deleteTree(out);
  }

  /** A step that may throw. */
  private interface Step {
    Object run() throws Exception;
  }

  private static void time(int phase, Step step) throws Exception {
    long c = OS.getProcessCpuTime();
    long t = System.nanoTime();
    step.run();
    WALL[phase] += System.nanoTime() - t;
    CPU[phase] += OS.getProcessCpuTime() - c;
  }

  private static List<List<Long>> batches(Connection c, long cap) throws Exception {
    List<List<Long>> out = new ArrayList<>();
    List<Long> batch = new ArrayList<>();
    long n = 0;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT run_id, raw_rows FROM runs ORDER BY created_at")) {
      while (rs.next()) {
        if (!batch.isEmpty() && n + rs.getLong(2) > cap) {
          out.add(batch);
          batch = new ArrayList<>();
          n = 0;
        }
        batch.add(rs.getLong(1));
        n += rs.getLong(2);
      }
    }
    if (!batch.isEmpty()) {
      out.add(batch);
    }
    return out;
  }
}

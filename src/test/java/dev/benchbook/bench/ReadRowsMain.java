package dev.benchbook.bench;

import dev.benchbook.results.RowsCsv;
import dev.benchbook.results.RowsTable;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Fresh-JVM timing harness for "read 1,000,000 rows": creates the file when missing, otherwise
 * reads it once and prints the in-process read time. Time the whole process from outside for
 * the fresh-JVM figure; see docs/PERFORMANCE.md.
 */
public final class ReadRowsMain {

  private ReadRowsMain() {
  }

  /** Args: [--tablesaw] [file] [rows]; writes the file first when it does not exist. */
  public static void main(String[] args) throws Exception {
    boolean tablesaw = args.length > 0 && args[0].equals("--tablesaw");
    int a = tablesaw ? 1 : 0;
    Path file = Path.of(args.length > a ? args[a] : "target/bench/rows-1m.rows.csv.gz");
    int n = args.length > a + 1 ? Integer.parseInt(args[a + 1]) : 1_000_000;
    if (!Files.exists(file)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      long t0 = System.nanoTime();
      RowsCsv.write(SyntheticRows.generate(n, 42), file);
      System.out.printf(Locale.ROOT, "wrote %s (%d rows, %.1f MB) in %.3f s%n", file, n,
          Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9);
      return;
    }
    long t0 = System.nanoTime();
    int rows = tablesaw ? readWithTablesaw(file) : RowsCsv.read(file).size();
    long t1 = System.nanoTime();
    System.out.printf(Locale.ROOT, "%s read %d rows in %.3f s%n",
        tablesaw ? "tablesaw CsvReader" : "RowsCsv", rows, (t1 - t0) / 1e9);
  }

  private static int readWithTablesaw(Path file) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
      Table t = Table.read().csv(CsvReadOptions.builder(in)
          .columnTypes(RowsTable.csvColumnTypes()));
      return t.rowCount();
    }
  }
}

package dev.benchbook.bench;

import dev.benchbook.results.RowsCsv;
import dev.benchbook.runtime.RawRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Fresh-JVM timing harness for "read 1,000,000 rows": creates the file when missing, then
 * reads it once and prints the read time. Time the whole process from outside for the
 * fresh-JVM figure; see docs/PERFORMANCE.md.
 */
public final class ReadRowsMain {

  private ReadRowsMain() {
  }

  /** Args: file [rows]; writes the file first when it does not exist. */
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "target/bench/rows-1m.rows.csv.gz");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    if (!Files.exists(file)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      long t0 = System.nanoTime();
      RowsCsv.write(SyntheticRows.generate(n, 42), file);
      System.out.printf(Locale.ROOT, "wrote %s (%d rows, %.1f MB) in %.3f s%n", file, n,
          Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9);
      return;
    }
    long t0 = System.nanoTime();
    RawRows rows = RowsCsv.read(file);
    long t1 = System.nanoTime();
    System.out.printf(Locale.ROOT, "read %d rows in %.3f s%n", rows.size(), (t1 - t0) / 1e9);
  }
}

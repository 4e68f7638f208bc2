package dev.benchbook.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes the catalog benchmark's data dir: 100 results files holding 999,440 raw rows, made of
 * copies of the committed runs under new names (60 of the default matrix, 13,324 rows each; 25
 * of the hold sweep, 8,000 rows each; 15 of the seed's reconstruction, no rows), each copy
 * naming its own raw-rows file. See docs/PERFORMANCE.md, "Catalog".
 */
public final class CatalogBenchData {

  private static final String MATRIX = "results-20261126-211822";
  private static final String SWEEP = "contention/results-20261126-210527";
  private static final String SEED = "seed-phase-14/results-mitigation-20260222-114707";

  private CatalogBenchData() {
  }

  /**
   * Args: [out dir] [source data dir] [matrix copies]; does nothing when the out dir already
   * exists. With a third argument N it writes N copies of the default matrix run instead
   * (13,324 raw rows each, 6 configs: 751 copies are 10.0M rows), for the lake benchmark.
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench/catalog-1m");
    Path data = Path.of(args.length > 1 ? args[1] : "data");
    if (Files.exists(out)) {
      System.out.println(out + " exists; delete it to write it again");
      return;
    }
    Files.createDirectories(out);
    if (args.length > 2) {
      int copies = Integer.parseInt(args[2]);
      for (int i = 0; i < copies; i++) {
        copy(data, MATRIX, out, i, true);
      }
      System.out.printf(Locale.ROOT, "wrote %d copies of %s (%,d raw rows) to %s%n", copies,
          MATRIX, copies * 13_324L, out);
      return;
    }
    int n = 0;
    for (int i = 0; i < 60; i++) {
      copy(data, MATRIX, out, n++, true);
    }
    for (int i = 0; i < 25; i++) {
      copy(data, SWEEP, out, n++, true);
    }
    for (int i = 0; i < 15; i++) {
      copy(data, SEED, out, n++, false);
    }
    System.out.println("wrote " + n + " results files (999,440 raw rows) to " + out);
  }

  private static void copy(Path data, String source, Path out, int n, boolean rows)
      throws Exception {
    String name = String.format(Locale.ROOT, "results-20270101-%06d", n);
    String json = Files.readString(data.resolve(source + ".json"));
    if (rows) {
      String rowsName = Path.of(source).getFileName() + ".rows.csv.gz";
      json = json.replace("\"" + rowsName + "\"", "\"" + name + ".rows.csv.gz\"");
      Files.copy(data.resolve(source + ".rows.csv.gz"), out.resolve(name + ".rows.csv.gz"),
          StandardCopyOption.COPY_ATTRIBUTES);
    }
    Files.writeString(out.resolve(name + ".json"), json);
  }
}

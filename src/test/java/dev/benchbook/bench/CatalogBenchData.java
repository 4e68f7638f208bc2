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

  /** Args: [out dir] [source data dir]; does nothing when the out dir already exists. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench/catalog-1m");
    Path data = Path.of(args.length > 1 ? args[1] : "data");
    if (Files.exists(out)) {
      System.out.println(out + " exists; delete it to write it again");
      return;
    }
    Files.createDirectories(out);
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

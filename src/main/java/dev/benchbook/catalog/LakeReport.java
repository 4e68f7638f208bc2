package dev.benchbook.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What one lake export did.
 *
 * @param lake the lake folder
 * @param written runs written (new, or rewritten because a file of theirs was missing or bad)
 * @param removed runs removed because their data dir no longer has them
 * @param kept runs already in the lake, untouched
 * @param rows raw rows written
 * @param repaired files found missing or not Parquet, whose runs were written again
 * @param elapsedNs time taken, in nanoseconds
 * @param runsFromRowsFiles runs whose raw rows were read from their rows file (the others'
 *     from the catalog)
 * @param batches batches written (new runs, rewrites without removed runs, merges)
 * @param merged small batches merged into larger ones
 */
public record LakeReport(Path lake, int written, int removed, int kept, long rows,
    List<String> repaired, long elapsedNs, int runsFromRowsFiles, int batches, int merged) {

  /** Copies the list. */
  public LakeReport {
    repaired = List.copyOf(repaired);
  }

  /** A report without runs read from rows files. */
  public LakeReport(Path lake, int written, int removed, int kept, long rows,
      List<String> repaired, long elapsedNs) {
    this(lake, written, removed, kept, rows, repaired, elapsedNs, 0, 0, 0);
  }

  /** This report with runs read from rows files, batches written and batches merged. */
  public LakeReport with(int runsFromRowsFiles, int batches, int merged) {
    return new LakeReport(lake, written, removed, kept, rows, repaired, elapsedNs,
        runsFromRowsFiles, batches, merged);
  }

  /** True when the export changed the lake. */
  public boolean changed() {
    return written > 0 || removed > 0 || batches > 0;
  }

  /** One line: what changed, or that the lake was up to date. */
  public String summary() {
    if (!changed()) {
      return String.format(Locale.ROOT, "lake %s is up to date (%d runs, %.2f s)", lake, kept,
          elapsedNs / 1e9);
    }
    return String.format(Locale.ROOT, "lake %s: %d runs written (%,d raw rows), %d removed, "
        + "%d unchanged%s; %d %s written in %.2f s", lake, written, rows, removed, kept,
        merged == 0 ? "" : ", " + merged + " small batches merged", batches,
        batches == 1 ? "batch" : "batches", elapsedNs / 1e9);
  }
}

package dev.benchbook.catalog;

import dev.benchbook.results.Problem;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What bringing the catalog up to date did.
 *
 * @param catalog the catalog file
 * @param files results files found under the data dir
 * @param imported files imported for the first time
 * @param reimported files whose content changed, imported again
 * @param touched files whose size or modification time changed but whose content did not
 * @param unchanged files left as they were (good or bad)
 * @param removed files gone from the data dir, removed with everything derived from them
 * @param rowsImported raw rows inserted by this update
 * @param runs runs in the catalog afterwards
 * @param rawRows raw rows in the catalog afterwards
 * @param problems one per problem of every bad file (skipped, not in the catalog)
 * @param readNs time spent reading, hashing and validating changed files (raw rows included)
 * @param insertNs time spent in write transactions (deleting old runs, inserting new ones)
 * @param insertCpuNs CPU time of the writing thread in those transactions
 * @param elapsedNs wall time of the update, in nanoseconds
 * @param warnings one line each for what the user should know but need not act on (a damaged
 *     catalog moved aside and rebuilt, a catalog kept outside a read-only data folder)
 */
public record ImportReport(Path catalog, int files, int imported, int reimported, int touched,
    int unchanged, int removed, long rowsImported, long runs, long rawRows,
    List<Problem> problems, long readNs, long insertNs, long insertCpuNs,
    long elapsedNs, List<String> warnings) {

  /** Copies the problems and warnings. */
  public ImportReport {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  /** A report with no warnings. */
  public ImportReport(Path catalog, int files, int imported, int reimported, int touched,
      int unchanged, int removed, long rowsImported, long runs, long rawRows,
      List<Problem> problems, long readNs, long insertNs, long insertCpuNs, long elapsedNs) {
    this(catalog, files, imported, reimported, touched, unchanged, removed, rowsImported, runs,
        rawRows, problems, readNs, insertNs, insertCpuNs, elapsedNs, List.of());
  }

  /** This report with one more warning line. */
  public ImportReport withWarning(String line) {
    List<String> all = new java.util.ArrayList<>(warnings);
    all.add(line);
    return new ImportReport(catalog, files, imported, reimported, touched, unchanged, removed,
        rowsImported, runs, rawRows, problems, readNs, insertNs, insertCpuNs, elapsedNs, all);
  }

  /** True when no file was bad. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** True when this update changed the catalog. */
  public boolean changed() {
    return imported + reimported + removed > 0;
  }

  /** The bad files, in path order. */
  public Set<Path> badFiles() {
    return problems.stream().map(Problem::file)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The problems, one line each. */
  public List<String> problemLines() {
    return problems.stream().map(Problem::line).collect(Collectors.toList());
  }

  /** Where the time went: reading (overlapped), inserting (wall and CPU), in total. */
  public String timing() {
    return String.format(Locale.ROOT, "read+hash+validate %.3f s (on a helper thread), insert "
        + "%.3f s (%.3f s CPU), total %.3f s", readNs / 1e9, insertNs / 1e9, insertCpuNs / 1e9,
        elapsedNs / 1e9);
  }

  /** One line saying what changed, e.g. for {@code benchbook catalog}. */
  public String summary() {
    String totals = String.format(Locale.ROOT, "%,d runs, %,d raw rows", runs, rawRows);
    String bad = ok() ? "" : String.format(Locale.ROOT, "; %d bad file(s) skipped",
        badFiles().size());
    if (!changed()) {
      return String.format(Locale.ROOT, "catalog %s is up to date: %s (%d file(s) checked in "
          + "%.2f s)%s", catalog, totals, files, elapsedNs / 1e9, bad);
    }
    return String.format(Locale.ROOT, "catalog %s updated in %.2f s: %d imported, %d "
        + "re-imported, %d removed, %d unchanged; %s%s", catalog, elapsedNs / 1e9, imported,
        reimported, removed, unchanged + touched, totals, bad);
  }
}

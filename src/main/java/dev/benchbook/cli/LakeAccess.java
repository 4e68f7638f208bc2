package dev.benchbook.cli;

import dev.benchbook.catalog.ImportReport;
import dev.benchbook.catalog.Lake;
import dev.benchbook.catalog.LakeReport;
import dev.benchbook.catalog.QueryResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the lake and query commands share: the lake folder, its update, a DuckDB query. */
final class LakeAccess {

  /** Raw rows above which a SQLite query is the slow choice (docs/PERFORMANCE.md, Lake). */
  static final long SLOW_SQLITE_ROWS = 20_000_000L;

  private LakeAccess() {
  }

  /** The data dir's lake, or the folder given. */
  static Path dir(Path dataDir, Path given) {
    return given != null ? given : Lake.defaultDir(dataDir);
  }

  /**
   * Updates the catalog, then the lake (merging every small batch when {@code compact}), with
   * progress bars on a terminal unless quiet; DuckDB's native library loads meanwhile.
   */
  static LakeReport update(CatalogLocation location, Path lake, boolean quiet, boolean compact,
      PrintWriter err) throws BadInputException {
    Path file = location.file(err);
    Lake.EngineLoad engine = Lake.loadEngine();
    try {
      ImportReport report = CatalogAccess.update(location.dataDir, file, quiet);
      report.problemLines().forEach(l -> err.println("benchbook: " + l));
      err.flush();
      var progress = CatalogAccess.progress(quiet, "lake", " runs");
      return compact ? Lake.compact(file, location.dataDir, lake, progress)
          : Lake.export(file, location.dataDir, lake, progress);
    } finally {
      engine.close();
    }
  }

  /**
   * Runs a query on the lake: the data dir's own lake is brought up to date first; a lake given
   * with {@code --lake} (a merged one, say) is read as it is. Left-out files are warned about.
   */
  static QueryResult query(CatalogLocation location, Path given, String sql,
      Map<String, String> params, PrintWriter err) throws BadInputException {
    Path lake = dir(location.dataDir, given);
    if (given == null || Files.isDirectory(location.dataDir) && given.equals(
        Lake.defaultDir(location.dataDir))) {
      update(location, lake, true, false, err);
    }
    List<String> warnings = new ArrayList<>();
    QueryResult result = Lake.query(lake, sql, params, warnings);
    warnings.forEach(w -> err.println("benchbook: warning: " + w));
    err.flush();
    return result;
  }

  /** One line suggesting DuckDB when the catalog holds more raw rows than SQLite serves fast. */
  static void hintWhenSlow(ImportReport report, PrintWriter err) {
    if (report.rawRows() > SLOW_SQLITE_ROWS) {
      err.printf(java.util.Locale.ROOT, "benchbook: hint: the catalog holds %,d raw rows; "
          + "--engine duckdb answers queries over rows several times faster (docs/CATALOG.md)%n",
          report.rawRows());
      err.flush();
    }
  }
}

package dev.benchbook.api;

import dev.benchbook.catalog.Catalog;
import dev.benchbook.catalog.Engine;
import dev.benchbook.catalog.ImportProgress;
import dev.benchbook.catalog.ImportReport;
import dev.benchbook.catalog.Lake;
import dev.benchbook.catalog.LakeReport;
import dev.benchbook.catalog.QueryResult;
import dev.benchbook.catalog.ResultTables;
import dev.benchbook.results.ResultsReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/** The catalog for the facade: update the data dir's catalog, then query it into a table. */
final class Queries {

  private Queries() {
  }

  /** Brings the data dir's catalog up to date; bad files are listed on {@code err}. */
  static ImportReport catalog(String dataDir, PrintStream err) {
    Path dir = Loads.path(dataDir);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no such folder: " + dir.toAbsolutePath());
    }
    ImportReport report = Catalog.update(dir);
    report.problemLines().forEach(err::println);
    report.warnings().forEach(w -> err.println("benchbook: warning: " + w));
    recordInputs(dir);
    return report;
  }

  /**
   * Notes every results file under the data dir and its raw rows (the files beside it named
   * {@code NAME.rows...}) as read: a query's answer rests on all of them.
   */
  private static void recordInputs(Path dir) {
    try {
      for (Path json : ResultsReader.resultFiles(dir)) {
        Inputs.read(json);
        String base = json.getFileName().toString().replaceFirst("\\.json$", ".rows");
        try (Stream<Path> siblings = Files.list(json.getParent())) {
          siblings.filter(f -> f.getFileName().toString().startsWith(base))
              .forEach(Inputs::read);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Updates the catalog and the lake of {@code dataDir}. */
  static LakeReport lake(String dataDir, PrintStream err) {
    ImportReport report = catalog(dataDir, err);
    return Lake.export(report.catalog(), Loads.path(dataDir),
        Lake.defaultDir(Loads.path(dataDir)), ImportProgress.NONE);
  }

  /** As {@link #query(String, String, Map, PrintStream)} on the chosen engine. */
  static Table query(String dataDir, String sql, Map<String, String> params, Engine engine,
      PrintStream err) {
    if (engine == Engine.SQLITE) {
      return query(dataDir, sql, params, Catalog.DEFAULT_TIMEOUT, err);
    }
    LakeReport lake = lake(dataDir, err);
    List<String> warnings = new ArrayList<>();
    QueryResult result = Lake.query(lake.lake(), sql, params, warnings);
    warnings.forEach(w -> err.println("benchbook: warning: " + w));
    return ResultTables.toTable(result, "query");
  }

  /** Updates the catalog of {@code dataDir}, then runs one read-only statement into a table. */
  static Table query(String dataDir, String sql, Map<String, String> params, Duration timeout,
      PrintStream err) {
    ImportReport report = catalog(dataDir, err);
    if (!report.ok()) {
      err.println("benchbook: " + report.badFiles().size() + " bad file(s) left out of the "
          + "catalog");
    }
    QueryResult result = Catalog.query(Loads.path(dataDir), report.catalog(), sql, params,
        timeout, w -> err.println("benchbook: warning: " + w));
    // untitled: a query's table shows no caption (every one would read "query"); the SQL is
    // in the cell that shows it
    return ResultTables.toTable(result, "");
  }
}

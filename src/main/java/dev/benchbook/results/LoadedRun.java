package dev.benchbook.results;

import dev.benchbook.rows.RawRows;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated results file: where it came from, its records and, when loaded, its raw rows.
 *
 * @param path the JSON file as it was given or found
 * @param run the file's records
 * @param rows the raw rows, when they were loaded (see {@link #withRows()})
 */
public record LoadedRun(Path path, RunFile run, Optional<RawRows> rows) {

  /** Validates presence. */
  public LoadedRun {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(run, "run");
    rows = rows == null ? Optional.empty() : rows;
  }

  /** The run's name: the file name without {@code .json}, e.g. {@code results-20260222-114707}. */
  public String name() {
    String n = path.getFileName().toString();
    return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
  }

  /** The raw-rows file the JSON names, resolved beside it. */
  public Optional<Path> rowsPath() {
    return run.rowsFile().map(path::resolveSibling);
  }

  /**
   * This run with its raw rows loaded and checked against the JSON (committed rows per config
   * equal each config's transitions); fails with one line per problem.
   */
  public LoadedRun withRows() {
    if (rows.isPresent()) {
      return this;
    }
    return ResultsReader.read(path, ResultsReader.RowsMode.LOAD);
  }

  /** True when the JSON names a raw-rows file and that file exists beside it. */
  public boolean hasRowsFile() {
    return rowsPath().map(java.nio.file.Files::isRegularFile).orElse(false);
  }

  /** This run with its raw rows loaded when its rows file exists; else this run as it is. */
  public LoadedRun withRowsIfPresent() {
    return rows.isEmpty() && hasRowsFile() ? withRows() : this;
  }
}

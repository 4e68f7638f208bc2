package dev.benchbook.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The Parquet lake: every catalog table as Parquet files (one folder per table, one file per
 * batch of runs in {@code batch=<id>}, {@code run_id} a column), with the catalog's column
 * names, types and units, readable by DuckDB, Spark, Trino, pandas/pyarrow and Polars; queried
 * in-process with DuckDB. See docs/CATALOG.md, "The Parquet lake".
 */
public final class Lake {

  /** Folder name of the lake inside its data dir. */
  public static final String DIR_NAME = ".benchbook-lake";

  private Lake() {
  }

  /** Where the lake of a data dir lives by default. */
  public static Path defaultDir(Path dataDir) {
    return dataDir.resolve(DIR_NAME);
  }

  /**
   * Brings {@code lake} up to date with the (already updated) catalog {@code catalogFile}:
   * writes its new runs, removes the runs it dropped, rewrites damaged ones.
   */
  public static LakeReport export(Path catalogFile, Path lake, ImportProgress progress) {
    return export(catalogFile, java.util.Optional.empty(), lake, progress, false);
  }

  /**
   * As {@link #export(Path, Path, ImportProgress)} for the catalog of {@code dataDir}: the raw
   * rows of a run whose rows file is unchanged since its import are read from that file, which
   * is several times faster than reading them back from the catalog (docs/PERFORMANCE.md).
   */
  public static LakeReport export(Path catalogFile, Path dataDir, Path lake,
      ImportProgress progress) {
    return export(catalogFile, java.util.Optional.of(dataDir), lake, progress, false);
  }

  /**
   * As {@link #export(Path, Path, Path, ImportProgress)}, then merges every small batch this
   * data dir wrote into as few batches as the size caps allow (an export does that by itself
   * once there are many of them).
   */
  public static LakeReport compact(Path catalogFile, Path dataDir, Path lake,
      ImportProgress progress) {
    return export(catalogFile, java.util.Optional.of(dataDir), lake, progress, true);
  }

  private static LakeReport export(Path catalogFile, java.util.Optional<Path> dataDir, Path lake,
      ImportProgress progress, boolean compact) {
    return export(catalogFile, dataDir, lake, progress, compact, LakeLimits.DEFAULT);
  }

  /** An export with other batch limits (tests: small batches, early merges). */
  static LakeReport export(Path catalogFile, java.util.Optional<Path> dataDir, Path lake,
      ImportProgress progress, boolean compact, LakeLimits limits) {
    if (!Files.isRegularFile(catalogFile)) {
      throw new CatalogQueryException("no catalog at " + catalogFile
          + "; build it with benchbook catalog");
    }
    try {
      return new LakeExport(catalogFile, dataDir, lake, progress, compact, limits).run();
    } catch (SQLException e) {
      throw new CatalogQueryException("cannot write the lake " + lake + ": "
          + DuckDb.message(e));
    } catch (IOException e) {
      throw new CatalogQueryException("cannot write the lake " + lake + ": "
          + e.getClass().getSimpleName() + " (" + e.getMessage() + ")");
    }
  }

  /**
   * Starts loading the DuckDB engine in the background (a command checks the catalog meanwhile);
   * close the handle before the process exits.
   */
  public static EngineLoad loadEngine() {
    return DuckDb.preload();
  }

  /** The background load of the DuckDB engine; {@link #close()} waits for it to end. */
  public static final class EngineLoad implements AutoCloseable {

    private final Thread thread;

    EngineLoad(Thread thread) {
      this.thread = thread;
    }

    /** Waits until the engine is loaded (or failed to load). */
    @Override
    public void close() {
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Deletes a lake folder and everything in it. */
  public static void delete(Path lake) {
    try {
      LakeLayout.deleteTree(lake);
    } catch (IOException e) {
      throw new CatalogQueryException("cannot delete the lake " + lake + ": " + e.getMessage());
    }
  }

  /**
   * Runs one read-only statement on the lake with DuckDB, binding {@code params} to its named
   * parameters; files that are not Parquet are left out and named in {@code warnings}.
   */
  public static QueryResult query(Path lake, String sql, Map<String, String> params,
      List<String> warnings) {
    if (!Files.isDirectory(lake)) {
      throw new CatalogQueryException("no lake at " + lake + "; write it with benchbook lake");
    }
    return LakeQuery.run(lake, sql, params, warnings);
  }
}

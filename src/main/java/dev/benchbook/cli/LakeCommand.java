package dev.benchbook.cli;

import dev.benchbook.catalog.Lake;
import dev.benchbook.catalog.LakeReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchbook lake}: writes every run under the data dir as a Parquet lake. */
@Command(name = "lake", mixinStandardHelpOptions = true,
    description = {"Write every run under the data dir as Parquet, one folder per catalog table, "
        + "Hive-partitioned by run (<table>/run_id=<id>/part-0.parquet), with the catalog's "
        + "column names, types and units, for `query --engine duckdb`, DuckDB, Spark, Trino, "
        + "pandas or Polars. Incremental: the catalog is updated first, new runs are written, "
        + "removed ones deleted, the rest left alone; a partition appears whole or not at all."},
    footer = {"", "The lake is <data-dir>/" + Lake.DIR_NAME + " unless --lake DIR; lakes of "
        + "several runners copied into one folder form one lake. See docs/CATALOG.md."})
final class LakeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CatalogLocation location;

  @Option(names = "--lake", paramLabel = "DIR", description = "Lake folder (default: "
      + "<data-dir>/" + Lake.DIR_NAME + ").")
  Path lake;

  @Option(names = "--rebuild", description = "Delete the lake folder first and write it anew.")
  boolean rebuild;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary line.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Path dir = LakeAccess.dir(location.dataDir, lake);
    PrintWriter err = spec.commandLine().getErr();
    location.file(err);
    if (rebuild) {
      Lake.delete(dir);
    }
    LakeReport report = LakeAccess.update(location, dir, quiet, err);
    report.repaired().forEach(r -> err.println("benchbook: rewrote a damaged run: " + r));
    err.flush();
    if (!quiet) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(report.summary());
      out.flush();
    }
    return ExitCode.OK;
  }
}

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
        + "many runs per file in batches (<table>/batch=<id>/part-0.parquet, run_id a column), "
        + "with the catalog's column names, types and units, for `query --engine duckdb`, "
        + "DuckDB, Spark, Trino, pandas or Polars. Incremental: the catalog is updated first, "
        + "new runs are written as a new batch, batches holding removed runs are rewritten "
        + "without them, small batches are merged once there are many; a batch appears whole "
        + "or not at all."},
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

  @Option(names = "--compact", description = "Also merge every small batch this data dir "
      + "wrote into as few as the size caps allow (done by itself past "
      + "16 small batches).")
  boolean compact;

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
    LakeReport report = LakeAccess.update(location, dir, quiet, compact, err);
    report.repaired().forEach(r -> err.println("benchbook: rewrote the runs of a damaged "
        + "batch: " + r));
    err.flush();
    if (!quiet) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(report.summary());
      out.flush();
    }
    return ExitCode.OK;
  }
}

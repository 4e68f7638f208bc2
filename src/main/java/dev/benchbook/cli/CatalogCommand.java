package dev.benchbook.cli;

import dev.benchbook.catalog.Catalog;
import dev.benchbook.catalog.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchbook catalog}: builds or updates the catalog of every run under the data dir. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = {"Build or update the SQLite catalog of every results file under the data "
        + "dir (sub-folders included), for `benchbook query`. Incremental: only new or changed "
        + "files are read; removed files leave it. Bad files are listed one line each and "
        + "skipped (exit 3)."},
    footer = {"", "The catalog is <data-dir>/" + Catalog.FILE_NAME + " (derived, git-ignored); "
        + "see docs/CATALOG.md."})
final class CatalogCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CatalogLocation location;

  @Option(names = "--rebuild", description = "Empty the catalog (waiting for another "
      + "process using it) and import everything.")
  boolean rebuild;

  @Option(names = "--timing", description = "Print where the time went on stderr.")
  boolean timing;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary line.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Path file = location.file(spec.commandLine().getErr());
    ImportReport report = rebuild ? CatalogAccess.rebuild(location.dataDir, file, quiet)
        : CatalogAccess.update(location.dataDir, file, quiet);
    PrintWriter err = spec.commandLine().getErr();
    CatalogAccess.warn(report, err);
    report.problemLines().forEach(l -> err.println("benchbook: " + l));
    if (timing) {
      err.println("benchbook: " + report.timing());
    }
    err.flush();
    if (!quiet) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(report.summary());
      out.flush();
    }
    return report.ok() ? ExitCode.OK : ExitCode.BAD_INPUT;
  }
}

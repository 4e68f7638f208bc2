package dev.benchbook.cli;

import dev.benchbook.catalog.Catalog;
import dev.benchbook.catalog.ImportProgress;
import dev.benchbook.catalog.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** What the catalog and query commands share: the file, the update with its progress bar. */
final class CatalogAccess {

  private CatalogAccess() {
  }

  /**
   * The catalog file: as given, else the data dir's (in the user's cache folder when the data
   * dir is read-only, said on {@code err}); fails when the dir is missing.
   */
  static Path file(Path dataDir, Path given, PrintWriter err) throws BadInputException {
    if (!Files.isDirectory(dataDir)) {
      throw new BadInputException(dataDir + ": no such data folder (give one with --data-dir)");
    }
    if (given != null) {
      return given;
    }
    Catalog.Location at = Catalog.locate(dataDir);
    at.note().ifPresent(n -> {
      err.println("benchbook: note: " + n);
      err.flush();
    });
    return at.file();
  }

  /** Prints the report's warnings, one {@code benchbook: warning:} line each. */
  static void warn(ImportReport report, PrintWriter err) {
    report.warnings().forEach(w -> err.println("benchbook: warning: " + w));
    err.flush();
  }

  /** Rebuilds the catalog under its lock, with a progress bar as {@link #update}. */
  static ImportReport rebuild(Path dataDir, Path file, boolean quiet) {
    if (quiet || !interactive()) {
      return Catalog.rebuild(dataDir, file, ImportProgress.NONE);
    }
    Bar bar = new Bar();
    try {
      return Catalog.rebuild(dataDir, file, bar);
    } finally {
      bar.close();
    }
  }

  private static boolean interactive() {
    return System.console() != null && System.getenv("CI") == null;
  }

  /** Updates the catalog, with a progress bar on an interactive terminal unless quiet. */
  static ImportReport update(Path dataDir, Path file, boolean quiet) {
    if (quiet || !interactive()) {
      return Catalog.update(dataDir, file, ImportProgress.NONE);
    }
    Bar bar = new Bar();
    try {
      return Catalog.update(dataDir, file, bar);
    } finally {
      bar.close();
    }
  }

  /** A progress bar on an interactive terminal unless quiet, else none. */
  static ImportProgress progress(boolean quiet, String task, String unit) {
    boolean tty = System.console() != null && System.getenv("CI") == null;
    return quiet || !tty ? ImportProgress.NONE : new Bar(task, unit);
  }

  /** A progress bar over the files to import, shown only when there are several. */
  private static final class Bar implements ImportProgress {

    private final String task;
    private final String unit;
    private ProgressBar bar;

    Bar() {
      this("catalog", " files");
    }

    Bar(String task, String unit) {
      this.task = task;
      this.unit = unit;
    }

    @Override
    public void started(int filesToImport) {
      if (filesToImport > 1) {
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(filesToImport)
            .setStyle(ProgressBarStyle.ASCII).setUnit(unit, 1)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(250).build();
      }
    }

    @Override
    public void fileDone(String file) {
      if (bar != null) {
        bar.step();
      }
    }

    void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}

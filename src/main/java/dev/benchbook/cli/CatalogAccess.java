package dev.benchbook.cli;

import dev.benchbook.catalog.Catalog;
import dev.benchbook.catalog.ImportProgress;
import dev.benchbook.catalog.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** What the catalog and query commands share: the file, the update with its progress bar. */
final class CatalogAccess {

  private CatalogAccess() {
  }

  /** The catalog file: as given, else the data dir's default; fails when the dir is missing. */
  static Path file(Path dataDir, Path given) throws BadInputException {
    if (!Files.isDirectory(dataDir)) {
      throw new BadInputException(dataDir + ": no such data folder (give one with --data-dir)");
    }
    return given != null ? given : Catalog.defaultFile(dataDir);
  }

  /** Deletes the catalog and its WAL files. */
  static void delete(Path file) throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
  }

  /** Updates the catalog, with a progress bar on an interactive terminal unless quiet. */
  static ImportReport update(Path dataDir, Path file, boolean quiet) {
    boolean tty = System.console() != null && System.getenv("CI") == null;
    if (quiet || !tty) {
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

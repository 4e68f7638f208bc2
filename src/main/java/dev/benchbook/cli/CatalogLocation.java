package dev.benchbook.cli;

import dev.benchbook.catalog.Catalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data folder and catalog file flags that {@code catalog} and {@code query} share. */
final class CatalogLocation {

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of results files "
      + "(default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("data");

  @Option(names = "--catalog", paramLabel = "FILE", description = "Catalog file (default: "
      + "<data-dir>/" + Catalog.FILE_NAME + ").")
  Path catalogFile;

  /**
   * The catalog file these flags name; when the default one cannot be kept in a read-only data
   * folder, one in the user's cache folder, said on {@code err} in one line.
   */
  Path file(java.io.PrintWriter err) throws BadInputException {
    return CatalogAccess.file(dataDir, catalogFile, err);
  }
}

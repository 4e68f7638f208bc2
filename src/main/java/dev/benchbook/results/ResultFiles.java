package dev.benchbook.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which files are results files: {@code results-*.json}, found recursively under a folder.
 * Kept apart from {@link ResultsReader} so that listing them (the catalog's up-to-date check)
 * does not build the JSON mapper.
 */
public final class ResultFiles {

  private ResultFiles() {
  }

  /** Every {@code results-*.json} under a folder, recursively, sorted by path. */
  public static List<Path> under(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(ResultFiles::isResultsFile).sorted().collect(Collectors.toList());
    }
  }

  /** True for a regular file named {@code results-*.json}. */
  public static boolean isResultsFile(Path p) {
    String n = p.getFileName().toString();
    return n.startsWith("results-") && n.endsWith(".json") && Files.isRegularFile(p);
  }
}

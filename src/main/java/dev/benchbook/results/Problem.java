package dev.benchbook.results;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found while reading a results or raw-rows file, printed as one line.
 *
 * @param file the file with the problem
 * @param where where in the file: a JSON path such as {@code $.configs[2].transitions}, a
 *     position such as {@code line 12, column 7 (start_ns)}, or empty for the whole file
 * @param message what was expected and what was found
 */
public record Problem(Path file, String where, String message) {

  /** Validates that the file and message are present. */
  public Problem {
    Objects.requireNonNull(file, "file");
    where = where == null ? "" : where;
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("problem message must not be blank");
    }
  }

  /** The one-line form: {@code file: where: message} (where omitted when empty). */
  public String line() {
    return where.isEmpty() ? file + ": " + message : file + ": " + where + ": " + message;
  }

  @Override
  public String toString() {
    return line();
  }
}

package dev.benchbook.cli;

import dev.benchbook.analysis.WorkloadMismatchException;
import dev.benchbook.catalog.CatalogQueryException;
import dev.benchbook.results.ResultsFormatException;
import dev.benchbook.runtime.IntegrityViolation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * Maps exceptions to {@code benchbook: } lines on stderr (one per problem) and an exit code;
 * never prints a stack trace.
 */
final class Errors {

  private Errors() {
  }

  /**
   * A cancellation whose line the command already printed: it prints before releasing the
   * Ctrl-C hook, since the JVM may halt right after. Reported with no second line.
   */
  static final class CancelReported extends InterruptedException {

    private static final long serialVersionUID = 1L;

    CancelReported() {
      super("cancelled");
    }
  }

  /**
   * Prints {@code benchbook: <message>} and returns the exit code for the failure; a bad-flags
   * failure (exit 2) is its line alone, without the whole usage.
   */
  static int report(Exception e, PrintWriter err) {
    if (e instanceof CancelReported) {
      return ExitCode.CANCELLED;
    }
    for (String line : message(e).split("\n")) {
      err.println("benchbook: " + line);
    }
    err.flush();
    return code(e);
  }

  private static int code(Exception e) {
    if (e instanceof InterruptedException) {
      return ExitCode.CANCELLED;
    }
    if (e instanceof BadInputException || e instanceof ResultsFormatException
        || e instanceof WorkloadMismatchException) {
      return ExitCode.BAD_INPUT;
    }
    if (e instanceof CatalogQueryException q && q.badParameters()) {
      return ExitCode.USAGE;
    }
    if (e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)) {
      return ExitCode.USAGE;
    }
    return ExitCode.FAILED;
  }

  private static String message(Exception e) {
    if (e instanceof InterruptedException) {
      return "cancelled; no results written, temporary databases removed";
    }
    if (e instanceof IntegrityViolation) {
      return e.getMessage();
    }
    if (e instanceof SQLException) {
      return "SQLite error: " + e.getMessage();
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return "I/O error: " + e.getMessage();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}

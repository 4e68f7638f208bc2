package dev.benchbook.cli;

/** Documented exit codes of the benchbook CLI. */
public final class ExitCode {

  /** Success. */
  public static final int OK = 0;
  /** The benchmark or command failed (integrity violation, SQLite error, I/O error). */
  public static final int FAILED = 1;
  /** Bad flags or arguments (picocli's usage error code). */
  public static final int USAGE = 2;
  /** A results file could not be read or validated. */
  public static final int BAD_INPUT = 3;
  /** {@code compare --fail-on regression} found a regression. */
  public static final int REGRESSION = 4;
  /** Interrupted by the user (Ctrl-C): 128 + SIGINT. */
  public static final int CANCELLED = 130;

  private ExitCode() {
  }
}

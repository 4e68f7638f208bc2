package dev.benchbook.notebook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How an {@link Evaluator} starts.
 *
 * @param extraClasspath jars and folders added to the host class path (compiler and loader)
 * @param cellTimeout longest a cell may run before it is stopped; {@link Duration#ZERO} = none
 * @param workingDir folder that relative {@code %jars} / {@code %classpath} paths start from
 */
public record EvaluatorOptions(List<Path> extraClasspath, Duration cellTimeout, Path workingDir) {

  /** Validates and copies the options. */
  public EvaluatorOptions {
    extraClasspath = List.copyOf(extraClasspath);
    if (cellTimeout == null || cellTimeout.isNegative()) {
      throw new IllegalArgumentException("cell timeout must be zero (none) or positive, got "
          + cellTimeout);
    }
    workingDir = workingDir == null ? Path.of("") : workingDir;
  }

  /** No extra class path, no timeout, the process's working directory. */
  public static EvaluatorOptions defaults() {
    return new EvaluatorOptions(List.of(), Duration.ZERO, Path.of(""));
  }

  /** The same options with another cell timeout ({@link Duration#ZERO} = none). */
  public EvaluatorOptions withCellTimeout(Duration timeout) {
    return new EvaluatorOptions(extraClasspath, timeout, workingDir);
  }
}

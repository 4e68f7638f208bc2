package dev.benchbook.results;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A results or raw-rows file that cannot be used; its message is one line per problem, meant
 * for users as it is (no stack trace needed).
 */
public final class ResultsFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** Creates the exception for one or more problems. */
  public ResultsFormatException(List<Problem> problems) {
    super(lines(problems));
    this.problems = List.copyOf(problems);
  }

  /** Creates the exception for a single problem. */
  public ResultsFormatException(Problem problem) {
    this(List.of(problem));
  }

  /** The problems, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  private static String lines(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a format exception needs at least one problem");
    }
    return problems.stream().map(Problem::line).collect(Collectors.joining("\n"));
  }
}

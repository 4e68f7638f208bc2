package dev.benchbook.analysis;

import java.util.List;

/** Thrown when two configs ran different workloads and the comparison was not forced. */
public final class WorkloadMismatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final List<String> differences;

  /** Creates the exception from the differences, e.g. {@code files 818 vs 1000}. */
  public WorkloadMismatchException(List<String> differences) {
    super("workloads differ: " + String.join("; ", differences)
        + "; pass --force to compare anyway");
    this.differences = List.copyOf(differences);
  }

  /** Each difference as {@code field baseline vs mitigation}. */
  public List<String> differences() {
    return differences;
  }
}

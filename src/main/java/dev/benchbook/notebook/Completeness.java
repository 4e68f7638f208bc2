package dev.benchbook.notebook;

/**
 * Whether a cell's code can run as it is (Jupyter's {@code is_complete_request}).
 *
 * @param status complete, incomplete (more lines expected) or invalid
 * @param indent the indent to suggest for the next line when incomplete, else empty
 */
public record Completeness(Status status, String indent) {

  /** Jupyter's three answers. */
  public enum Status {
    /** Runs as it is. */
    COMPLETE,
    /** Needs more lines (an open block, a trailing operator). */
    INCOMPLETE,
    /** Cannot be completed by adding lines. */
    INVALID
  }
}

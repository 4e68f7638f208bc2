package dev.benchbook.notebook;

/** A notebook file that cannot be read as nbformat 4: names the file and what was expected. */
public final class NotebookFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A problem in {@code file}, e.g. {@code /cells/3/source: expected a string or lines}. */
  public NotebookFormatException(String message) {
    super(message, null, false, false);
  }
}

package dev.benchbook.catalog;

/**
 * A query name or parameter the user gave that cannot be used (unknown, repeated, or a value
 * its declared type does not allow): bad input on the command line, one line, no stack trace.
 */
public final class QueryParameterException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its one-line message. */
  public QueryParameterException(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}

package dev.benchbook.catalog;

/**
 * A query that was refused or that SQLite could not run; the message is one line with no
 * stack trace worth printing (e.g. {@code SQL error: no such table: runz}).
 */
public class CatalogQueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its one-line message. */
  public CatalogQueryException(String message) {
    super(message, null, false, false);
  }
}

package dev.benchbook.catalog;

/**
 * A query that was refused or that SQLite could not run; the message is one line with no
 * stack trace worth printing (e.g. {@code SQL error: no such table: runz}).
 */
public class CatalogQueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean badParameters;

  /** Creates the exception with its one-line message. */
  public CatalogQueryException(String message) {
    this(message, false);
  }

  private CatalogQueryException(String message, boolean badParameters) {
    super(message, null, false, false);
    this.badParameters = badParameters;
  }

  /**
   * A query named wrongly or given wrong parameters (unknown name, unknown or unused
   * parameter, missing value): the caller's flags are at fault, not the SQL or the data.
   */
  public static CatalogQueryException badParameters(String message) {
    return new CatalogQueryException(message, true);
  }

  /** True when the query's name or parameters were wrong (the CLI exits 2). */
  public boolean badParameters() {
    return badParameters;
  }
}

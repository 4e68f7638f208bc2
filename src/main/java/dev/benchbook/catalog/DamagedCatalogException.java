package dev.benchbook.catalog;

import java.sql.SQLException;

/** A query that failed because the catalog file is damaged; the caller may rebuild it. */
final class DamagedCatalogException extends CatalogQueryException {

  private static final long serialVersionUID = 1L;
  private final transient SQLException cause;

  DamagedCatalogException(String message, SQLException cause) {
    super(message);
    this.cause = cause;
  }

  /** SQLite's error. */
  SQLException cause() {
    return cause;
  }
}

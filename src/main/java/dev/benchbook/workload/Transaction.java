package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The open transaction a {@link DbStep} writes in: statements prepared once per connection and
 * reused, so a step allocates nothing per transition once warm.
 */
public interface Transaction {

  /**
   * The statement for {@code sql} on this transaction's connection, prepared on first use and
   * reused afterwards (like any reused PreparedStatement it keeps its last parameters: set
   * them all).
   */
  PreparedStatement prepare(String sql) throws SQLException;

  /** The connection (never commit, roll back or close it: the strategy owns the transaction). */
  Connection connection();

  /** The index of the worker whose transition this is (the writer thread runs others' steps). */
  int worker();
}

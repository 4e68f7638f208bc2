package dev.benchbook.workload;

import java.sql.SQLException;

/**
 * A strategy opened on one database (see {@link Strategy}): how workers reach it, the baseline
 * (per-worker connections) or a mitigation.
 */
public interface ConnectionStrategy extends AutoCloseable {

  /** Opens the channel worker {@code worker} writes through. */
  WriteChannel open(int worker) throws SQLException;

  /** Releases shared resources (shared connections, writer threads). */
  @Override
  void close();
}

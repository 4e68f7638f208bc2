package dev.benchbook.workload;

import java.sql.SQLException;
import java.util.Map;

/** How workers reach the database: the baseline (per-worker connections) or a mitigation. */
public interface ConnectionStrategy extends AutoCloseable {

  /** Strategy name as recorded in results, e.g. {@code per-worker}. */
  String name();

  /** Strategy knobs as recorded in results. */
  Map<String, Object> options();

  /** False when transitions are not individually atomic under this strategy. */
  default boolean atomic() {
    return true;
  }

  /** Opens the channel worker {@code worker} writes through. */
  WriteChannel open(int worker) throws SQLException;

  /** Releases shared resources (shared connections, writer threads). */
  @Override
  void close();
}

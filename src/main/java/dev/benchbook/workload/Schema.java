package dev.benchbook.workload;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A workload's database: its tables, the seed rows of a fresh database, the workload file
 * whose SQL the strategies run (none when the transitions write through a Java
 * {@link DbStep}), and the check after every pass. A workload file's is {@link #of(WorkloadFile)}
 * ({@link #BUILT_IN} the built-in file's); a Java workload's usually {@link #of(List, String)}.
 */
public interface Schema {

  /** The built-in workload file's tables, seed, writes and integrity check. */
  Schema BUILT_IN = of(WorkloadFile.builtIn());

  /** The CREATE statements, run in order on a fresh database. */
  List<String> create();

  /**
   * Inserts the rows of {@code items} items (ids 0 to items - 1) in the flow's initial state,
   * inside a transaction the caller commits.
   */
  void seed(Connection c, Flow flow, int items) throws SQLException;

  /** The workload file whose writes the strategies run, when the workload writes through SQL. */
  default Optional<WorkloadFile> file() {
    return Optional.empty();
  }

  /**
   * Checks the database after a pass, given what the workers counted: PRAGMA
   * integrity_check and every item that started ended in a terminal state, plus the schema's
   * own invariants.
   */
  IntegrityReport check(Database db, Flow flow, ItemCounts counts) throws SQLException;

  /**
   * A workload file's tables, seed rows, writes and integrity check (its states query, audit
   * table and invariants).
   */
  static Schema of(WorkloadFile file) {
    return SqlSchema.of(file);
  }

  /**
   * Your tables: CREATE statements and a seed INSERT run once per item with the named
   * parameters {@code :file_id} (the item id) and {@code :state} (the initial state's name).
   * After a pass it checks PRAGMA integrity_check and that every item the workers started
   * reached a terminal state.
   */
  static Schema of(List<String> create, String seed) {
    return new SqlSchema(create, seed, Optional.empty(), Optional.empty());
  }

  /**
   * As {@link #of(List, String)}, plus your own invariant after every pass: a query returning
   * one row per violation (its first column describes it), e.g. {@code SELECT 'job ' || id ||
   * ' is still RUNNING' FROM jobs WHERE state = 'RUNNING'}.
   */
  static Schema of(List<String> create, String seed, String violationsQuery) {
    return new SqlSchema(create, seed, Optional.empty(), Optional.of(violationsQuery));
  }

  /**
   * What the workers of a pass counted, for the check.
   *
   * @param committed committed transitions
   * @param terminal items the workers moved into the success terminal state
   * @param failed items the workers moved into the failure terminal state
   * @param started items the workers started
   * @param items items in the database
   * @param bounded whether the duration bound stopped the pass before every item ran
   */
  record ItemCounts(long committed, long terminal, long failed, long started, long items,
      boolean bounded) {
  }
}

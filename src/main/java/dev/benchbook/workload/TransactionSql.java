package dev.benchbook.workload;

import dev.benchbook.rows.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The statements of one transition on one connection, prepared once and reused: the write of
 * the built-in workload file (its optimistic check, then its statements), between BEGIN and
 * COMMIT.
 *
 * <p>Not thread-safe: one user at a time, which each strategy guarantees.
 */
final class TransactionSql implements AutoCloseable {

  private final Connection connection;
  private final PreparedStatement begin;
  private final NamedSql update;
  private final NamedSql[] inserts;
  private final PreparedStatement commit;
  private final PreparedStatement rollback;
  private final long holdNs;

  TransactionSql(Connection connection, long holdNs) throws SQLException {
    this.connection = connection;
    this.holdNs = holdNs;
    this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
    WorkloadFile.WriteSql write = WorkloadFile.builtIn().write();
    this.update = NamedSql.prepare(connection, write.check());
    this.inserts = new NamedSql[write.statements().size()];
    for (int i = 0; i < inserts.length; i++) {
      inserts[i] = NamedSql.prepare(connection, write.statements().get(i));
    }
    this.commit = connection.prepareStatement("COMMIT");
    this.rollback = connection.prepareStatement("ROLLBACK");
  }

  /** BEGIN IMMEDIATE: takes the write lock, waiting in the busy handler if needed. */
  void begin() throws SQLException {
    begin.executeUpdate();
  }

  /** COMMIT. */
  void commit() throws SQLException {
    commit.executeUpdate();
  }

  /**
   * Runs the transaction body after BEGIN: UPDATE with the optimistic check, INSERT the audit
   * row, hold, COMMIT. Sets {@code write.result}; rolls back on conflict or error.
   */
  void bodyAndCommit(TransitionWrite write) {
    try {
      if (!body(write)) {
        rollbackQuietly();
        write.result = Outcome.CONFLICT;
        return;
      }
      commit.executeUpdate();
      write.result = Outcome.COMMITTED;
    } catch (SQLException | InjectedFailure e) {
      rollbackQuietly();
      write.result = isBusy(e) ? Outcome.BUSY : Outcome.ROLLED_BACK;
    }
  }

  /**
   * UPDATE, injected failure, INSERT and hold, inside a transaction the caller opened.
   * Returns false on a failed optimistic check (nothing written by this call).
   */
  boolean body(TransitionWrite write) throws SQLException {
    if (!update(write)) {
      return false;
    }
    if (write.injectFailure) {
      throw new InjectedFailure(write.fileId);
    }
    insertAudit(write);
    Pause.ns(holdNs);
    return true;
  }

  /** The UPDATE with the optimistic check; true when it matched the file's row. */
  boolean update(TransitionWrite write) throws SQLException {
    return update.bind(write).executeUpdate() == 1;
  }

  /** The audit INSERT of one transition. */
  void insertAudit(TransitionWrite write) throws SQLException {
    for (NamedSql insert : inserts) {
      insert.bind(write).executeUpdate();
    }
  }

  /**
   * Batched UPDATEs (with the optimistic check) of several transitions inside a transaction the
   * caller opened; returns each UPDATE's row count (1 = applied, 0 = conflict).
   */
  int[] updateBatch(TransitionWrite[] writes, int n) throws SQLException {
    for (int i = 0; i < n; i++) {
      update.bind(writes[i]).addBatch();
    }
    return update.statement().executeBatch();
  }

  /**
   * Batched audit INSERTs of the transitions whose {@code result} is COMMITTED, then the held
   * work of each of them, inside the caller's transaction.
   */
  void insertBatch(TransitionWrite[] writes, int n) throws SQLException {
    int added = 0;
    for (int i = 0; i < n; i++) {
      TransitionWrite w = writes[i];
      if (w.result != Outcome.COMMITTED) {
        continue;
      }
      for (NamedSql insert : inserts) {
        insert.bind(w).addBatch();
      }
      added++;
    }
    if (added > 0) {
      for (NamedSql insert : inserts) {
        insert.statement().executeBatch();
      }
    }
    Pause.ns(holdNs * added);
  }

  /** ROLLBACK, ignoring errors (there may be no open transaction). */
  void rollbackQuietly() {
    try {
      rollback.executeUpdate();
    } catch (SQLException ignored) {
      // no transaction open: nothing to roll back
    }
  }

  /** True when the error is SQLITE_BUSY (any extended code). */
  static boolean isBusy(Exception e) {
    if (e instanceof SQLiteException) {
      SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
      return code.code % 256 == SQLiteErrorCode.SQLITE_BUSY.code;
    }
    return false;
  }

  /** Closes the statements, then the connection they belong to. */
  void closeWithConnection() {
    close();
    Connections.closeQuietly(connection);
  }

  @Override
  public void close() {
    java.util.List<PreparedStatement> all = new java.util.ArrayList<>(java.util.List.of(begin,
        update.statement(), commit, rollback));
    for (NamedSql insert : inserts) {
      all.add(insert.statement());
    }
    for (PreparedStatement p : all) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // closing during cleanup: the connection is closed next anyway
      }
    }
  }

  /** Thrown between UPDATE and COMMIT when a test asks for a failure. */
  static final class InjectedFailure extends RuntimeException {
    InjectedFailure(int fileId) {
      super("injected failure in a transition of file " + fileId, null, false, false);
    }
  }
}

package dev.benchbook.workload;

import dev.benchbook.rows.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The statements of one transition on one connection, prepared once and reused: the write of
 * the workload's schema (its optimistic check, then its statements) or the workload's Java
 * {@link DbStep}, between BEGIN and COMMIT.
 *
 * <p>Not thread-safe: one user at a time, which each strategy guarantees.
 */
final class TransactionSql implements AutoCloseable {

  private final Connection connection;
  private final PreparedStatement begin;
  private final NamedSql update;
  private final NamedSql[] inserts;
  private final JavaSql java;
  private final PreparedStatement commit;
  private final PreparedStatement rollback;
  private final long holdNs;

  /** The built-in workload's write on {@code connection}. */
  TransactionSql(Connection connection, long holdNs) throws SQLException {
    this(connection, holdNs, Schema.BUILT_IN);
  }

  /** The write of {@code schema} (none when it has no write SQL: Java DB steps only). */
  TransactionSql(Connection connection, long holdNs, Schema schema) throws SQLException {
    this.connection = connection;
    this.holdNs = holdNs;
    this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
    java.util.Optional<WorkloadFile.WriteSql> sql = schema.write();
    this.update = sql.isPresent() ? NamedSql.prepare(connection, sql.get().check()) : null;
    List<String> statements = sql.map(WorkloadFile.WriteSql::statements).orElse(List.of());
    this.inserts = new NamedSql[statements.size()];
    for (int i = 0; i < inserts.length; i++) {
      inserts[i] = NamedSql.prepare(connection, statements.get(i));
    }
    this.java = new JavaSql(connection);
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
   * row (or the Java DB step), hold, COMMIT. Sets {@code write.result}; rolls back on conflict
   * or error (an error of the workload's code is a failure with its throwable).
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
    } catch (Throwable e) {
      rollbackQuietly();
      write.failed(rethrowFatal(e));
    }
  }

  /** Rethrows errors no transition can survive (out of memory); returns the others. */
  static Throwable rethrowFatal(Throwable t) {
    return ErrorCodes.survivable(t);
  }

  /** True when the write runs the workload's Java DB step. */
  static boolean isJava(TransitionWrite write) {
    return write.dbStep != null;
  }

  /**
   * UPDATE, injected failure, INSERT and hold (or the Java DB step, injected failure and hold),
   * inside a transaction the caller opened. Returns false on a failed optimistic check.
   */
  boolean body(TransitionWrite write) throws Exception {
    if (write.dbStep != null) {
      if (!write.dbStep.run(write.step, java.forWorker(write.worker))) {
        return false;
      }
      if (write.injectFailure) {
        throw new InjectedFailure(write.fileId);
      }
      Pause.ns(holdNs);
      return true;
    }
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
    if (update == null) {
      throw new SQLException("this workload's schema has no write SQL; its transitions need a "
          + "Java DB step (Transitions.dbStep)");
    }
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

  /**
   * One transition of a batch inside the caller's transaction, in its own savepoint: a
   * conflict or a failure rolls back only this transition's statements. Sets the result
   * (COMMITTED meaning: written, committed with the batch).
   */
  void inSavepoint(TransitionWrite write) throws SQLException {
    java.prepare("SAVEPOINT benchbook_step").execute();
    boolean written;
    try {
      written = body(write);
    } catch (Throwable t) {
      undoSavepoint();
      write.failed(rethrowFatal(t));
      return;
    }
    if (written) {
      java.prepare("RELEASE benchbook_step").execute();
      write.result = Outcome.COMMITTED;
    } else {
      undoSavepoint();
      write.result = Outcome.CONFLICT;
    }
  }

  private void undoSavepoint() throws SQLException {
    java.prepare("ROLLBACK TO benchbook_step").execute();
    java.prepare("RELEASE benchbook_step").execute();
  }

  @Override
  public void close() {
    java.close();
    List<PreparedStatement> all = new ArrayList<>(List.of(begin, commit, rollback));
    if (update != null) {
      all.add(update.statement());
    }
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
